package dev.browsersessions.fake.internal;

import dev.browsersessions.SessionInfo;
import dev.browsersessions.SessionStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One in-memory session and its life cycle. Every transition happens under this object's lock, so
 * concurrent calls on one session see one consistent history (two parallel stops agree on the
 * same terminal state).
 *
 * <p>Time is evaluated lazily: each method first applies what the clock says has happened since
 * the last call (startup finished, idle timeout or maximum duration passed).
 */
public final class FakeSession {

  /** The close reason of a session stopped through {@code stop}. */
  public static final String STOPPED_REASON = "stopped by client";

  private final long sequence;
  private final SessionInfo template;
  private final Instant createdAt;
  private final Instant readyAt;
  private final Duration idleTimeout;
  private final Duration maxDuration;

  private SessionStatus status; // guarded by this
  private Instant lastActiveAt; // guarded by this
  private Instant closedAt; // guarded by this
  private String closeReason; // guarded by this

  /**
   * Creates a session.
   *
   * @param sequence its creation order in the provider
   * @param template what never changes: id, provider, timeouts, URLs, metadata, attributes
   * @param createdAt when it was created
   * @param startupDelay how long it stays {@code PENDING}; zero for {@code ACTIVE} at once
   */
  public FakeSession(long sequence, SessionInfo template, Instant createdAt, Duration startupDelay) {
    this.sequence = sequence;
    this.template = Objects.requireNonNull(template, "template");
    this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
    this.readyAt = createdAt.plus(startupDelay);
    this.idleTimeout = template.idleTimeout().orElse(null);
    this.maxDuration = template.maxDuration().orElse(null);
    this.status = startupDelay.isZero() ? SessionStatus.ACTIVE : SessionStatus.PENDING;
    this.lastActiveAt = createdAt;
  }

  /**
   * The session's creation order in its provider.
   *
   * @return a number unique within the provider, increasing with creation
   */
  public long sequence() {
    return sequence;
  }

  /**
   * The session's id.
   *
   * @return the id
   */
  public String id() {
    return template.id();
  }

  /**
   * The session as it is now, without counting as activity.
   *
   * @param now the provider clock's instant
   * @return the snapshot
   */
  public synchronized SessionInfo observe(Instant now) {
    advanceTo(now);
    return snapshot();
  }

  /**
   * The session as it is now; if it is still running, this counts as activity.
   *
   * @param now the provider clock's instant
   * @return the snapshot
   */
  public synchronized SessionInfo touch(Instant now) {
    advanceTo(now);
    if (!status.isTerminal()) {
      lastActiveAt = later(lastActiveAt, now);
    }
    return snapshot();
  }

  /**
   * Stops the session if it is still running; otherwise returns its terminal state unchanged.
   *
   * @param now the provider clock's instant
   * @return the terminal snapshot
   */
  public synchronized SessionInfo stop(Instant now) {
    return end(now, SessionStatus.CLOSED, STOPPED_REASON, true);
  }

  /**
   * Ends the session from the vendor's side (not a client call, so not activity), if it is still
   * running; otherwise returns its terminal state unchanged.
   *
   * @param now the provider clock's instant
   * @param terminal a terminal status
   * @param reason the close reason
   * @return the terminal snapshot
   */
  public synchronized SessionInfo end(Instant now, SessionStatus terminal, String reason) {
    return end(now, terminal, reason, false);
  }

  private SessionInfo end(Instant now, SessionStatus terminal, String reason, boolean activity) {
    if (!terminal.isTerminal()) {
      throw new IllegalArgumentException(terminal + " is not a terminal status");
    }
    advanceTo(now);
    if (!status.isTerminal()) {
      Instant at = later(lastActiveAt, now);
      if (activity) {
        lastActiveAt = at;
      }
      finish(terminal, at, reason);
    }
    return snapshot();
  }

  private void advanceTo(Instant now) {
    if (status.isTerminal()) {
      return;
    }
    Instant idleDeadline = idleTimeout == null ? null : lastActiveAt.plus(idleTimeout);
    Instant maxDeadline = maxDuration == null ? null : createdAt.plus(maxDuration);
    boolean idleFirst =
        idleDeadline != null && (maxDeadline == null || idleDeadline.isBefore(maxDeadline));
    Instant deadline = idleFirst ? idleDeadline : maxDeadline;
    if (deadline != null && !now.isBefore(deadline)) {
      finish(
          SessionStatus.TIMED_OUT,
          deadline,
          idleFirst
              ? "idle timeout of " + idleTimeout + " passed"
              : "maximum duration of " + maxDuration + " passed");
      return;
    }
    if (status == SessionStatus.PENDING && !now.isBefore(readyAt)) {
      status = SessionStatus.ACTIVE;
    }
  }

  private void finish(SessionStatus terminal, Instant at, String reason) {
    status = terminal;
    closedAt = at;
    closeReason = reason;
  }

  private SessionInfo snapshot() {
    return template.toBuilder()
        .status(status)
        .lastActiveAt(lastActiveAt)
        .closedAt(closedAt)
        .closeReason(closeReason)
        .build();
  }

  private static Instant later(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }
}
