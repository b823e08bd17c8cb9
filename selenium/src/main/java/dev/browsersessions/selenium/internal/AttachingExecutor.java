package dev.browsersessions.selenium.internal;

import java.io.IOException;
import java.net.URL;
import java.util.Map;
import org.openqa.selenium.remote.Command;
import org.openqa.selenium.remote.DriverCommand;
import org.openqa.selenium.remote.HttpCommandExecutor;
import org.openqa.selenium.remote.Response;
import org.openqa.selenium.remote.SessionId;
import org.openqa.selenium.remote.codec.w3c.W3CHttpCommandCodec;
import org.openqa.selenium.remote.codec.w3c.W3CHttpResponseCodec;
import org.openqa.selenium.remote.http.ClientConfig;

/**
 * A W3C command executor bound to a WebDriver session that already exists (the one a Grid
 * provider started): {@code newSession} answers with that session instead of creating one, every
 * other command goes to the endpoint.
 */
public final class AttachingExecutor extends HttpCommandExecutor {

  private final SessionId sessionId;

  /**
   * Binds the executor to an existing session.
   *
   * @param endpoint the WebDriver endpoint, e.g. a Grid's {@code http://host:4444}
   * @param sessionId the WebDriver session id there
   * @param config the HTTP client settings (timeouts)
   */
  public AttachingExecutor(URL endpoint, String sessionId, ClientConfig config) {
    super(Map.of(), config.baseUrl(endpoint), HttpCommandExecutor.getDefaultClientFactory());
    this.sessionId = new SessionId(sessionId);
    this.commandCodec = new W3CHttpCommandCodec();
    this.responseCodec = new W3CHttpResponseCodec();
  }

  @Override
  public Response execute(Command command) throws IOException {
    if (DriverCommand.NEW_SESSION.equals(command.getName())) {
      Response attached = new Response(sessionId);
      attached.setState("success");
      attached.setValue(Map.of());
      return attached;
    }
    return super.execute(command);
  }
}
