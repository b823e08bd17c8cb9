package dev.browsersessions.grid.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.browsersessions.grid.internal.wire.GraphQlAnswer;
import dev.browsersessions.grid.internal.wire.GraphQlRequest;
import dev.browsersessions.grid.internal.wire.NewSessionAnswer;
import dev.browsersessions.grid.internal.wire.NewSessionRequest;
import feign.Headers;
import feign.Param;
import feign.RequestLine;

/**
 * The Grid's endpoints this provider uses, as Feign sees them: three W3C WebDriver commands and
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
   * Runs a GraphQL query.
   *
   * @param query the query
   * @return the answer
   */
  @RequestLine("POST /graphql")
  @Headers("Content-Type: application/json; charset=utf-8")
  GraphQlAnswer graphql(GraphQlRequest query);
}
