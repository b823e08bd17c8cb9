/** The Notte provider (name {@code notte}). */
module dev.browsersessions.notte {
  requires transitive dev.browsersessions;
  requires dev.browsersessions.http;
  requires com.fasterxml.jackson.databind;
  requires feign.core;

  exports dev.browsersessions.notte;
  // Feign builds a proxy of the internal API interface.
  opens dev.browsersessions.notte.internal to feign.core;
  // Jackson binds the wire records.
  opens dev.browsersessions.notte.internal.wire to com.fasterxml.jackson.databind;

  provides dev.browsersessions.spi.BrowserSessionProviderFactory with
      dev.browsersessions.notte.NotteProviderFactory;
}
