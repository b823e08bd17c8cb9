/**
 * Observing what a {@link dev.browsersessions.BrowserSessions} client does: a {@link
 * dev.browsersessions.observe.SessionListener} hears every {@code start}, {@code stop}, {@code
 * status} and {@code list} call (provider, outcome, duration), the sessions the leak guard
 * tracks and stops, and what the provider reports through {@link
 * dev.browsersessions.observe.ProviderEvents} (retries, lost creates). No dependency: the
 * Micrometer listener lives in {@code browser-sessions-micrometer}.
 *
 * <p>Register listeners with {@link
 * dev.browsersessions.BrowserSessions.Builder#listener(SessionListener)} or with {@link
 * java.util.ServiceLoader} ({@code META-INF/services/dev.browsersessions.observe.SessionListener},
 * or {@code provides} in {@code module-info.java}). A client with no listener takes the same path
 * as before listeners existed: no event object is made and no clock is read.
 */
package dev.browsersessions.observe;
