package dev.browsersessions.stagehand.internal;

import dev.browsersessions.SessionStatus;
import java.util.Locale;
import java.util.Optional;

/**
 * Browserbase's session statuses and the vendor-neutral ones: {@code PENDING → PENDING}, {@code
 * RUNNING → ACTIVE}, {@code COMPLETED → CLOSED}, {@code ERROR → ERROR}, {@code TIMED_OUT →
 * TIMED_OUT}; anything else (a status added later, none at all) is {@code UNKNOWN}.
 */
public final class BrowserbaseStatuses {

  private BrowserbaseStatuses() {}

  /**
   * The neutral status for a Browserbase status.
   *
   * @param vendorStatus Browserbase's {@code status}, possibly {@code null}
   * @return the neutral status; {@link SessionStatus#UNKNOWN} for what is not known
   */
  public static SessionStatus toNeutral(String vendorStatus) {
    if (vendorStatus == null) {
      return SessionStatus.UNKNOWN;
    }
    return switch (vendorStatus.trim().toUpperCase(Locale.ROOT)) {
      case "PENDING" -> SessionStatus.PENDING;
      case "RUNNING" -> SessionStatus.ACTIVE;
      case "COMPLETED" -> SessionStatus.CLOSED;
      case "ERROR" -> SessionStatus.ERROR;
      case "TIMED_OUT" -> SessionStatus.TIMED_OUT;
      default -> SessionStatus.UNKNOWN;
    };
  }

  /**
   * The Browserbase status to filter on for a neutral status.
   *
   * @param status a neutral status
   * @return Browserbase's name for it; empty for {@link SessionStatus#UNKNOWN}, which no single
   *     Browserbase status stands for
   */
  public static Optional<String> toVendor(SessionStatus status) {
    return switch (status) {
      case PENDING -> Optional.of("PENDING");
      case ACTIVE -> Optional.of("RUNNING");
      case CLOSED -> Optional.of("COMPLETED");
      case ERROR -> Optional.of("ERROR");
      case TIMED_OUT -> Optional.of("TIMED_OUT");
      case UNKNOWN -> Optional.empty();
    };
  }
}
