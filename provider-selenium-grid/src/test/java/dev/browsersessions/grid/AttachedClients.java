package dev.browsersessions.grid;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.util.Map;
import org.openqa.selenium.ImmutableCapabilities;
import org.openqa.selenium.remote.Command;
import org.openqa.selenium.remote.Dialect;
import org.openqa.selenium.remote.DriverCommand;
import org.openqa.selenium.remote.HttpCommandExecutor;
import org.openqa.selenium.remote.RemoteWebDriver;
import org.openqa.selenium.remote.Response;
import org.openqa.selenium.remote.SessionId;

/** What a Selenium user attaches to a session with: a RemoteWebDriver on the existing session. */
final class AttachedClients {

  private AttachedClients() {}

  /**
   * A RemoteWebDriver on an existing session, from the {@link GridAttributes#WEBDRIVER_URL}
   * attribute (the Grid's endpoint) and the session's id: no new session is started; {@code
   * quit()} must not be called (the provider stops the session).
   */
  static RemoteWebDriver remoteWebDriver(String webDriverUrl, String id) throws IOException {
    URL grid = URI.create(webDriverUrl).toURL();
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
}
