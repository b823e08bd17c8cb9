package dev.browsersessions.local.internal;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * Asks a browser's DevTools endpoint whether it answers, and as what: CDP's
 * {@code Browser.getVersion} on a {@link CdpConnection} of its own, closed before the call
 * returns (no client object, no thread), the whole exchange (connect, handshake, command and
 * answer) bounded by one deadline.
 */
public final class DevToolsProbe {

  private final Duration timeout;

  /**
   * Creates a probe.
   *
   * @param timeout how long one probe may take in all: to connect and get its answer
   */
  public DevToolsProbe(Duration timeout) {
    this.timeout = timeout;
  }

  /**
   * Probes the browser behind a CDP URL.
   *
   * @param cdpUrl e.g. {@code ws://127.0.0.1:PORT/devtools/browser/UUID}
   * @return the browser's product string (e.g. {@code HeadlessChrome/156.0…}) if it answered
   */
  public Optional<String> browserVersion(URI cdpUrl) {
    long deadline = System.nanoTime() + timeout.toNanos();
    try (CdpConnection cdp = CdpConnection.open(cdpUrl, timeout)) {
      String answer = cdp.send("Browser.getVersion", "{}", null, deadline);
      return Optional.of(CdpConnection.find(answer, "\"product\"\\s*:\\s*\"([^\"]*)\"")
          .orElse("unknown"));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }
}
