package dev.browsersessions.micrometer;

import dev.browsersessions.observe.CallFinished;
import dev.browsersessions.observe.CallStarted;
import io.micrometer.observation.Observation;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@link Observation.Context} of one client call: what started and, once known, how it
 * ended.
 */
public final class SessionCallContext extends Observation.Context {

  private final CallStarted call;
  private volatile CallFinished finished;

  /**
   * Creates the context.
   *
   * @param call the call
   */
  public SessionCallContext(CallStarted call) {
    this.call = Objects.requireNonNull(call, "call");
  }

  /**
   * The call.
   *
   * @return what started
   */
  public CallStarted call() {
    return call;
  }

  /**
   * How the call ended.
   *
   * @return the end, once the call has finished
   */
  public Optional<CallFinished> finished() {
    return Optional.ofNullable(finished);
  }

  void finish(CallFinished end) {
    this.finished = end;
  }
}
