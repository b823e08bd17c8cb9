package dev.browsersessions.stagehand.internal.http;

import dev.browsersessions.http.VendorCalls;
import dev.browsersessions.stagehand.internal.BrowserbaseApi;
import dev.browsersessions.stagehand.internal.wire.BrowserbaseSession;
import dev.browsersessions.stagehand.internal.wire.LiveUrls;
import dev.browsersessions.stagehand.internal.wire.ReleaseRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@link BrowserbaseApi} over the Feign {@link BrowserbaseClient}; every call retries freely. */
public final class HttpBrowserbaseApi implements BrowserbaseApi {

  private final BrowserbaseClient client;
  private final VendorCalls calls;

  /**
   * Creates the adapter.
   *
   * @param client the Feign client
   * @param calls the retry rules of {@code browser-sessions-provider-http}
   */
  public HttpBrowserbaseApi(BrowserbaseClient client, VendorCalls calls) {
    this.client = client;
    this.calls = calls;
  }

  @Override
  public BrowserbaseSession get(String sessionId) {
    return calls.session(sessionId, () -> client.get(sessionId));
  }

  @Override
  public List<BrowserbaseSession> list(Optional<String> status, Optional<String> query) {
    Map<String, String> params = new LinkedHashMap<>();
    status.ifPresent(s -> params.put("status", s));
    query.ifPresent(q -> params.put("q", q));
    return calls.read(() -> client.list(params));
  }

  @Override
  public BrowserbaseSession release(String sessionId) {
    // Asking twice for a release is harmless: retry freely.
    return calls.read(() -> client.release(sessionId, ReleaseRequest.release()));
  }

  @Override
  public LiveUrls liveUrls(String sessionId) {
    return calls.read(() -> client.debug(sessionId));
  }

  @Override
  public void reportTo(dev.browsersessions.observe.ProviderEvents events) {
    calls.reportTo(events);
  }

  @Override
  public void close() {
    calls.close();
  }
}
