package dev.browsersessions.spi;

import dev.browsersessions.Capability;
import dev.browsersessions.SessionFilter;
import dev.browsersessions.SessionInfo;
import dev.browsersessions.SessionRequest;
import dev.browsersessions.observe.ProviderEvents;
import java.util.List;
import java.util.Set;

/**
 * One vendor's sessions, as a provider author implements them. Users do not call this directly;
 * they hold a {@link dev.browsersessions.BrowserSessions}, which validates requests, refuses
 * unsupported options and tracks sessions before delegating here.
 *
 * <p>The contract, stated as numbered rules and checked by the conformance kit
 * ({@code browser-sessions-conformance}):
 *
 * <ul>
 *   <li>Implementations are thread-safe.
 *   <li>{@link #create} returns a session with a fresh id, never one already handed out.
 *   <li>{@link #stop} is idempotent: stopping a session that already ended returns its terminal
 *       {@link SessionInfo}; stopping an id the provider never knew throws {@link
 *       dev.browsersessions.SessionNotFoundException}.
 *   <li>Unknown vendor statuses map to {@link dev.browsersessions.SessionStatus#UNKNOWN}, never to
 *       an exception; vendor extras travel in {@link SessionInfo#attributes()}.
 *   <li>Every failure is a {@link dev.browsersessions.BrowserSessionException}.
 *   <li>An option the provider does not declare in {@link #capabilities()} is refused with {@link
 *       dev.browsersessions.UnsupportedCapabilityException} (see {@link RequestChecks}).
 * </ul>
 */
public interface BrowserSessionProvider extends AutoCloseable {

  /**
   * The provider's name, the same as its factory's.
   *
   * @return e.g. {@code "notte"}
   */
  String name();

  /**
   * What this provider really implements.
   *
   * @return the capabilities; never {@code null}
   */
  Set<Capability> capabilities();

  /**
   * Starts a session.
   *
   * @param request what the caller asked for
   * @return the session as the vendor granted it
   */
  SessionInfo create(SessionRequest request);

  /**
   * Reads a session's current state.
   *
   * @param sessionId the session's id
   * @return its state
   * @throws dev.browsersessions.SessionNotFoundException if the provider does not know the id
   */
  SessionInfo status(String sessionId);

  /**
   * Stops a session and returns its terminal state. Idempotent.
   *
   * @param sessionId the session's id
   * @return its terminal state
   * @throws dev.browsersessions.SessionNotFoundException if the provider never knew the id
   */
  SessionInfo stop(String sessionId);

  /**
   * Lists sessions. Only called when {@link #capabilities()} contains {@link Capability#LIST}.
   *
   * @param filter which sessions to return
   * @return the matching sessions
   */
  default List<SessionInfo> list(SessionFilter filter) {
    throw new dev.browsersessions.UnsupportedCapabilityException(Capability.LIST, name());
  }

  /**
   * Receives the sink for what the provider does inside a call and the client cannot see:
   * retries and lost creates (see {@link ProviderEvents}). The client that owns the provider
   * calls this once, before any other call, and only when it has listeners; a provider that never
   * retries or reconciles can ignore it (the default). A provider that reports keeps the sink in
   * a volatile field that starts as {@link ProviderEvents#NONE} and calls {@link
   * ProviderEvents#retrying} before each retry's wait and {@link ProviderEvents#lostCreate} once
   * per reconciled create.
   *
   * @param events where to report; never {@code null}
   */
  default void reportTo(ProviderEvents events) {}

  /**
   * Releases the provider's clients and threads. Does not stop the sessions it returned (the
   * client's leak guard does that), but may stop sessions it started that no {@link #create}
   * returned: those of creates whose answer was lost and could not be reconciled at the time.
   *
   * @throws dev.browsersessions.BrowserSessionException naming what such a lost create left that
   *     it could not stop or find ({@link dev.browsersessions.SessionCleanupException} when it
   *     knows the session ids)
   */
  @Override
  default void close() {}
}
