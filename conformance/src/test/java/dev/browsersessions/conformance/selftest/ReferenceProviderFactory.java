package dev.browsersessions.conformance.selftest;

import dev.browsersessions.ProviderConfig;
import dev.browsersessions.spi.BrowserSessionProvider;
import dev.browsersessions.spi.BrowserSessionProviderFactory;
import java.time.Clock;

/** Registers the reference provider for ServiceLoader (rule R1.1). */
public final class ReferenceProviderFactory implements BrowserSessionProviderFactory {

  /** For ServiceLoader. */
  public ReferenceProviderFactory() {}

  @Override
  public String name() {
    return ReferenceProvider.NAME;
  }

  @Override
  public BrowserSessionProvider create(ProviderConfig config) {
    return new ReferenceProvider(Clock.systemUTC(), ReferenceProvider.everything());
  }
}
