/**
 * The {@code stagehand} provider's implementation: request and session mapping, the stop
 * procedure, the event-stream reader and the HTTP clients for Stagehand and Browserbase. Not an
 * API: anything here may change in any release.
 */
package dev.browsersessions.stagehand.internal;
