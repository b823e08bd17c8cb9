package dev.browsersessions.http;

import dev.browsersessions.ProviderConfig;
import feign.Param;
import feign.RequestLine;
import java.util.Map;

/** A tiny vendor API for the plumbing tests. */
interface TestApi {
  /**
   * Settings for tests: 2 retries, 1–5 ms backoff.
   *
   * @param requestTimeout the {@code request-timeout} value, e.g. {@code 1s}
   * @return the settings
   */
  static HttpSettings quickRetries(String requestTimeout) {
    return HttpSettings.from(ProviderConfig.builder()
        .put("max-retries", "2").put("retry-initial-backoff", "1ms")
        .put("retry-max-backoff", "5ms").put("request-timeout", requestTimeout)
        .build().forProvider("t"));
  }

  @RequestLine("GET /things/{id}")
  Map<String, Object> get(@Param("id") String id);

  @RequestLine("POST /things")
  Map<String, Object> create(Map<String, Object> body);
}
