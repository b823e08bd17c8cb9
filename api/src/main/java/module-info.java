/**
 * The vendor-neutral browser-sessions API and SPI. Providers are found with {@link
 * java.util.ServiceLoader}.
 */
module dev.browsersessions {
  exports dev.browsersessions;
  exports dev.browsersessions.spi;
  exports dev.browsersessions.observe;

  uses dev.browsersessions.spi.BrowserSessionProviderFactory;
  uses dev.browsersessions.observe.SessionListener;
}
