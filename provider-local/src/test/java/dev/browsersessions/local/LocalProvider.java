package dev.browsersessions.local;

import dev.browsersessions.spi.BrowserSessionProvider;
import java.nio.file.Path;
import java.time.Clock;

/**
 * Test fixture: the builder {@code LocalConformanceTest} uses, kept so that file compiles as it
 * is; it only fills {@link LocalSettings} and calls {@link LocalProviderFactory#create}. Not part
 * of the provider (the provider's SPI class is {@code internal.LocalProvider}).
 */
final class LocalProvider {

  private LocalProvider() {}

  /**
   * Starts a builder.
   *
   * @return a builder over {@link LocalSettings}
   */
  static Builder builder() {
    return new Builder();
  }

  /** Fills {@link LocalSettings}. */
  static final class Builder {
    private final LocalSettings.Builder settings = LocalSettings.builder();

    Builder chromium(Path chromium) {
      settings.chromium(chromium);
      return this;
    }

    Builder stateDir(Path stateDir) {
      settings.stateDir(stateDir);
      return this;
    }

    Builder clock(Clock clock) {
      settings.clock(clock);
      return this;
    }

    BrowserSessionProvider build() {
      return LocalProviderFactory.create(settings.build());
    }
  }
}
