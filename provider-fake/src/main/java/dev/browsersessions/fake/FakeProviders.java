package dev.browsersessions.fake;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * How a test reaches a {@link FakeProvider} that code under test obtains through {@link
 * java.util.ServiceLoader} ({@code BrowserSessions.create()} or {@code create("fake")}). Two
 * ways, both JVM-wide:
 *
 * <ol>
 *   <li><b>Register first (recommended).</b> The test builds and registers a provider under a
 *       name, then points the configuration key {@code instance} at it; the factory then returns
 *       that very instance, so failures can be planned before the code under test runs:
 *       <pre>{@code
 * FakeProvider fake = FakeProviders.register("checkout-test", FakeProvider.builder().build());
 * System.setProperty("browsersessions.fake.instance", "checkout-test"); // or the env variable
 * fake.failNext(FakeOperation.CREATE, 1, () -> new QuotaExceededException("full", "fake", 402));
 * checkoutService.run(); // calls BrowserSessions.create() inside
 * assertThat(fake.calls(FakeOperation.CREATE)).hasSize(1);
 * FakeProviders.unregister("checkout-test");
 * }</pre>
 *       The same key works as {@code ProviderConfig.builder().put("instance", "checkout-test")},
 *       or {@code BROWSERSESSIONS_FAKE_INSTANCE}. Names make parallel tests independent.
 *   <li><b>Look at the last one.</b> {@link #lastCreated()} returns the provider the factory
 *       most recently returned. Simple, but only meaningful when tests do not run in parallel.
 * </ol>
 *
 * Thread-safe.
 */
public final class FakeProviders {

  private static final Map<String, FakeProvider> REGISTERED = new ConcurrentHashMap<>();
  private static final AtomicReference<FakeProvider> LAST = new AtomicReference<>();

  private FakeProviders() {}

  /**
   * Registers a provider under a name, replacing any provider registered under it before.
   *
   * @param name a non-blank name, the value of the configuration key {@code instance}
   * @param provider the provider the factory returns for that name
   * @return the provider, for chaining
   */
  public static FakeProvider register(String name, FakeProvider provider) {
    REGISTERED.put(requireName(name), Objects.requireNonNull(provider, "provider"));
    return provider;
  }

  /**
   * Removes a registration.
   *
   * @param name the name
   * @return the provider that was registered under it, if any
   */
  public static Optional<FakeProvider> unregister(String name) {
    return Optional.ofNullable(REGISTERED.remove(requireName(name)));
  }

  /**
   * The provider registered under a name.
   *
   * @param name the name
   * @return the provider, if one is registered
   */
  public static Optional<FakeProvider> registered(String name) {
    return Optional.ofNullable(REGISTERED.get(requireName(name)));
  }

  /**
   * The provider that {@link FakeProviderFactory} most recently returned in this JVM, whether it
   * built it or found it registered.
   *
   * @return the provider, if the factory has returned one
   */
  public static Optional<FakeProvider> lastCreated() {
    return Optional.ofNullable(LAST.get());
  }

  static void created(FakeProvider provider) {
    LAST.set(provider);
  }

  private static String requireName(String name) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("a fake provider instance name must not be blank");
    }
    return name.trim();
  }
}
