/**
 * HTTP plumbing (Feign, Jackson, Failsafe) shared by the REST providers; not for public use: its
 * package is exported only to the provider modules.
 */
// The provider modules are built after this one: "module not found" for them is expected.
@SuppressWarnings("module")
module dev.browsersessions.http {
  requires transitive dev.browsersessions;
  requires transitive feign.core;
  requires transitive com.fasterxml.jackson.databind;
  requires com.fasterxml.jackson.datatype.jsr310;
  requires dev.failsafe.core;
  requires java.net.http;

  exports dev.browsersessions.http to dev.browsersessions.notte, dev.browsersessions.stagehand,
      dev.browsersessions.grid;
}
