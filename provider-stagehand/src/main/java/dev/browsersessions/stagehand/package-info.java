/**
 * The {@code stagehand} provider: browser sessions on Browserbase, started and ended through the
 * Stagehand v3 REST API and observed through Browserbase's Sessions API. Select it with {@code
 * BrowserSessions.create("stagehand")}; see {@link
 * dev.browsersessions.stagehand.StagehandProviderFactory} for its configuration.
 */
package dev.browsersessions.stagehand;
