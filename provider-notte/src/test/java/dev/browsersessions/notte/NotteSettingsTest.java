package dev.browsersessions.notte;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.browsersessions.ProviderConfig;
import dev.browsersessions.ProviderConfigurationException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The settings read every key once, check values when built and never show the key. */
class NotteSettingsTest {

  @Test
  void readsEveryKeyWithItsDefault() {
    NotteSettings s = NotteSettings.from(ProviderConfig.builder().environment(Map.of())
        .systemProperties(new Properties()).put("api-key", "nk_secret")
        .put("lost-create", "ignore").put("page-size", "7").build());
    assertThat(s.lostCreate()).isEqualTo("ignore");
    assertThat(s.pageSize()).isEqualTo(7);
    assertThat(s.lostCreateWait()).isEqualTo(Duration.ofSeconds(5));
    assertThat(s.baseUrl()).isEqualTo(NotteSettings.DEFAULT_BASE_URL);
    assertThat(s).isEqualTo(NotteSettings.builder("nk_secret").lostCreate("ignore").pageSize(7)
        .build());
  }

  @Test
  void anInvalidValueNamesItsKey() {
    assertThatThrownBy(() -> NotteSettings.builder("k").pageSize(0).build())
        .isInstanceOfSatisfying(ProviderConfigurationException.class,
            e -> assertThat(e.getMessage()).contains("page-size", "1 to 1000"));
    assertThatThrownBy(() -> NotteSettings.builder("k").lostCreateWait(Duration.ofHours(1))
        .build()).hasMessageContaining("lost-create-wait");
    assertThatThrownBy(() -> NotteSettings.builder(" ").build())
        .hasMessageContaining("api-key").hasMessageContaining("NOTTE_API_KEY");
  }

  @Test
  void aBaseUrlWithUserInfoIsRefusedWithoutShowingIt() {
    assertThatThrownBy(() -> NotteSettings.builder("k")
        .baseUrl(URI.create("https://alice:pw-s3cret@api.notte.cc")).build())
        .isInstanceOfSatisfying(ProviderConfigurationException.class,
            e -> assertThat(e.key()).contains("base-url"))
        .hasMessageContaining("https://****@api.notte.cc")
        .hasMessageNotContaining("s3cret").hasMessageNotContaining("alice");
    assertThatThrownBy(() -> NotteSettings.builder("k")
        .baseUrl(URI.create("https://api.notte.cc/?token=t-s3cret")).build())
        .hasMessageNotContaining("s3cret");
  }

  @Test
  void lostCreateIsCheckedOnceAndKeptLowerCase() {
    assertThat(NotteSettings.builder("k").lostCreate(" REPORT ").build().lostCreate())
        .isEqualTo("report");
    assertThatThrownBy(() -> NotteSettings.builder("k").lostCreate("later").build())
        .isInstanceOfSatisfying(ProviderConfigurationException.class,
            e -> assertThat(e.key()).contains("lost-create"));
    assertThatThrownBy(() -> NotteSettings.builder("k").lostCreateWait(Duration.ofSeconds(-1))
        .build()).isInstanceOfSatisfying(ProviderConfigurationException.class,
            e -> assertThat(e.key()).contains("lost-create-wait"));
  }

  @Test
  void toStringShowsNoKey() {
    assertThat(NotteSettings.builder("nk_secret").build().toString())
        .doesNotContain("nk_secret").contains("****");
  }
}
