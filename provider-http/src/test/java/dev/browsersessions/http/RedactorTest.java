package dev.browsersessions.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The one redaction point finds a key in every form a server may echo it. */
class RedactorTest {

  static final String KEY = "sk_live/Ab+9-x.y~Z_0123";

  private static final Redactor REDACTOR = Redactor.of(List.of(KEY));

  /** The key in each encoding a server may echo it in, inside some surrounding text. */
  static List<String> echoes() {
    String unicode = KEY.chars().mapToObj(c -> String.format("\\u%04x", c))
        .reduce("", String::concat);
    String upperMixed = KEY.substring(0, 3) + KEY.substring(3).chars()
        .mapToObj(c -> String.format("\\u%04X", c)).reduce("", String::concat);
    String pct = KEY.chars().mapToObj(c -> String.format("%%%02X", c)).reduce("", String::concat);
    byte[] raw = KEY.getBytes(StandardCharsets.UTF_8);
    return List.of(
        KEY,
        unicode,
        upperMixed,
        KEY.replace("/", "\\/"),
        URLEncoder.encode(KEY, StandardCharsets.UTF_8),
        pct,
        Base64.getEncoder().encodeToString(raw),
        Base64.getUrlEncoder().withoutPadding().encodeToString(raw),
        Base64.getEncoder().encodeToString(("user:" + KEY).getBytes(StandardCharsets.UTF_8)),
        Base64.getEncoder().encodeToString(("u:" + KEY + "!").getBytes(StandardCharsets.UTF_8)),
        Base64.getEncoder().encodeToString(("us:" + KEY).getBytes(StandardCharsets.UTF_8))
            .replace("/", "\\/"));
  }

  @ParameterizedTest
  @MethodSource("echoes")
  void everyFormOfTheKeyIsRedacted(String echoed) {
    String text = "{\"message\":\"bad key: " + echoed + " (try again)\"}";
    String out = REDACTOR.apply(text);
    assertThat(out).contains(Redactor.MASK).startsWith("{\"message\":\"bad key: ")
        .doesNotContain(echoed);
    assertThat(decodedEverywhere(out)).doesNotContain(KEY);
  }

  @ParameterizedTest
  @MethodSource("echoes")
  void bytesAreRedactedToo(String echoed) {
    byte[] body = ("{\"k\":\"" + echoed + "\"}").getBytes(StandardCharsets.UTF_8);
    assertThat(new String(REDACTOR.apply(body), StandardCharsets.UTF_8))
        .isEqualTo("{\"k\":\"" + REDACTOR.apply(echoed) + "\"}").doesNotContain(echoed);
  }

  @org.junit.jupiter.api.Test
  void textWithoutTheKeyIsLeftAsItIs() {
    String text = "{\"message\":\"no such session \\u00e9 %41 /x\"}";
    assertThat(REDACTOR.apply(text)).isSameAs(text);
    byte[] body = text.getBytes(StandardCharsets.UTF_8);
    assertThat(REDACTOR.apply(body)).isSameAs(body);
    assertThat(Redactor.of(List.of(" ", "")).apply(text)).isSameAs(text);
  }

  /** The text with its JSON escapes, URL escapes and base64 runs decoded. */
  private static String decodedEverywhere(String text) {
    String json = text.replace("\\/", "/");
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < json.length(); i++) {
      if (json.startsWith("\\u", i) && i + 6 <= json.length()) {
        sb.append((char) Integer.parseInt(json.substring(i + 2, i + 6), 16));
        i += 5;
      } else {
        sb.append(json.charAt(i));
      }
    }
    String url = java.net.URLDecoder.decode(sb.toString().replace("+", "%2B"),
        StandardCharsets.UTF_8);
    StringBuilder all = new StringBuilder(url);
    for (String run : url.split("[^A-Za-z0-9+/=_-]+")) {
      for (Base64.Decoder d : List.of(Base64.getDecoder(), Base64.getUrlDecoder())) {
        try {
          all.append('\n').append(new String(d.decode(run), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException notBase64) {
          // not this alphabet
        }
      }
    }
    return all.toString();
  }
}
