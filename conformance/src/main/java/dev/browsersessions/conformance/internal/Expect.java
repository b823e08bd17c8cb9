package dev.browsersessions.conformance.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.browsersessions.Capability;
import dev.browsersessions.InvalidSessionRequestException;
import dev.browsersessions.SessionInfo;
import dev.browsersessions.UnsupportedCapabilityException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Assertions the kit's rules share. */
public final class Expect {

  private Expect() {}

  /**
   * Asserts that using an undeclared capability was refused, naming it.
   *
   * @param capability the capability used
   * @param thrown what the call threw, or {@code null}
   */
  public static void refused(Capability capability, Throwable thrown) {
    assertThat(thrown)
        .as("%s is not declared in capabilities(), so using it must throw"
            + " UnsupportedCapabilityException before any session starts (R7.4)", capability)
        .isInstanceOfSatisfying(UnsupportedCapabilityException.class, e -> assertThat(
            e.capability()).as("UnsupportedCapabilityException.capability()")
            .isEqualTo(capability));
  }

  /**
   * Asserts that a call was refused as invalid before reaching the vendor.
   *
   * @param call the call, for the message
   * @param thrown what the call threw, or {@code null}
   */
  public static void rejectedLocally(String call, Throwable thrown) {
    assertThat(thrown)
        .as("%s must throw InvalidSessionRequestException before any vendor call; use"
            + " RequestChecks.requireValidId", call)
        .isInstanceOfSatisfying(InvalidSessionRequestException.class, e -> assertThat(
            e.httpStatus()).as("%s was sent to the vendor (HTTP status set)", call).isEmpty());
  }

  /**
   * The ids of some sessions.
   *
   * @param infos the sessions
   * @return their ids
   */
  public static Set<String> ids(List<SessionInfo> infos) {
    Set<String> ids = new HashSet<>();
    infos.forEach(i -> ids.add(i.id()));
    return ids;
  }
}
