package dev.browsersessions.http;

import java.lang.reflect.Method;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The JDK {@link HttpClient}s of every REST provider in the JVM: one per configuration that
 * shapes a client (today the {@code connect-timeout}), shared by all the providers built with it
 * and counted: {@link #acquire} on a provider's first call, {@link Lease#release} at its {@code
 * close()} (a provider's warm-up acquires and releases at once: it builds the client for the first
 * call without holding it). A client is built on the first acquire, never before.
 *
 * <p>Threads: the client's work runs on an executor of ours whose daemon threads ({@code
 * browser-sessions-http-N}) end {@link #IDLE} after their last task, so a closed provider leaves
 * no worker behind. When the last user releases a client, on Java 21 and later it is shut down
 * ({@code HttpClient.shutdownNow()}, which ends its selector thread) and forgotten; on Java 17,
 * which cannot stop a client, it is kept for the next provider with the same configuration: one
 * daemon selector thread ({@code HttpClient-N-SelectorManager}) per configuration for the JVM's
 * life, whatever the number of providers built and closed.
 */
final class SharedHttpClients {

  /** How long an idle worker thread lives. */
  static final Duration IDLE = Duration.ofSeconds(1);

  private static final Method SHUTDOWN_NOW = shutdownNow();
  private static final AtomicInteger THREADS = new AtomicInteger();
  private static final Map<Duration, Shared> CLIENTS = new HashMap<>();

  private SharedHttpClients() {}

  /** One shared client and its users. */
  private static final class Shared {
    final Duration connectTimeout;
    final ThreadPoolExecutor executor;
    final HttpClient client;
    int users;

    Shared(Duration connectTimeout) {
      this.connectTimeout = connectTimeout;
      this.executor = new ThreadPoolExecutor(0, Integer.MAX_VALUE, IDLE.toMillis(),
          TimeUnit.MILLISECONDS, new SynchronousQueue<>(), task -> {
            Thread t = new Thread(task, "browser-sessions-http-" + THREADS.incrementAndGet());
            t.setDaemon(true);
            return t;
          });
      this.client = HttpClient.newBuilder()
          .connectTimeout(connectTimeout)
          .version(HttpClient.Version.HTTP_1_1)
          .followRedirects(HttpClient.Redirect.NEVER)
          .executor(executor)
          .build();
    }
  }

  /** A provider's use of a shared client, released once. */
  static final class Lease {
    private final Shared shared;
    private boolean released;

    private Lease(Shared shared) {
      this.shared = shared;
    }

    /**
     * The client.
     *
     * @return the shared client
     */
    HttpClient client() {
      return shared.client;
    }

    /** Ends this use; the last one shuts the client down where the JDK can (Java 21+). */
    void release() {
      synchronized (CLIENTS) {
        if (released) {
          return;
        }
        released = true;
        if (--shared.users > 0 || SHUTDOWN_NOW == null) {
          return; // Java 17: kept for the next provider (its workers end when idle)
        }
        CLIENTS.remove(shared.connectTimeout);
      }
      try {
        SHUTDOWN_NOW.invoke(shared.client);
      } catch (ReflectiveOperationException | RuntimeException e) {
        // nothing more can be done: the client's threads end when it is collected
      }
      shared.executor.shutdown();
    }
  }

  /**
   * Starts a use of the client for these settings, building it if none is in use.
   *
   * @param settings the provider's HTTP settings
   * @return the lease, to release at the provider's close
   */
  static Lease acquire(HttpSettings settings) {
    synchronized (CLIENTS) {
      Shared shared = CLIENTS.computeIfAbsent(settings.connectTimeout(), Shared::new);
      shared.users++;
      return new Lease(shared);
    }
  }

  /**
   * How many providers use the client for these settings, for tests.
   *
   * @param settings the settings
   * @return the number of users, or -1 when no client is built (or kept) for them
   */
  static int users(HttpSettings settings) {
    synchronized (CLIENTS) {
      Shared shared = CLIENTS.get(settings.connectTimeout());
      return shared == null ? -1 : shared.users;
    }
  }

  /** {@code HttpClient.shutdownNow()} on Java 21 and later, else {@code null}. */
  private static Method shutdownNow() {
    try {
      return HttpClient.class.getMethod("shutdownNow");
    } catch (NoSuchMethodException e) {
      return null;
    }
  }
}
