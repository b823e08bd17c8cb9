package dev.browsersessions.grid.internal;

import dev.browsersessions.SessionInfo;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * What this provider instance knows about sessions beyond what the Grid keeps: the Grid forgets a
 * session once it ends, so the ledger remembers the sessions this instance created or saw running,
 * their last activity (for the idle timeout) and how they ended. Thread-safe; an entry is the lock
 * under which its session is ended, so parallel stops agree.
 */
final class Ledger {

  /** How long an ended session is remembered. */
  static final Duration RETENTION = Duration.ofDays(1);

  private final ConcurrentMap<String, Entry> entries = new ConcurrentHashMap<>();

  /** One session. */
  static final class Entry {
    final String id;
    /** Whether this instance created it: only then is its idle timeout measured here. */
    final boolean created;
    private volatile SessionInfo last;
    private volatile Instant lastActive;
    private volatile SessionInfo ended;
    private volatile boolean seen;

    private Entry(String id, boolean created, SessionInfo last, Instant now) {
      this.id = id;
      this.created = created;
      this.last = last;
      this.lastActive = now;
      this.seen = last != null;
    }

    /** The last running state seen, if any. */
    Optional<SessionInfo> last() {
      return Optional.ofNullable(last);
    }

    /** Whether this instance ever saw the session running (created it or read it). */
    boolean seen() {
      return seen;
    }

    /** How it ended, once it has. */
    Optional<SessionInfo> ended() {
      return Optional.ofNullable(ended);
    }

    void ended(SessionInfo info) {
      this.ended = info;
    }

    void seen(SessionInfo info) {
      this.last = info;
      this.seen = true;
    }

    void touch(Instant now) {
      this.lastActive = now;
    }

    Instant lastActive() {
      return lastActive;
    }

    /**
     * Why the session must end now, if a timeout passed: the maximum duration (measured from the
     * create, readable by any process) or, for a session this instance created, the idle timeout.
     */
    Optional<String> expired(SessionInfo info, Instant now) {
      Optional<Duration> max = info.maxDuration();
      Optional<Instant> created = info.createdAt();
      if (max.isPresent() && created.isPresent() && !now.isBefore(created.get().plus(max.get()))) {
        return Optional.of("maximum duration " + max.get() + " passed");
      }
      Optional<Duration> idle = info.idleTimeout();
      if (this.created && idle.isPresent() && !now.isBefore(lastActive.plus(idle.get()))) {
        return Optional.of("idle timeout " + idle.get() + " passed without activity");
      }
      return Optional.empty();
    }
  }

  /** Records a session this instance just created. */
  Entry created(SessionInfo info, Instant now) {
    prune(now);
    Entry e = new Entry(info.id(), true, info, now);
    entries.put(info.id(), e);
    return e;
  }

  /** The entry of an id, creating a not-yet-seen one for an id this instance never met. */
  Entry entry(String id, Instant now) {
    return entries.computeIfAbsent(id, k -> new Entry(k, false, null, now));
  }

  Optional<Entry> get(String id) {
    return Optional.ofNullable(entries.get(id));
  }

  /** Forgets an entry made for an id that turned out not to exist. */
  void forget(Entry e) {
    if (!e.seen() && e.ended().isEmpty()) {
      entries.remove(e.id, e);
    }
  }

  Collection<Entry> entries() {
    return List.copyOf(entries.values());
  }

  private void prune(Instant now) {
    Instant before = now.minus(RETENTION);
    entries.values().removeIf(e -> e.ended().flatMap(SessionInfo::closedAt)
        .filter(t -> t.isBefore(before)).isPresent());
  }
}
