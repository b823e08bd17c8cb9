package dev.browsersessions.stagehand.sim;

import java.time.Instant;
import java.util.Map;

/** One simulated Browserbase session; guarded by the simulator's lock. */
final class SimSession {
  final String id;
  final String region;
  final Instant createdAt;
  final Integer timeoutSeconds;
  final boolean keepAlive;
  final Map<String, Object> userMetadata;
  final String stagehandHost;
  String status = "RUNNING";
  Instant endedAt;
  boolean stagehandOpen = true;
  boolean releaseRequested;
  int pollsLeft;
  /** How many more list answers that match it leave it out (Browserbase showing it late). */
  int hiddenFromLists;

  SimSession(
      String id, String region, Instant createdAt, Integer timeoutSeconds, boolean keepAlive,
      Map<String, Object> userMetadata, String stagehandHost) {
    this.id = id;
    this.region = region;
    this.createdAt = createdAt;
    this.timeoutSeconds = timeoutSeconds;
    this.keepAlive = keepAlive;
    this.userMetadata = userMetadata;
    this.stagehandHost = stagehandHost;
  }

  Instant expiresAt() {
    return createdAt.plusSeconds(timeoutSeconds == null ? 300 : timeoutSeconds);
  }

  /** Applies the passage of time: a running session past its timeout has timed out. */
  void tick(Instant now) {
    if (isRunning() && !now.isBefore(expiresAt())) {
      status = "TIMED_OUT";
      endedAt = expiresAt();
      stagehandOpen = false;
    }
  }

  boolean isRunning() {
    return status.equals("RUNNING") || status.equals("PENDING");
  }

  void complete(Instant now) {
    status = "COMPLETED";
    endedAt = now;
    stagehandOpen = false;
  }
}
