package dev.browsersessions.examples.spring;

import dev.browsersessions.BrowserSession;
import dev.browsersessions.BrowserSessions;
import dev.browsersessions.InvalidSessionRequestException;
import dev.browsersessions.SessionNotFoundException;
import dev.browsersessions.SessionInfo;
import dev.browsersessions.SessionRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Hands out sessions from the auto-configured {@link BrowserSessions} client. */
@RestController
public class SessionController {

  private final BrowserSessions sessions;

  /**
   * Creates the controller.
   *
   * @param sessions the client the starter configured
   */
  public SessionController(BrowserSessions sessions) {
    this.sessions = sessions;
  }

  /**
   * Starts a session; it runs until stopped or until the service shuts down.
   *
   * @return its id and CDP URL
   */
  @PostMapping("/sessions")
  @ResponseStatus(HttpStatus.CREATED)
  public Map<String, String> start() {
    BrowserSession session = sessions.start(SessionRequest.defaults());
    Map<String, String> body = new LinkedHashMap<>();
    body.put("id", session.id());
    session.cdpUrl().ifPresent(url -> body.put("cdpUrl", url.toString()));
    return body;
  }

  /**
   * The sessions this service started that are still open.
   *
   * @return their ids
   */
  @GetMapping("/sessions")
  public Set<String> open() {
    return sessions.openSessions();
  }

  /**
   * Stops a session.
   *
   * @param id its id
   * @return its final status
   */
  @DeleteMapping("/sessions/{id}")
  public Map<String, String> stop(@PathVariable("id") String id) {
    SessionInfo info = sessions.stop(id);
    return Map.of("id", info.id(), "status", info.status().name());
  }

  /**
   * An unknown id is a 404.
   *
   * @param e the failure
   * @return the message
   */
  @ExceptionHandler(SessionNotFoundException.class)
  @ResponseStatus(HttpStatus.NOT_FOUND)
  public Map<String, String> notFound(SessionNotFoundException e) {
    return Map.of("error", e.getMessage());
  }

  /**
   * A malformed id is a 400.
   *
   * @param e the failure
   * @return the message
   */
  @ExceptionHandler(InvalidSessionRequestException.class)
  @ResponseStatus(HttpStatus.BAD_REQUEST)
  public Map<String, String> invalid(InvalidSessionRequestException e) {
    return Map.of("error", e.getMessage());
  }
}
