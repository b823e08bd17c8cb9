package dev.browsersessions.stagehand.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.browsersessions.BrowserSessions;
import dev.browsersessions.InvalidSessionRequestException;
import dev.browsersessions.ProxySettings;
import dev.browsersessions.SessionRequest;
import dev.browsersessions.Viewport;
import dev.browsersessions.stagehand.StagehandSettings;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RequestMappingTest {

  private final ObjectMapper mapper = new ObjectMapper();
  private final RequestMapping mapping = new RequestMapping(() -> mapper);
  private final StagehandSettings settings = StagehandSettings.builder("bb_key")
      .ownerId("owner-1").build();

  private JsonNode json(SessionRequest request) {
    return mapper.valueToTree(mapping.toStart(request, settings, "req-1"));
  }

  @Test
  void minimalRequestSendsModelOwnerTagAndExplicitBrowserDefaultsOff() {
    JsonNode body = json(SessionRequest.defaults());
    assertThat(body.path("modelName").asText()).isEqualTo("openai/gpt-5.4-mini");
    JsonNode params = body.path("browserbaseSessionCreateParams");
    assertThat(params.path("userMetadata").path(BrowserSessions.OWNER_TAG).asText())
        .isEqualTo("owner-1");
    assertThat(params.path("userMetadata").path(RequestMapping.REQUEST_TAG).asText())
        .isEqualTo("req-1");
    assertThat(params.path("browserSettings").path("solveCaptchas").asBoolean(true)).isFalse();
    assertThat(params.path("browserSettings").path("recordSession").asBoolean(true)).isFalse();
    assertThat(params.has("timeout")).isFalse();
    assertThat(params.has("region")).isFalse();
    assertThat(params.has("proxies")).isFalse();
    assertThat(params.has("keepAlive")).isFalse();
  }

  @Test
  void fullRequestMapsEveryOption() {
    SessionRequest request = SessionRequest.builder()
        .maxDuration(Duration.ofMinutes(15))
        .viewport(new Viewport(1280, 720))
        .region("EU-Central-1")
        .proxy(ProxySettings.managed("de"))
        .solveCaptchas(true)
        .recordSession(true)
        .keepAlive(true)
        .metadata("job", "42")
        .providerOption("blockAds", true)
        .providerOption("contextId", "ctx-1")
        .providerOption("persistContext", "true")
        .providerOption("os", "linux")
        .providerOption("modelName", "anthropic/claude-sonnet-4-5")
        .providerOption("verbose", 2)
        .build();
    JsonNode body = json(request);
    assertThat(body.path("modelName").asText()).isEqualTo("anthropic/claude-sonnet-4-5");
    assertThat(body.path("verbose").asInt()).isEqualTo(2);
    JsonNode p = body.path("browserbaseSessionCreateParams");
    assertThat(p.path("timeout").asInt()).isEqualTo(900);
    assertThat(p.path("region").asText()).isEqualTo("eu-central-1");
    assertThat(p.path("keepAlive").asBoolean()).isTrue();
    assertThat(p.path("proxies").toString())
        .isEqualTo("[{\"type\":\"browserbase\",\"geolocation\":{\"country\":\"DE\"}}]");
    JsonNode b = p.path("browserSettings");
    assertThat(b.path("viewport").toString()).isEqualTo("{\"width\":1280,\"height\":720}");
    assertThat(b.path("solveCaptchas").asBoolean()).isTrue();
    assertThat(b.path("recordSession").asBoolean()).isTrue();
    assertThat(b.path("blockAds").asBoolean()).isTrue();
    assertThat(b.path("os").asText()).isEqualTo("linux");
    assertThat(b.path("context").toString()).isEqualTo("{\"id\":\"ctx-1\",\"persist\":true}");
    assertThat(p.path("userMetadata").path("job").asText()).isEqualTo("42");
  }

  @Test
  void managedProxyAnywhereIsTrueAndExternalProxyCarriesCredentials() {
    assertThat(json(SessionRequest.builder().proxy(ProxySettings.managed()).build())
        .path("browserbaseSessionCreateParams").path("proxies").asBoolean()).isTrue();
    JsonNode external = json(SessionRequest.builder()
        .proxy(ProxySettings.external("http://p:3128", "u", "secret")).build())
        .path("browserbaseSessionCreateParams").path("proxies").get(0);
    assertThat(external.toString()).isEqualTo(
        "{\"type\":\"external\",\"server\":\"http://p:3128\",\"username\":\"u\","
            + "\"password\":\"secret\"}");
    assertThat(mapping.toStart(SessionRequest.builder()
        .proxy(ProxySettings.external("http://p:3128", "u", "secret")).build(), settings, "req-1")
        .toString()).doesNotContain("secret");
  }

  @ParameterizedTest
  @CsvSource({"PT60S,60", "PT60.001S,61", "PT1M30.5S,91", "PT6H,21600", "PT5H59M59.9S,21600"})
  void maxDurationRoundsUpToWholeSeconds(Duration d, int seconds) {
    assertThat(RequestMapping.timeoutSeconds(d)).isEqualTo(seconds);
  }

  @ParameterizedTest
  @CsvSource({"PT59S", "PT0.5S", "PT6H0.001S", "PT7H"})
  void maxDurationOutOfRangeFailsNamingTheLimits(Duration d) {
    assertThatThrownBy(() -> RequestMapping.timeoutSeconds(d))
        .isInstanceOfSatisfying(InvalidSessionRequestException.class,
            e -> assertThat(e.field()).contains("maxDuration"))
        .hasMessageContaining("60 seconds").hasMessageContaining("21600 seconds");
  }

  @Test
  void unknownRegionFailsListingTheRegions() {
    assertThatThrownBy(() -> json(SessionRequest.builder().region("mars-1").build()))
        .isInstanceOfSatisfying(InvalidSessionRequestException.class,
            e -> assertThat(e.field()).contains("region"))
        .hasMessageContaining("us-west-2, us-east-1, eu-central-1, ap-southeast-1");
  }

  @Test
  void unknownOrMistypedProviderOptionFailsNamingIt() {
    assertThatThrownBy(() -> json(SessionRequest.builder().providerOption("blockads", true).build()))
        .isInstanceOf(InvalidSessionRequestException.class)
        .hasMessageContaining("'blockads'").hasMessageContaining("blockAds");
    assertThatThrownBy(() -> json(SessionRequest.builder().providerOption("blockAds", "yes").build()))
        .isInstanceOf(InvalidSessionRequestException.class)
        .hasMessageContaining("'blockAds'").hasMessageContaining("true or false");
    assertThatThrownBy(() -> json(SessionRequest.builder().providerOption("verbose", 3).build()))
        .hasMessageContaining("0, 1 or 2");
    assertThatThrownBy(() -> json(SessionRequest.builder().providerOption("os", "amiga").build()))
        .hasMessageContaining("windows, mac, linux, mobile, tablet");
    assertThatThrownBy(
            () -> json(SessionRequest.builder().providerOption("persistContext", true).build()))
        .hasMessageContaining("contextId");
  }

  @Test
  void metadataOverBrowserbasesLimitFailsBeforeAnyCall() {
    assertThatThrownBy(() -> json(SessionRequest.builder().metadata("big", "x".repeat(500)).build()))
        .isInstanceOfSatisfying(InvalidSessionRequestException.class,
            e -> assertThat(e.field()).contains("metadata"))
        .hasMessageContaining("512");
  }

  @Test
  void callersOwnerTagWins() {
    JsonNode body = json(SessionRequest.builder()
        .metadata(BrowserSessions.OWNER_TAG, "mine").build());
    assertThat(body.path("browserbaseSessionCreateParams").path("userMetadata")
        .path(BrowserSessions.OWNER_TAG).asText()).isEqualTo("mine");
  }

  @ParameterizedTest
  @CsvSource({
      "us-west-2,https://api.stagehand.browserbase.com",
      "us-east-1,https://api.use1.stagehand.browserbase.com",
      "eu-central-1,https://api.euc1.stagehand.browserbase.com",
      "ap-southeast-1,https://api.apse1.stagehand.browserbase.com"})
  void eachRegionHasItsStagehandHost(String region, URI host) {
    assertThat(Regions.stagehandHost(Optional.of(region))).isEqualTo(host);
  }

  @Test
  void noRegionUsesTheDefaultHost() {
    assertThat(Regions.stagehandHost(Optional.empty()))
        .isEqualTo(URI.create("https://api.stagehand.browserbase.com"));
  }
}
