/**
 * Browser sessions on a self-hosted Selenium Grid 4 (provider name {@code selenium-grid}): {@link
 * dev.browsersessions.grid.SeleniumGridProviderFactory} registers it, {@link
 * dev.browsersessions.grid.SeleniumGridSettings} holds its configuration, {@link
 * dev.browsersessions.grid.GridAttributes} names the attributes its sessions carry.
 */
package dev.browsersessions.grid;
