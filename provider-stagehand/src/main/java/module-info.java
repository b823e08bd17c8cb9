/**
 * The {@code stagehand} provider: Browserbase sessions through Stagehand's v3 REST API. Registers
 * {@link dev.browsersessions.stagehand.StagehandProviderFactory} with {@link
 * java.util.ServiceLoader}.
 */
module dev.browsersessions.stagehand {
  requires transitive dev.browsersessions;
  requires dev.browsersessions.http;

  exports dev.browsersessions.stagehand;

  opens dev.browsersessions.stagehand.internal.wire to com.fasterxml.jackson.databind;

  provides dev.browsersessions.spi.BrowserSessionProviderFactory with
      dev.browsersessions.stagehand.StagehandProviderFactory;
}
