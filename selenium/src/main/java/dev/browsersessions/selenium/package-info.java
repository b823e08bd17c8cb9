/**
 * Selenium on a browser-sessions session: {@link
 * dev.browsersessions.selenium.SeleniumConnector#connect(dev.browsersessions.BrowserSession)}
 * gives a {@link dev.browsersessions.selenium.SeleniumSession} holding a {@code WebDriver} (through
 * the session's WebDriver endpoint when it has one, otherwise chromedriver attached to its CDP
 * endpoint) and Selenium's CDP {@code DevTools} connection.
 */
package dev.browsersessions.selenium;
