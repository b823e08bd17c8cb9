package dev.browsersessions.notte.internal;

import dev.browsersessions.notte.internal.wire.AgentStatusResponse;
import dev.browsersessions.notte.internal.wire.Cookies;
import dev.browsersessions.notte.internal.wire.LegacyCloseRequest;
import dev.browsersessions.notte.internal.wire.LegacyCloseResponse;
import dev.browsersessions.notte.internal.wire.SessionDebugResponse;
import dev.browsersessions.notte.internal.wire.SessionPage;
import dev.browsersessions.notte.internal.wire.SessionResponse;
import dev.browsersessions.notte.internal.wire.SetCookiesResponse;
import dev.browsersessions.notte.internal.wire.StartSessionRequest;
import feign.Headers;
import feign.Param;
import feign.RequestLine;

/**
 * Notte's session endpoints, as Feign sees them, in the records of {@code wire}. Session answers
 * are read tolerantly ({@link SessionResponse}) and mapped by {@link SessionResponses}.
 */
public interface NotteApi {

  /**
   * Starts a session.
   *
   * @param idempotencyKey a random key per create, as Notte's Go CLI sends (whether Notte honours
   *     it is not documented; nothing relies on it)
   * @param body the {@code ApiSessionStartRequest}
   * @return a {@code SessionResponse}
   */
  @RequestLine("POST /sessions/start")
  @Headers({"Content-Type: application/json", "Idempotency-Key: {idempotencyKey}"})
  SessionResponse start(
      @Param("idempotencyKey") String idempotencyKey, StartSessionRequest body);

  /**
   * Reads a session.
   *
   * @param id the session id
   * @return a {@code SessionResponse}
   */
  @RequestLine("GET /sessions/{id}")
  SessionResponse status(@Param("id") String id);

  /**
   * Stops a session.
   *
   * @param id the session id
   * @return the final {@code SessionResponse}
   */
  @RequestLine("DELETE /sessions/{id}/stop")
  SessionResponse stop(@Param("id") String id);

  /**
   * Reads the debug URLs of a session.
   *
   * @param id the session id
   * @return a {@code SessionDebugResponse}
   */
  @RequestLine("GET /sessions/{id}/debug")
  SessionDebugResponse debug(@Param("id") String id);

  /**
   * Lists sessions, one page.
   *
   * @param page 1-based page number
   * @param pageSize items per page
   * @param onlyActive whether to list only active sessions
   * @return a {@code PaginatedResponse_SessionResponse_} or a bare array, as a page
   */
  @RequestLine("GET /sessions?page={page}&page_size={pageSize}&only_active={onlyActive}")
  SessionPage list(
      @Param("page") int page,
      @Param("pageSize") int pageSize,
      @Param("onlyActive") boolean onlyActive);

  /**
   * Reads a session's cookies.
   *
   * @param id the session id
   * @return {@code {cookies: [...]}}
   */
  @RequestLine("GET /sessions/{id}/cookies")
  Cookies cookies(@Param("id") String id);

  /**
   * Sets cookies in a session.
   *
   * @param id the session id
   * @param body {@code {cookies: [...]}}
   * @return {@code {success, message}}
   */
  @RequestLine("POST /sessions/{id}/cookies")
  @Headers("Content-Type: application/json")
  SetCookiesResponse setCookies(@Param("id") String id, Cookies body);

  /**
   * Stops an agent.
   *
   * @param agentId the agent id
   * @param sessionId the session it runs in
   * @return an {@code AgentStatusResponse}
   */
  @RequestLine("DELETE /agents/{agentId}/stop?session_id={sessionId}")
  AgentStatusResponse stopAgent(@Param("agentId") String agentId, @Param("sessionId") String sessionId);

  /**
   * The legacy close of older deployments.
   *
   * @param body {@code {"session_id": …}}
   * @return {@code {session_id, error}}
   */
  @RequestLine("POST /session/close")
  @Headers("Content-Type: application/json")
  LegacyCloseResponse legacyClose(LegacyCloseRequest body);
}
