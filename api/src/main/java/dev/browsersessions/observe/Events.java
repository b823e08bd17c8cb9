package dev.browsersessions.observe;

import java.util.Optional;

/** Small helpers shared by the event records. */
final class Events {

  private Events() {}

  static String exceptionType(Optional<Throwable> failure) {
    return failure.map(Events::exceptionType).orElse("none");
  }

  static String exceptionType(Throwable failure) {
    String simple = failure.getClass().getSimpleName();
    return simple.isEmpty() ? failure.getClass().getName() : simple; // anonymous classes
  }
}
