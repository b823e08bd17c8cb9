package dev.browsersessions.grid;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.openqa.selenium.ImmutableCapabilities;
import org.openqa.selenium.remote.Command;
import org.openqa.selenium.remote.Dialect;
import org.openqa.selenium.remote.DriverCommand;
import org.openqa.selenium.remote.HttpCommandExecutor;
import org.openqa.selenium.remote.RemoteWebDriver;
import org.openqa.selenium.remote.Response;
import org.openqa.selenium.remote.SessionId;

/** What a user attaches to a session with: Selenium's RemoteWebDriver, or a raw CDP client. */
final class AttachedClients {

  private AttachedClients() {}

  /**
   * A RemoteWebDriver on an existing session, from the {@code webdriverUrl} attribute ({@code
   * <grid>/session/<id>}): no new session is started; {@code quit()} must not be called (the
   * provider stops the session).
   */
  static RemoteWebDriver remoteWebDriver(String webdriverUrl) throws IOException {
    int at = webdriverUrl.lastIndexOf("/session/");
    URL grid = URI.create(webdriverUrl.substring(0, at)).toURL();
    String id = webdriverUrl.substring(at + "/session/".length());
    HttpCommandExecutor attach = new HttpCommandExecutor(grid) {
      @Override
      public Response execute(Command command) throws IOException {
        if (!DriverCommand.NEW_SESSION.equals(command.getName())) {
          return super.execute(command);
        }
        commandCodec = Dialect.W3C.getCommandCodec();
        responseCodec = Dialect.W3C.getResponseCodec();
        Response attached = new Response(new SessionId(id));
        attached.setState("success");
        attached.setValue(Map.of());
        return attached;
      }
    };
    return new RemoteWebDriver(attach, new ImmutableCapabilities());
  }

  /** Sends {@code Browser.getVersion} over a CDP WebSocket and returns the raw answer. */
  static String cdpBrowserVersion(URI cdpUrl) throws Exception {
    CompletableFuture<String> answer = new CompletableFuture<>();
    StringBuilder text = new StringBuilder();
    WebSocket ws = HttpClient.newHttpClient().newWebSocketBuilder()
        .buildAsync(cdpUrl, new WebSocket.Listener() {
          @Override
          public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
              answer.complete(text.toString());
            }
            socket.request(1);
            return null;
          }

          @Override
          public void onError(WebSocket socket, Throwable error) {
            answer.completeExceptionally(error);
          }
        }).get(30, TimeUnit.SECONDS);
    try {
      ws.sendText("{\"id\":1,\"method\":\"Browser.getVersion\"}", true).get(30, TimeUnit.SECONDS);
      return answer.get(30, TimeUnit.SECONDS);
    } finally {
      ws.abort();
    }
  }
}
