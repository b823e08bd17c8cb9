/**
 * The in-memory {@code fake} provider for users' own tests: put {@code
 * browser-sessions-provider-fake} on the test class path and {@code BrowserSessions.create()}
 * finds it.
 *
 * <ul>
 *   <li>{@link dev.browsersessions.fake.FakeProvider}: the provider and its builder (clock,
 *       capabilities, id and URL generators), with test controls: {@code failNext}, {@code
 *       calls()}, {@code endSession}, {@code reset()}.
 *   <li>{@link dev.browsersessions.fake.MutableClock}: a clock a test moves by hand, for idle
 *       timeouts and maximum durations.
 *   <li>{@link dev.browsersessions.fake.FakeProviders}: how a test reaches a provider created
 *       through {@link java.util.ServiceLoader} (register under a name, or the last created).
 *   <li>{@link dev.browsersessions.fake.FakeProviderFactory}: the ServiceLoader entry and its
 *       configuration keys.
 * </ul>
 */
package dev.browsersessions.fake;
