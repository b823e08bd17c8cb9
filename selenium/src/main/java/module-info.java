/**
 * The Selenium connector: a {@code WebDriver} and a CDP {@code DevTools} connection for a
 * browser-sessions session. See {@link dev.browsersessions.selenium.SeleniumConnector}.
 */
module dev.browsersessions.selenium {
  requires transitive dev.browsersessions;
  requires transitive org.seleniumhq.selenium.chrome_driver;

  exports dev.browsersessions.selenium;
}
