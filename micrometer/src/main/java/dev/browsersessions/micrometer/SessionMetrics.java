package dev.browsersessions.micrometer;

/**
 * The names and tag keys this module records, in one place. Micrometer turns the dots into each
 * backend's convention (Prometheus: {@code browser_sessions_calls_seconds}).
 */
public final class SessionMetrics {

  /**
   * The observation (and timer) of every client call; tags provider, operation, outcome,
   * exception.
   */
  public static final String CALLS = "browser.sessions.calls";

  /** Gauge: the sessions the clients started and still track, per provider. */
  public static final String OPEN = "browser.sessions.open";

  /** Counter: vendor calls the provider retried; tags provider, operation, exception. */
  public static final String RETRIES = "browser.sessions.retries";

  /** Counter: lost creates, by what reconciling them found; tags provider, resolution. */
  public static final String LOST_CREATES = "browser.sessions.lost.creates";

  /** Counter: sessions the leak guard stopped; tags provider, trigger, outcome. */
  public static final String LEAK_GUARD_STOPS = "browser.sessions.leak.guard.stops";

  /** Tag: the provider's name. */
  public static final String PROVIDER = "provider";

  /** Tag: start, stop, status or list. */
  public static final String OPERATION = "operation";

  /** Tag: success or failure. */
  public static final String OUTCOME = "outcome";

  /** Tag: the failure's simple class name, or none. */
  public static final String EXCEPTION = "exception";

  /** Tag: adopted, stopped, none_started or unresolved. */
  public static final String RESOLUTION = "resolution";

  /** Tag: close or shutdown_hook. */
  public static final String TRIGGER = "trigger";

  /** High-cardinality key on call observations (spans only, never metrics): the session id. */
  public static final String SESSION_ID = "browser.sessions.session.id";

  private SessionMetrics() {}
}
