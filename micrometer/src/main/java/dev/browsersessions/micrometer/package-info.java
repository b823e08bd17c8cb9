/**
 * Micrometer for browser-sessions. Register a {@link
 * dev.browsersessions.micrometer.MicrometerSessionListener} on {@code BrowserSessions.builder()}
 * to get, under {@code browser.sessions.*}: an {@code Observation} per call (a timer, and a span
 * where Micrometer Tracing is set up), a gauge of open sessions per provider, and counters for
 * retries, lost creates and leak-guard stops. Tags are low-cardinality only (provider, operation,
 * outcome, exception type; never an id).
 */
package dev.browsersessions.micrometer;
