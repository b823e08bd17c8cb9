package dev.browsersessions.fake;

import dev.browsersessions.Capability;
import dev.browsersessions.conformance.BrowserSessionProviderContract;
import dev.browsersessions.spi.BrowserSessionProvider;

/**
 * Runs the kit against a fake that declares only {@link Capability#CDP_URL}, so every optional
 * rule takes its "refuses with UnsupportedCapabilityException" branch.
 */
class FakeProviderWithoutOptionsConformanceTest extends BrowserSessionProviderContract {

  @Override
  protected BrowserSessionProvider createProvider() {
    return FakeProvider.builder().capabilities(Capability.CDP_URL).build();
  }
}
