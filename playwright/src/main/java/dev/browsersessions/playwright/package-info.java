/**
 * Playwright for Java on any browser-sessions session that has a CDP URL: {@link
 * dev.browsersessions.playwright.PlaywrightConnector#connect(dev.browsersessions.BrowserSession)}
 * returns a {@link dev.browsersessions.playwright.PlaywrightSession} holding the connected {@code
 * Browser}, its default context and a page; closing it closes the Playwright side and then stops
 * the session.
 */
package dev.browsersessions.playwright;
