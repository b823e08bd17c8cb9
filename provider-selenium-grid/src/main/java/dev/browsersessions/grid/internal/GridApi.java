package dev.browsersessions.grid.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.browsersessions.grid.internal.wire.GraphQlAnswer;
import dev.browsersessions.grid.internal.wire.GraphQlRequest;
import dev.browsersessions.grid.internal.wire.NewSessionAnswer;
import dev.browsersessions.grid.internal.wire.NewSessionRequest;
import feign.Headers;
import feign.Param;
import feign.RequestLine;
import java.util.Map;

/**
 * The Grid's endpoints this provider uses, as Feign sees them: five W3C WebDriver commands and
 * the GraphQL endpoint. The Grid refuses JSON without {@code charset=utf-8}.
 */
public interface GridApi {

  /**
   * Starts a session; the Grid holds the request in its queue while every slot is busy.
   *
   * @param body the W3C capabilities
   * @return the new session
   */
  @RequestLine("POST /session")
  @Headers("Content-Type: application/json; charset=utf-8")
  NewSessionAnswer newSession(NewSessionRequest body);

  /**
   * Ends a session ({@code driver.quit()}).
   *
   * @param id the session id
   * @return {@code {"value": null}}
   */
  @RequestLine("DELETE /session/{id}")
  JsonNode deleteSession(@Param("id") String id);

  /**
   * Reads the session's current URL: a harmless command whose 404 tells whether the Grid
   * remembers removing the session.
   *
   * @param id the session id
   * @return {@code {"value": "<url>"}}
   */
  @RequestLine("GET /session/{id}/url")
  JsonNode currentUrl(@Param("id") String id);

  /**
   * Runs a script in the session's current page ({@code {"script": ..., "args": []}}).
   *
   * @param id the session id
   * @param body the script and its arguments
   * @return {@code {"value": <the script's result>}}
   */
  @RequestLine("POST /session/{id}/execute/sync")
  @Headers("Content-Type: application/json; charset=utf-8")
  JsonNode executeScript(@Param("id") String id, Map<String, Object> body);

  /**
   * Sets the size of the session's window ({@code {"width": ..., "height": ...}}).
   *
   * @param id the session id
   * @param body the window's outer size in CSS pixels
   * @return {@code {"value": <the window's new rect>}}
   */
  @RequestLine("POST /session/{id}/window/rect")
  @Headers("Content-Type: application/json; charset=utf-8")
  JsonNode setWindowRect(@Param("id") String id, Map<String, Object> body);

  /**
   * Runs a GraphQL query.
   *
   * @param query the query
   * @return the answer
   */
  @RequestLine("POST /graphql")
  @Headers("Content-Type: application/json; charset=utf-8")
  GraphQlAnswer graphql(GraphQlRequest query);
}
