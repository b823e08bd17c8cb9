package dev.browsersessions.stagehand.internal.http;

import dev.browsersessions.BrowserSessionException;
import dev.browsersessions.ProviderProtocolException;
import dev.browsersessions.http.VendorCalls;
import dev.browsersessions.observe.Operation;
import dev.browsersessions.observe.ProviderEvents;
import dev.browsersessions.stagehand.internal.StagehandApi;
import dev.browsersessions.stagehand.internal.wire.StartRequest;
import dev.browsersessions.stagehand.internal.wire.StartResponse;
import java.net.URI;
import java.util.function.Supplier;

/**
 * {@link StagehandApi} over the Feign {@link StagehandClient}. {@code start} retries only failures
 * after which no session can exist; {@code end} retries freely.
 */
public final class HttpStagehandApi implements StagehandApi {

  private final StagehandClient client;
  private final VendorCalls calls;

  /**
   * Creates the adapter.
   *
   * @param client the Feign client
   * @param calls the retry rules of {@code browser-sessions-provider-http}
   */
  public HttpStagehandApi(StagehandClient client, VendorCalls calls) {
    this.client = client;
    this.calls = calls;
  }

  @Override
  public StartResponse start(URI host, StartRequest request) {
    try {
      return calls.create(() -> client.start(host, request));
    } catch (ProviderProtocolException e) {
      // Feign wraps what the event-stream decoder threw (an 'error' event); give it back as is.
      for (Throwable c = e.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
        if (c instanceof BrowserSessionException fromStream) {
          throw fromStream;
        }
      }
      throw e;
    }
  }

  @Override
  public void end(URI host, String sessionId) {
    calls.read(() -> client.end(host, sessionId));
  }

  @Override
  public <T> T within(Operation operation, Supplier<T> body) {
    return calls.within(operation, body);
  }

  @Override
  public void reportTo(ProviderEvents events) {
    calls.reportTo(events);
  }

  @Override
  public void close() {
    calls.close();
  }
}
