/**
 * Runnable examples: {@link dev.browsersessions.examples.QuickStart}, compiled against the API
 * only, and {@link dev.browsersessions.examples.PlaywrightExample}, Playwright on the local
 * provider through the Playwright connector.
 */
package dev.browsersessions.examples;
