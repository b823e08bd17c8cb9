/**
 * The browser-sessions conformance kit: {@link
 * dev.browsersessions.conformance.BrowserSessionProviderContract}, one abstract JUnit 5 class every
 * provider's test subclasses. Used in test scope only.
 */
module dev.browsersessions.conformance {
  requires transitive dev.browsersessions;
  requires transitive org.junit.jupiter.api;
  requires org.assertj.core;
  requires java.net.http;

  exports dev.browsersessions.conformance;

  opens dev.browsersessions.conformance to
      org.junit.platform.commons;

  uses dev.browsersessions.spi.BrowserSessionProviderFactory;
}
