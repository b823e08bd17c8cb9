package dev.browsersessions;

import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Which sessions {@code list} returns: those in any of {@link #statuses()} (all when empty) whose
 * metadata contains every entry of {@link #metadata()}.
 *
 * @param statuses the statuses to include; empty means every status
 * @param metadata tags a session must carry, all of them
 */
public record SessionFilter(Set<SessionStatus> statuses, Map<String, String> metadata) {

  private static final SessionFilter ALL = new SessionFilter(Set.of(), Map.of());

  /**
   * Validates and copies the filter.
   *
   * @param statuses the statuses to include; empty means every status
   * @param metadata tags a session must carry, all of them
   */
  public SessionFilter {
    statuses = Set.copyOf(Objects.requireNonNull(statuses, "statuses"));
    metadata = Map.copyOf(Objects.requireNonNull(metadata, "metadata"));
  }

  /**
   * Every session the provider knows.
   *
   * @return the filter
   */
  public static SessionFilter all() {
    return ALL;
  }

  /**
   * Sessions that are running or about to: {@code PENDING} and {@code ACTIVE}.
   *
   * @return the filter
   */
  public static SessionFilter active() {
    return new SessionFilter(EnumSet.of(SessionStatus.PENDING, SessionStatus.ACTIVE), Map.of());
  }

  /**
   * Sessions in any of the given statuses.
   *
   * @param first a status
   * @param more more statuses
   * @return the filter
   */
  public static SessionFilter withStatus(SessionStatus first, SessionStatus... more) {
    return new SessionFilter(EnumSet.of(first, more), Map.of());
  }

  /**
   * This filter, also requiring one metadata tag.
   *
   * @param key the tag's key
   * @param value the tag's value
   * @return a new filter
   */
  public SessionFilter withMetadata(String key, String value) {
    Map<String, String> m = new java.util.HashMap<>(metadata);
    m.put(key, value);
    return new SessionFilter(statuses, m);
  }

  /**
   * Whether a session matches this filter.
   *
   * @param info the session
   * @return {@code true} when its status and metadata match
   */
  public boolean matches(SessionInfo info) {
    if (!statuses.isEmpty() && !statuses.contains(info.status())) {
      return false;
    }
    return info.metadata().entrySet().containsAll(metadata.entrySet());
  }
}
