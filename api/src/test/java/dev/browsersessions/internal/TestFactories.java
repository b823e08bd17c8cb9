package dev.browsersessions.internal;

import dev.browsersessions.Capability;
import dev.browsersessions.ProviderConfig;
import dev.browsersessions.SessionInfo;
import dev.browsersessions.SessionRequest;
import dev.browsersessions.SessionStatus;
import dev.browsersessions.spi.BrowserSessionProvider;
import dev.browsersessions.spi.BrowserSessionProviderFactory;
import java.util.Set;

/** Provider factories registered through temporary service files in the selection tests. */
final class TestFactories {

  private TestFactories() {}

  /** A provider that only knows its name and the config it was given. */
  record NamedProvider(String name, ProviderConfig config) implements BrowserSessionProvider {
    @Override
    public Set<Capability> capabilities() {
      return Set.of();
    }

    @Override
    public SessionInfo create(SessionRequest request) {
      return SessionInfo.builder("x", name, SessionStatus.ACTIVE).build();
    }

    @Override
    public SessionInfo status(String sessionId) {
      return SessionInfo.builder(sessionId, name, SessionStatus.ACTIVE).build();
    }

    @Override
    public SessionInfo stop(String sessionId) {
      return SessionInfo.builder(sessionId, name, SessionStatus.CLOSED).build();
    }
  }

  abstract static class Base implements BrowserSessionProviderFactory {
    @Override
    public BrowserSessionProvider create(ProviderConfig config) {
      return new NamedProvider(name(), config);
    }
  }

  public static final class Alpha extends Base {
    @Override
    public String name() {
      return "alpha";
    }
  }

  public static final class AlphaTwin extends Base {
    @Override
    public String name() {
      return "alpha";
    }
  }

  /** Answers its name once, then fails: discovery's checked name is the one used. */
  public static final class NameOnce extends Base {
    private final java.util.concurrent.atomic.AtomicBoolean asked =
        new java.util.concurrent.atomic.AtomicBoolean();

    @Override
    public String name() {
      if (asked.getAndSet(true)) {
        throw new IllegalStateException("name() asked twice");
      }
      return "gamma";
    }

    @Override
    public BrowserSessionProvider create(ProviderConfig config) {
      return new NamedProvider("gamma", config);
    }
  }

  public static final class Beta extends Base {
    @Override
    public String name() {
      return "beta";
    }
  }

  public static final class BadName extends Base {
    @Override
    public String name() {
      return "Not A Name";
    }
  }

  public static final class ThrowingConstructor extends Base {
    public ThrowingConstructor() {
      throw new IllegalStateException("boom in constructor");
    }

    @Override
    public String name() {
      return "throwing";
    }
  }

  public static final class FailingCreate extends Base {
    @Override
    public String name() {
      return "failing";
    }

    @Override
    public BrowserSessionProvider create(ProviderConfig config) {
      throw new IllegalArgumentException("cannot build");
    }
  }
}
