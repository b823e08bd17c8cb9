package dev.browsersessions.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A server's declared {@code Content-Length} is its word, not a promise: memory set aside for a
 * body before its bytes arrive is bounded by {@link BoundedBody#TRUSTED_LENGTH}, whatever length
 * is declared (a body longer than that is collected as its bytes come; see {@code
 * TransportFailureTest} for the stalled answer of a huge declared length ending at its deadline).
 */
class BoundedBodyTest {

  static HttpResponse.ResponseInfo answer(int status, long declared) {
    HttpHeaders headers = HttpHeaders.of(
        Map.of("content-length", List.of(Long.toString(declared))), (name, value) -> true);
    return new HttpResponse.ResponseInfo() {
      @Override
      public int statusCode() {
        return status;
      }

      @Override
      public HttpHeaders headers() {
        return headers;
      }

      @Override
      public HttpClient.Version version() {
        return HttpClient.Version.HTTP_1_1;
      }
    };
  }

  /**
   * The bytes set aside for a body when its headers arrive: the collector's first buffer, or the
   * array the declared length is read into.
   */
  private static int reservedFor(int status, long declared) {
    BoundedBody body = new BoundedBody(System.nanoTime() + 1_000_000_000L);
    Object subscriber = body.apply(answer(status, declared));
    return subscriber instanceof BoundedBody.Collector c ? c.capacity() : body.declaredLength();
  }

  @Test
  void aDeclaredLengthOverTheTrustedOneSetsAsideNoMoreThanTheTrustedOne() {
    assertThat(reservedFor(200, RawServer.HUGE_DECLARED))
        .isLessThanOrEqualTo(BoundedBody.TRUSTED_LENGTH);
    assertThat(reservedFor(200, VendorHttp.MAX_SUCCESS_BODY))
        .isLessThanOrEqualTo(BoundedBody.TRUSTED_LENGTH);
  }

  @Test
  void anUndeclaredLengthSetsAsideLittle() {
    assertThat(reservedFor(200, -1)).isEqualTo(1024);
    assertThat(reservedFor(500, -1)).isEqualTo(1024);
  }

  @Test
  void aDeclaredLengthWithinTheTrustedOneIsSetAsideWhole() {
    assertThat(reservedFor(200, 100)).isEqualTo(100);
    assertThat(reservedFor(200, BoundedBody.TRUSTED_LENGTH))
        .isEqualTo(BoundedBody.TRUSTED_LENGTH);
  }
}
