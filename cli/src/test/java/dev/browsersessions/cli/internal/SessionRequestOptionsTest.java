package dev.browsersessions.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SessionRequestOptionsTest {

  @Test
  void providerOptionValuesGetALightType() {
    assertThat(SessionRequestOptions.typed("true")).isEqualTo(true);
    assertThat(SessionRequestOptions.typed("FALSE")).isEqualTo(false);
    assertThat(SessionRequestOptions.typed("42")).isEqualTo(42L);
    assertThat(SessionRequestOptions.typed("-7")).isEqualTo(-7L);
    assertThat(SessionRequestOptions.typed("2.5")).isEqualTo(2.5);
    assertThat(SessionRequestOptions.typed("007")).isEqualTo("007");
    assertThat(SessionRequestOptions.typed("1e3")).isEqualTo("1e3");
    assertThat(SessionRequestOptions.typed("us-west-2")).isEqualTo("us-west-2");
    assertThat(SessionRequestOptions.typed("")).isEqualTo("");
  }
}
