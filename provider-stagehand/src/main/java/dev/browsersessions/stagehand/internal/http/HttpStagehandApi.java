package dev.browsersessions.stagehand.internal.http;

import dev.browsersessions.stagehand.internal.StagehandApi;
import dev.browsersessions.stagehand.internal.wire.StartRequest;
import dev.browsersessions.stagehand.internal.wire.StartResponse;
import java.net.URI;

/**
 * {@link StagehandApi} over the Feign {@link StagehandClient}. {@code start} retries only failures
 * after which no session can exist; {@code end} retries freely.
 */
public final class HttpStagehandApi implements StagehandApi {

  private final StagehandClient client;
  private final Calls calls;

  /**
   * Creates the adapter.
   *
   * @param client the Feign client
   * @param calls the retry policies
   */
  public HttpStagehandApi(StagehandClient client, Calls calls) {
    this.client = client;
    this.calls = calls;
  }

  @Override
  public StartResponse start(URI host, StartRequest request) {
    return calls.create(() -> client.start(host, request));
  }

  @Override
  public void end(URI host, String sessionId) {
    calls.idempotent(() -> client.end(host, sessionId));
  }

  @Override
  public void close() {
    calls.close();
  }
}
