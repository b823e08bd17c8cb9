/** The Selenium Grid 4 provider (name {@code selenium-grid}). */
module dev.browsersessions.grid {
  requires transitive dev.browsersessions;
  requires dev.browsersessions.http;
  requires com.fasterxml.jackson.databind;
  requires feign.core;

  exports dev.browsersessions.grid;
  // Feign builds a proxy of the internal API interface; Jackson reads and writes the wire records.
  opens dev.browsersessions.grid.internal to feign.core;
  opens dev.browsersessions.grid.internal.wire to com.fasterxml.jackson.databind;

  provides dev.browsersessions.spi.BrowserSessionProviderFactory with
      dev.browsersessions.grid.SeleniumGridProviderFactory;
}
