package dev.browsersessions.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** One rule finds user-info in every form of address, and masking hides at least what it finds. */
class UserInfoTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "https://alice:hunter2@api.example      | https://****@api.example",
      "https://hunter2@api.example/v1         | https://****@api.example/v1",
      "//alice:hunter2@proxy:3128             | //****@proxy:3128",
      "alice:hunter2@proxy:3128               | ****@proxy:3128",
      "socks5://alice:p@ss@proxy:1080         | socks5://****@proxy:1080",
      "http://alice:hunter2@proxy:3128?q#f    | http://****@proxy:3128?q#f"})
  void userInfoIsFoundAndHidden(String value, String shown) {
    assertThat(UserInfo.present(value)).isTrue();
    assertThat(UserInfo.masked(value)).isEqualTo(shown).doesNotContain("hunter2");
  }

  @ParameterizedTest
  @ValueSource(strings = {"https://api.example", "https://api.example/a@b", "//proxy:3128",
      "proxy.example:3128", "http://p:3128?to=a@b", "http://p:3128#a@b", "", "@"})
  void anAtSignOutsideTheAuthorityIsNotUserInfo(String value) {
    assertThat(UserInfo.present(value)).isEqualTo(value.equals("@"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"https://alice:hun/ter2@api.example", "https://alice:hun?ter2@api.example",
      "alice:hun#ter2@proxy:3128"})
  void aPasswordWithAnUnencodedDelimiterIsStillHidden(String value) {
    assertThat(UserInfo.masked(value)).doesNotContain("ter2").endsWith("****@" + value
        .substring(value.lastIndexOf('@') + 1));
  }

  @ParameterizedTest
  @ValueSource(strings = {"https://api.example/v1", "eu-west-1", "PT30S", ""})
  void aValueWithoutAnAtSignIsShownAsItIs(String value) {
    assertThat(UserInfo.masked(value)).isEqualTo(value);
  }
}
