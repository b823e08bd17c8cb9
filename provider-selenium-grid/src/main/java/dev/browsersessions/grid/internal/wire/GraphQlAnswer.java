package dev.browsersessions.grid.internal.wire;

import java.util.List;

/**
 * The Grid's GraphQL answer: data and errors (the Grid answers HTTP 200 with an error "No ongoing
 * session found" for an id it does not know).
 *
 * @param data the data, or {@code null}
 * @param errors the errors, or {@code null}
 */
public record GraphQlAnswer(Data data, List<Error> errors) {

  /**
   * The fields this provider asks for.
   *
   * @param session the session asked for by id, or {@code null}
   * @param sessionsInfo every session, or {@code null}
   */
  public record Data(GridSession session, SessionsInfo sessionsInfo) {}

  /**
   * {@code sessionsInfo}.
   *
   * @param sessions the running sessions, or {@code null}
   */
  public record SessionsInfo(List<GridSession> sessions) {}

  /**
   * One GraphQL error.
   *
   * @param message what the Grid said
   */
  public record Error(String message) {}
}
