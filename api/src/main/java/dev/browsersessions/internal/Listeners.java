package dev.browsersessions.internal;

import dev.browsersessions.observe.CallFinished;
import dev.browsersessions.observe.CallObserver;
import dev.browsersessions.observe.CallStarted;
import dev.browsersessions.observe.LeakGuardStop;
import dev.browsersessions.observe.LostCreate;
import dev.browsersessions.observe.ProviderEvents;
import dev.browsersessions.observe.Retry;
import dev.browsersessions.observe.SessionListener;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.function.Consumer;

/**
 * The listeners of one client, as one: each event goes to each listener in registration order,
 * and a listener that throws is logged and skipped, never allowed to change the call. Also the
 * {@link ProviderEvents} sink handed to the provider. Internal: not part of the API.
 */
public final class Listeners implements ProviderEvents {

  private static final System.Logger LOG = System.getLogger(Listeners.class.getName());
  private static final int MAX_PROBLEMS = 16;

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
   * The listeners registered with {@link ServiceLoader}; a broken registration is logged and
   * does not hide the others.
   *
   * @param classLoader where to look
   * @return the listeners found
   */
  static List<SessionListener> discover(ClassLoader classLoader) {
    List<SessionListener> found = new ArrayList<>();
    Iterator<SessionListener> it = ServiceLoader.load(SessionListener.class, classLoader).iterator();
    for (int problems = 0; problems < MAX_PROBLEMS; ) {
      try {
        if (!it.hasNext()) {
          break;
        }
        found.add(it.next());
      } catch (ServiceConfigurationError | RuntimeException | LinkageError e) {
        problems++;
        LOG.log(Level.WARNING, "browser-sessions: a registered SessionListener could not be"
            + " loaded and is skipped: " + e);
      }
    }
    return found;
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
   * The leak guard stopped a session.
   *
   * @param stop the stop
   */
  public void leakGuardStopped(LeakGuardStop stop) {
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
