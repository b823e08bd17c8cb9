package dev.browsersessions.notte;

import dev.browsersessions.ProviderConfig;
import dev.browsersessions.conformance.BrowserSessionProviderContract;
import dev.browsersessions.notte.internal.NotteProviders;
import dev.browsersessions.spi.BrowserSessionProvider;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * The conformance kit against the real Notte API. Runs only when {@code NOTTE_API_KEY} is set
 * (it starts real, billed sessions; the kit stops every one it starts).
 */
@Tag("live")
@EnabledIfEnvironmentVariable(named = "NOTTE_API_KEY", matches = ".+")
class NotteLiveIT extends BrowserSessionProviderContract {

  @Override
  protected BrowserSessionProvider createProvider() {
    return NotteProviders.create(ProviderConfig.empty());
  }

  @Override
  protected Duration settleTimeout() {
    return Duration.ofSeconds(60);
  }

  @Override
  protected int parallelism() {
    return 2;
  }
}
