package dev.browsersessions.conformance.internal;

/**
 * What one call returned or threw.
 *
 * @param value the result, or {@code null} when the call threw
 * @param error what the call threw, or {@code null}
 * @param <T> the result's type
 */
public record Outcome<T>(T value, Throwable error) {

  /**
   * Whether the call threw.
   *
   * @return {@code true} when {@link #error()} is set
   */
  public boolean failed() {
    return error != null;
  }

  @Override
  public String toString() {
    return failed() ? "threw " + error : "returned " + value;
  }
}
