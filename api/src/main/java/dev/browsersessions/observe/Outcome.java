package dev.browsersessions.observe;

import java.util.Locale;

/** How an observed call or stop ended. */
public enum Outcome {
  /** It returned normally. */
  SUCCESS,
  /** It threw. */
  FAILURE;

  private final String tag = name().toLowerCase(Locale.ROOT);

  /**
   * The lower-case name, for metric tags.
   *
   * @return {@code "success"} or {@code "failure"}
   */
  public String tagValue() {
    return tag;
  }
}
