/** The local Chromium provider (name {@code local}). */
module dev.browsersessions.local {
  requires transitive dev.browsersessions;
  requires java.logging;

  exports dev.browsersessions.local;

  provides dev.browsersessions.spi.BrowserSessionProviderFactory with
      dev.browsersessions.local.LocalProviderFactory;
}
