package dev.browsersessions.internal;

import dev.browsersessions.BrowserSession;
import dev.browsersessions.observe.CallFinished;
import dev.browsersessions.observe.CallObserver;
import dev.browsersessions.observe.CallStarted;
import dev.browsersessions.observe.LeakGuardStop;
import dev.browsersessions.observe.LostCreate;
import dev.browsersessions.observe.Operation;
import dev.browsersessions.observe.Outcome;
import dev.browsersessions.observe.ProviderEvents;
import dev.browsersessions.observe.Retry;
import dev.browsersessions.observe.SessionListener;
import dev.browsersessions.spi.RequestChecks;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The listeners of one client, as one: each event goes to each listener in registration order,
 * and a listener that throws is logged and skipped, never allowed to change the call. Also the
 * {@link ProviderEvents} sink handed to the provider. Internal: not part of the API.
 */
public final class Listeners implements ProviderEvents {

  private static final System.Logger LOG = System.getLogger(Listeners.class.getName());

  private final SessionListener[] all;

  private Listeners(List<SessionListener> listeners) {
    this.all = listeners.toArray(new SessionListener[0]);
  }

  /**
   * The listeners to use, or {@code null} when there are none (the client then takes the path
   * without events).
   *
   * @param explicit those registered on the builder
   * @param discover whether to add those found with {@link ServiceLoader}
   * @param classLoader where to look
   * @return the listeners, or {@code null}
   */
  public static Listeners of(
      List<SessionListener> explicit, boolean discover, ClassLoader classLoader) {
    List<SessionListener> found = new ArrayList<>(explicit);
    if (discover) {
      found.addAll(discover(classLoader));
    }
    return found.isEmpty() ? null : new Listeners(found);
  }

  /**
   * The listeners registered with {@link ServiceLoader} (see {@link Services}); a broken
   * registration is logged and does not hide the others.
   *
   * @param classLoader where to look
   * @return the listeners found
   */
  static List<SessionListener> discover(ClassLoader classLoader) {
    Services.Loaded<SessionListener> loaded =
        Services.load(SessionListener.class, classLoader, "SessionListener");
    loaded.problems().forEach(
        p -> LOG.log(Level.WARNING, "browser-sessions: " + p + "; it is skipped"));
    return loaded.found();
  }

  /**
   * Runs a call with its events: the listeners hear it start, then end with its outcome and
   * duration (the clock is read only when a listener wants the end).
   *
   * @param provider the provider's name
   * @param operation which call
   * @param sessionId the session the call names, or {@code null}; passed on only when valid
   * @param call the call
   * @param <T> its result
   * @return its result
   */
  public <T> T observe(String provider, Operation operation, String sessionId, Supplier<T> call) {
    // an id that fails validation is not passed on: it is hostile until checked
    Optional<String> id = Optional.ofNullable(sessionId).filter(RequestChecks::isValidId);
    CallStarted started = new CallStarted(provider, operation, id);
    CallObserver observer = callStarted(started);
    if (observer == CallObserver.NONE) {
      return call.get(); // nobody wants the end: no clock read, no event
    }
    long t0 = System.nanoTime();
    T result;
    try {
      result = call.get();
    } catch (RuntimeException | Error e) {
      observer.finished(new CallFinished(started, Outcome.FAILURE,
          Duration.ofNanos(System.nanoTime() - t0), id, Optional.of(e)));
      throw e;
    }
    Optional<String> resultId = result instanceof BrowserSession s ? Optional.of(s.id()) : id;
    observer.finished(new CallFinished(started, Outcome.SUCCESS,
        Duration.ofNanos(System.nanoTime() - t0), resultId, Optional.empty()));
    return result;
  }

  /**
   * Tells every listener that a call starts.
   *
   * @param call the call
   * @return the observer of its end; {@link CallObserver#NONE} when no listener wants it
   */
  public CallObserver callStarted(CallStarted call) {
    if (all.length == 1) {
      return guarded(all[0], call);
    }
    CallObserver[] observers = new CallObserver[all.length];
    boolean anyHears = false;
    for (int i = 0; i < all.length; i++) {
      observers[i] = guarded(all[i], call);
      anyHears |= observers[i] != CallObserver.NONE;
    }
    if (!anyHears) {
      return CallObserver.NONE;
    }
    return finished -> {
      for (CallObserver o : observers) {
        o.finished(finished);
      }
    };
  }

  /**
   * A session became tracked.
   *
   * @param provider the provider
   * @param sessionId the session
   */
  public void sessionOpened(String provider, String sessionId) {
    each(l -> l.sessionOpened(provider, sessionId));
  }

  /**
   * A session is no longer tracked.
   *
   * @param provider the provider
   * @param sessionId the session
   */
  public void sessionReleased(String provider, String sessionId) {
    each(l -> l.sessionReleased(provider, sessionId));
  }

  /**
   * The leak guard stopped a session, or failed to.
   *
   * @param provider the provider's name
   * @param sessionId the session
   * @param trigger what made the guard act
   * @param failure what the stop threw, or {@code null} when it succeeded
   */
  public void leakGuardStopped(
      String provider, String sessionId, LeakGuardStop.Trigger trigger, RuntimeException failure) {
    LeakGuardStop stop = new LeakGuardStop(provider, sessionId, trigger,
        failure == null ? Outcome.SUCCESS : Outcome.FAILURE, Optional.ofNullable(failure));
    each(l -> l.leakGuardStopped(stop));
  }

  @Override
  public void retrying(Retry retry) {
    each(l -> l.retrying(retry));
  }

  @Override
  public void lostCreate(LostCreate lostCreate) {
    each(l -> l.lostCreate(lostCreate));
  }

  private void each(Consumer<SessionListener> event) {
    for (SessionListener l : all) {
      try {
        event.accept(l);
      } catch (RuntimeException e) {
        warn(l, e);
      }
    }
  }

  private static CallObserver guarded(SessionListener l, CallStarted call) {
    CallObserver o;
    try {
      o = l.callStarted(call);
    } catch (RuntimeException e) {
      warn(l, e);
      return CallObserver.NONE;
    }
    if (o == null || o == CallObserver.NONE) {
      return CallObserver.NONE;
    }
    return (CallFinished finished) -> {
      try {
        o.finished(finished);
      } catch (RuntimeException e) {
        warn(l, e);
      }
    };
  }

  private static void warn(SessionListener l, RuntimeException e) {
    LOG.log(Level.WARNING, "browser-sessions: listener " + l.getClass().getName()
        + " threw; the call goes on unchanged", e);
  }
}
