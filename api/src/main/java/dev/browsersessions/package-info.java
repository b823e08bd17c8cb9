/**
 * The user API: start, inspect, list and stop remote browser sessions the same way on every
 * vendor. Start with {@link dev.browsersessions.BrowserSessions#create()}.
 */
package dev.browsersessions;
