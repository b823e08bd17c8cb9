package dev.browsersessions.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.browsersessions.ProviderConfig;
import dev.browsersessions.ProviderConfigurationException;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class HttpSettingsTest {

  private static HttpSettings settings(String... kv) {
    ProviderConfig.Builder b = ProviderConfig.builder();
    for (int i = 0; i < kv.length; i += 2) {
      b.put(kv[i], kv[i + 1]);
    }
    return HttpSettings.from(b.build().forProvider("p"));
  }

  @Test
  void defaultsAreDocumented() {
    HttpSettings s = settings();
    assertThat(s.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(s.requestTimeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(s.maxRetries()).isEqualTo(3);
    assertThat(s.initialBackoff()).isEqualTo(Duration.ofMillis(200));
    assertThat(s.maxBackoff()).isEqualTo(Duration.ofSeconds(5));
    assertThat(s.allowInsecure()).isFalse();
    assertThat(s.operationTimeout()).isEqualTo(Duration.ofSeconds(45));
  }

  @Test
  void plainHttpIsAllowedOnlyOnLoopbackUnlessAllowed() {
    HttpSettings s = settings();
    assertThat(s.requireSafe(URI.create("https://api.notte.cc/"), "base-url", "p"))
        .isEqualTo(URI.create("https://api.notte.cc"));
    assertThat(s.requireSafe(URI.create("http://127.0.0.1:8080"), "base-url", "p")).isNotNull();
    assertThat(s.requireSafe(URI.create("http://localhost:8080"), "base-url", "p")).isNotNull();
    assertThat(s.requireSafe(URI.create("http://[::1]:8080"), "base-url", "p")).isNotNull();
    assertThatThrownBy(() -> s.requireSafe(URI.create("http://api.example"), "base-url", "p"))
        .isInstanceOfSatisfying(ProviderConfigurationException.class,
            e -> assertThat(e.key()).contains("base-url"))
        .hasMessageContaining("allow-insecure");
    assertThatThrownBy(() -> s.requireSafe(URI.create("ftp://x"), "base-url", "p"))
        .isInstanceOf(ProviderConfigurationException.class);
    assertThat(settings("allow-insecure", "true")
        .requireSafe(URI.create("http://api.example"), "base-url", "p")).isNotNull();
  }

  @Test
  void aBaseUrlWithUserInfoQueryOrFragmentIsRefusedWithoutShowingThem() {
    HttpSettings s = settings("allow-insecure", "true");
    for (String url : new String[] {"https://ci:pw-s3cret@grid.example/wd", "https://ci@grid.example",
        "http://grid.example/api?token=tok-s3cret", "https://grid.example/#frag-s3cret",
        "ci:pw-s3cret@grid.example", "http://ci:pw-s3cret@bad_host:80"}) {
      assertThatThrownBy(() -> s.requireSafe(URI.create(url), "url", "p")).as(url)
          .isInstanceOfSatisfying(ProviderConfigurationException.class, e -> {
            assertThat(e.key()).contains("url");
            assertThat(e.provider()).contains("p");
          })
          .hasMessageContaining("no user-info, query or fragment")
          .hasMessageNotContaining("s3cret").hasMessageNotContaining("ci:")
          .hasMessageNotContaining("ci@");
    }
    assertThatThrownBy(() -> s.requireSafe(URI.create("https://ci:pw@grid.example/wd"), "url",
        "p")).hasMessageContaining("https://****@grid.example/wd");
  }

  @Test
  void absurdValuesAreRefusedNamingTheKey() {
    assertThatThrownBy(() -> settings("request-timeout", "0s"))
        .isInstanceOfSatisfying(ProviderConfigurationException.class,
            e -> assertThat(e.key()).contains("request-timeout"));
    assertThatThrownBy(() -> settings("connect-timeout", "2h"))
        .hasMessageContaining("connect-timeout");
    assertThatThrownBy(() -> settings("operation-timeout", "0s"))
        .isInstanceOfSatisfying(ProviderConfigurationException.class,
            e -> assertThat(e.key()).contains("operation-timeout"));
    assertThatThrownBy(() -> settings("operation-timeout", "11m"))
        .hasMessageContaining("operation-timeout");
    assertThatThrownBy(() -> settings("max-retries", "-1")).hasMessageContaining("max-retries");
    assertThatThrownBy(() -> settings("max-retries", "1000")).hasMessageContaining("max-retries");
    assertThatThrownBy(() -> settings("retry-initial-backoff", "10s", "retry-max-backoff", "1s"))
        .hasMessageContaining("retry-initial-backoff");
  }
}
