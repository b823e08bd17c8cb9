package dev.browsersessions.conformance.internal;

import dev.browsersessions.spi.BrowserSessionProvider;

/**
 * Passes every call to a provider except {@code close()}, so the kit can check sessions after a
 * {@link dev.browsersessions.BrowserSessions} client closed "its" provider. The kit closes the real
 * provider itself after the test.
 */
public final class DeferredCloseProvider extends ForwardingProvider {

  /**
   * Wraps a provider.
   *
   * @param delegate the provider under test
   */
  public DeferredCloseProvider(BrowserSessionProvider delegate) {
    super(delegate);
  }

  /** Does nothing: the kit closes the real provider after the test. */
  @Override
  public void close() {}
}
