package dev.browsersessions.http;

import dev.browsersessions.AuthenticationException;
import dev.browsersessions.BrowserSessionException;
import dev.browsersessions.InvalidSessionRequestException;
import dev.browsersessions.ProviderUnavailableException;
import dev.browsersessions.QuotaExceededException;
import dev.browsersessions.RateLimitedException;
import dev.browsersessions.RequestTimeoutException;
import java.time.Clock;

/**
 * The one mapping from a vendor's HTTP error answer to this library's exceptions, used as the
 * Feign error decoder of every REST provider:
 *
 * <table>
 *   <caption>Status to exception</caption>
 *   <tr><th>Status</th><th>Exception</th><th>Retryable</th></tr>
 *   <tr><td>400, 422</td><td>{@link InvalidSessionRequestException} with the field messages</td>
 *       <td>no</td></tr>
 *   <tr><td>401, 403</td><td>{@link AuthenticationException}</td><td>no</td></tr>
 *   <tr><td>402</td><td>{@link QuotaExceededException}</td><td>no</td></tr>
 *   <tr><td>404</td><td>{@link BrowserSessionException} with status 404 ({@link
 *       VendorCalls#session} makes it a {@code SessionNotFoundException} on session paths)</td>
 *       <td>no</td></tr>
 *   <tr><td>408</td><td>{@link RequestTimeoutException}, outcome unknown</td><td>yes</td></tr>
 *   <tr><td>429</td><td>{@link RateLimitedException} with {@code Retry-After}</td>
 *       <td>yes</td></tr>
 *   <tr><td>5xx, 529</td><td>{@link ProviderUnavailableException}, outcome unknown (but 503)
 *       </td><td>yes</td></tr>
 *   <tr><td>other</td><td>{@link BrowserSessionException}</td><td>no</td></tr>
 * </table>
 *
 * A provider adjusts the result for its vendor's quirks with a {@link Quirk}.
 */
public final class HttpErrorMapper {

  /** A provider's hook to adjust the mapped exception for its vendor's quirks. */
  @FunctionalInterface
  public interface Quirk {
    /** No adjustment. */
    Quirk NONE = (failure, mapped) -> mapped;

    /**
     * Adjusts a mapped exception.
     *
     * @param failure the answer
     * @param mapped what the standard mapping made of it
     * @return the exception to throw
     */
    BrowserSessionException adjust(HttpFailure failure, BrowserSessionException mapped);
  }

  private final String provider;
  private final String vendor;
  private final Quirk quirk;
  private final Clock clock;

  /**
   * Creates a mapper.
   *
   * @param provider the provider's name
   * @param vendor the vendor's name in messages, e.g. {@code Notte}
   * @param quirk the vendor's adjustments
   * @param clock the clock for HTTP-date {@code Retry-After} values
   */
  public HttpErrorMapper(String provider, String vendor, Quirk quirk, Clock clock) {
    this.provider = provider;
    this.vendor = vendor;
    this.quirk = quirk;
    this.clock = clock;
  }

  /**
   * Maps an answer.
   *
   * @param f the answer
   * @return the exception to throw
   */
  public BrowserSessionException map(HttpFailure f) {
    return quirk.adjust(f, standard(f));
  }

  private BrowserSessionException standard(HttpFailure f) {
    int status = f.status();
    String message =
        vendor + " answered HTTP " + status + " to " + f.method() + " " + f.path() + ": "
            + f.said();
    if (status == 400 || status == 422) {
      return InvalidSessionRequestException.refused(message, provider, status,
          f.errorBody().map(ErrorBody::fieldErrors).orElse(java.util.List.of()));
    }
    if (status == 401 || status == 403) {
      return new AuthenticationException(
          message + " — check the API key", provider, status);
    }
    if (status == 402) {
      return new QuotaExceededException(message, provider, status);
    }
    if (status == 404) {
      return BrowserSessionException.builder(message).provider(provider).httpStatus(404).build();
    }
    if (status == 408) {
      return new RequestTimeoutException(message, provider);
    }
    if (status == 429) {
      return new RateLimitedException(
          message, provider, status, RetryAfter.from(f.headers(), clock.instant()).orElse(null));
    }
    if (status >= 500) {
      ProviderUnavailableException e =
          ProviderUnavailableException.answered(message, provider, status);
      return status == 503 ? e : e.markOutcomeUnknown(); // 503: refused before acting
    }
    return BrowserSessionException.builder(message).provider(provider).httpStatus(status).build();
  }
}
