package dev.browsersessions.grid.internal.wire;

/**
 * A running session as the Grid's GraphQL describes it.
 *
 * @param id the session id
 * @param capabilities the session's capabilities, as a JSON text
 * @param startTime when it started, in the Grid's local time ({@code dd/MM/yyyy HH:mm:ss}; not
 *     used: the zone is unknown)
 * @param uri the node's URI as the Grid sees it
 * @param nodeId the node's id
 * @param nodeUri the node's URI
 * @param sessionDurationMillis how long it has run, in milliseconds (a number as text)
 */
public record GridSession(
    String id,
    String capabilities,
    String startTime,
    String uri,
    String nodeId,
    String nodeUri,
    String sessionDurationMillis) {

  /** The fields every query asks for. */
  public static final String FIELDS =
      "id capabilities startTime uri nodeId nodeUri sessionDurationMillis";
}
