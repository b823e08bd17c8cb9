package dev.browsersessions;

/** The vendor-neutral life-cycle state of a browser session. */
public enum SessionStatus {
  /** Requested and being provisioned; not usable yet. */
  PENDING,
  /** Running and usable over CDP. */
  ACTIVE,
  /** Ended normally, by a stop or by the vendor. Terminal. */
  CLOSED,
  /** Ended by a failure. Terminal. */
  ERROR,
  /** Ended because its idle timeout or maximum duration passed. Terminal. */
  TIMED_OUT,
  /** The vendor reported a state this library does not know; see the session's attributes. */
  UNKNOWN;

  /**
   * Whether a session in this state has ended for good.
   *
   * @return {@code true} for {@link #CLOSED}, {@link #ERROR} and {@link #TIMED_OUT}
   */
  public boolean isTerminal() {
    return this == CLOSED || this == ERROR || this == TIMED_OUT;
  }
}
