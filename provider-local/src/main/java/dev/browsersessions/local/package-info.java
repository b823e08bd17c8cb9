/**
 * The {@code local} provider: real Chromium on this machine, driven over CDP, with no cloud
 * account. Select it with {@code BrowserSessions.create("local")}, or build one from {@link
 * dev.browsersessions.local.LocalSettings} with {@link
 * dev.browsersessions.local.LocalProviderFactory#create(LocalSettings)}.
 */
package dev.browsersessions.local;
