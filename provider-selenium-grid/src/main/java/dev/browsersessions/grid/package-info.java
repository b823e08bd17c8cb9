/**
 * Browser sessions on a self-hosted Selenium Grid 4 (provider name {@code selenium-grid}): {@link
 * dev.browsersessions.grid.SeleniumGridProviderFactory} registers it, {@link
 * dev.browsersessions.grid.SeleniumGridSettings} holds its configuration.
 */
package dev.browsersessions.grid;
