package dev.browsersessions.conformance.selftest.broken;

import dev.browsersessions.BrowserSessionException;
import dev.browsersessions.Capability;
import dev.browsersessions.SessionInfo;
import dev.browsersessions.SessionRequest;
import dev.browsersessions.conformance.internal.ForwardingProvider;
import dev.browsersessions.spi.BrowserSessionProvider;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/** Broken providers that create too much, mix up callers, or do not let go when closed. */
public final class BrokenLifecycle {

  private BrokenLifecycle() {}

  /** A create whose first answer "timed out" is retried: the vendor now runs two sessions. */
  public static final class ExtraSessionPerCreate extends ForwardingProvider {
    /** @param delegate the honest provider */
    public ExtraSessionPerCreate(BrowserSessionProvider delegate) {
      super(delegate);
    }

    @Override
    public SessionInfo create(SessionRequest request) {
      delegate.create(request);
      return delegate.create(request);
    }
  }

  /**
   * Keeps "the current request" in a field shared by all callers: a create on one of the kit's
   * parallel workers answers with the previous create's metadata. (The worker-thread check makes
   * the race certain, so the self-test never depends on timing.)
   */
  public static final class CrossedParallelCreates extends ForwardingProvider {
    private final AtomicReference<SessionInfo> previous = new AtomicReference<>();

    /** @param delegate the honest provider */
    public CrossedParallelCreates(BrowserSessionProvider delegate) {
      super(delegate);
    }

    @Override
    public SessionInfo create(SessionRequest request) {
      SessionInfo info = delegate.create(request);
      SessionInfo before = previous.getAndSet(info);
      boolean parallel = Thread.currentThread().getName().startsWith("conformance-worker-");
      return parallel && before != null
          ? info.toBuilder().metadata(before.metadata()).build() : info;
    }
  }

  /** After close(), every method throws, name() and capabilities() included. */
  public static final class UnusableAfterClose extends ForwardingProvider {
    private final AtomicBoolean closed = new AtomicBoolean();

    /** @param delegate the honest provider */
    public UnusableAfterClose(BrowserSessionProvider delegate) {
      super(delegate);
    }

    @Override
    public String name() {
      requireOpen();
      return delegate.name();
    }

    @Override
    public Set<Capability> capabilities() {
      requireOpen();
      return delegate.capabilities();
    }

    @Override
    public void close() {
      closed.set(true);
      delegate.close();
    }

    private void requireOpen() {
      if (closed.get()) {
        throw new BrowserSessionException("provider is closed", "reference");
      }
    }
  }

  /**
   * Starts a keep-alive thread on the first create and never stops it. The thread waits (bounded)
   * until {@link #releaseAll()}, which the self-test calls when it is done.
   */
  public static final class ThreadLeftRunning extends ForwardingProvider {
    private static final CountDownLatch RELEASE = new CountDownLatch(1);
    private final AtomicBoolean started = new AtomicBoolean();

    /** @param delegate the honest provider */
    public ThreadLeftRunning(BrowserSessionProvider delegate) {
      super(delegate);
    }

    /** Ends every keep-alive thread any instance started. */
    public static void releaseAll() {
      RELEASE.countDown();
    }

    @Override
    public SessionInfo create(SessionRequest request) {
      if (started.compareAndSet(false, true)) {
        Thread t = new Thread(() -> {
          try {
            RELEASE.await(1, TimeUnit.MINUTES);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        }, "broken-keep-alive");
        t.setDaemon(true);
        t.start();
      }
      return delegate.create(request);
    }
  }
}
