package dev.browsersessions.grid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.browsersessions.RateLimitedException;
import dev.browsersessions.SessionFilter;
import dev.browsersessions.SessionInfo;
import dev.browsersessions.SessionRequest;
import dev.browsersessions.SessionStatus;
import dev.browsersessions.spi.BrowserSessionProvider;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * A distributed Grid: a hub and two nodes of {@value #SLOTS} Chrome slots each (started side by
 * side), new-session requests waiting at most {@value #QUEUE_SECONDS} s in the hub's queue. The
 * tests share the full Grid: each fills it up to both nodes' slots (a no-op when the previous test
 * left it full), so a whole run starts 6 browsers, not 14. The node-killing test runs last.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SeleniumGridDistributedIT {

  private static final int SLOTS = 2;
  private static final int QUEUE_SECONDS = 6;
  private static final SessionRequest REQUEST = SessionRequest.defaults();

  private final List<GridProcess> processes = new ArrayList<>();
  private GridProcess hub;
  private GridProcess nodeA;
  private GridProcess nodeB;
  private BrowserSessionProvider provider;
  private final List<String> started = new ArrayList<>();

  @BeforeAll
  void startGrid() throws IOException {
    assumeTrue(GridProcess.available(), "needs /usr/bin/chromedriver and /usr/bin/chromium");
    Path dir = Files.createTempDirectory("grid-distributed");
    int publish = GridProcess.freePort();
    int subscribe = GridProcess.freePort();
    hub = track(GridProcess.hub(dir, publish, subscribe, QUEUE_SECONDS));
    nodeA = track(GridProcess.launchNode(dir, hub, publish, subscribe, SLOTS, "a"));
    nodeB = track(GridProcess.launchNode(dir, hub, publish, subscribe, SLOTS, "b"));
    nodeA.awaitReady();
    nodeB.awaitReady();
    hub.awaitLines("Added node", 2);
    provider = SeleniumGridProviderFactory.provider(SeleniumGridSettings.builder()
        .url(hub.url()).queueTimeout(Duration.ofSeconds(30)).build());
  }

  private GridProcess track(GridProcess p) {
    processes.add(p);
    return p;
  }

  @AfterAll
  void stopGrid() {
    if (provider != null) {
      for (String id : started) {
        try {
          provider.stop(id);
        } catch (RuntimeException e) {
          // a killed node's session may be gone already
        }
      }
      provider.close();
    }
    for (int i = processes.size() - 1; i >= 0; i--) {
      processes.get(i).close();
    }
  }

  private SessionInfo create() {
    SessionInfo info = provider.create(REQUEST);
    started.add(info.id());
    return info;
  }

  /** Fills every slot of both nodes; returns the sessions as status reads them. */
  private List<SessionInfo> full() {
    while (started.size() < 2 * SLOTS) {
      create();
    }
    return started.stream().map(provider::status).toList();
  }

  @Test
  @Order(1)
  void sessionsSpreadOverBothNodes() {
    List<SessionInfo> sessions = full();
    Map<Object, Long> perNode = sessions.stream()
        .collect(Collectors.groupingBy(s -> s.attributes().get(GridAttributes.NODE_ID),
            Collectors.counting()));
    assertThat(perNode).as("sessions per node").hasSize(2).allSatisfy((node, n) ->
        assertThat(n).isEqualTo((long) SLOTS));
    assertThat(provider.list(SessionFilter.active())).extracting(SessionInfo::id)
        .containsAll(started);
  }

  @Test
  @Order(2)
  void fullGridQueuesThenRefuses() {
    full();
    // Full: a create waits in the hub's queue and gets the slot a stop frees.
    CompletableFuture<SessionInfo> queued = CompletableFuture.supplyAsync(() -> provider.create(REQUEST));
    String freed = started.remove(0);
    awaitQueued();
    assertThat(queued).as("a create waits while every slot is busy").isNotDone();
    provider.stop(freed);
    SessionInfo late = queued.join();
    started.add(late.id());
    assertThat(late.status()).isEqualTo(SessionStatus.ACTIVE);

    // Still full, and nothing frees a slot: the hub gives up after its queue timeout.
    Instant before = Instant.now();
    assertThatThrownBy(() -> create())
        .isInstanceOf(RateLimitedException.class)
        .hasMessageContaining("--session-request-timeout")
        .satisfies(e -> assertThat(((RateLimitedException) e).isRetryable()).isTrue());
    assertThat(Duration.between(before, Instant.now()))
        .as("the refusal came from the hub's queue, not at once")
        .isGreaterThanOrEqualTo(Duration.ofSeconds(QUEUE_SECONDS - 1));
  }

  /** Waits until the hub's queue holds a request (bounded: 200 reads, 20 s). */
  private void awaitQueued() {
    Instant deadline = Instant.now().plusSeconds(20);
    for (int i = 0; i < 200 && Instant.now().isBefore(deadline); i++) {
      if (GridQueries.queueSize(hub.url()) > 0) {
        return;
      }
    }
    throw new AssertionError("no request reached the hub's queue");
  }

  @Test
  @Order(3)
  void killedNodeEndsItsSessions() {
    List<SessionInfo> sessions = full();
    GridProcess doomed = nodeA;
    List<SessionInfo> onDoomed = sessions.stream()
        .filter(s -> nodeUri(s).equals(doomed.url().toString())).toList();
    List<SessionInfo> survivors = sessions.stream().filter(s -> !onDoomed.contains(s)).toList();
    assertThat(onDoomed).hasSize(SLOTS);

    doomed.kill();

    // Read first: the Grid still lists the session, the router cannot reach its node.
    SessionInfo read = provider.status(onDoomed.get(0).id());
    assertThat(read.status()).as("a session on a dead node is reported ended: %s", read)
        .isEqualTo(SessionStatus.ERROR);
    assertThat(read.closeReason()).hasValueSatisfying(r -> assertThat(r).contains("no longer answers"));
    System.out.println("[grid] a killed node's session: " + read.closeReason().orElse(""));
    // Stopped without a read first: ends as ERROR too, without throwing.
    assertThat(provider.stop(onDoomed.get(1).id()).status()).isEqualTo(SessionStatus.ERROR);
    assertThat(provider.stop(onDoomed.get(0).id()).status()).isEqualTo(SessionStatus.ERROR);
    for (SessionInfo s : survivors) {
      assertThat(provider.status(s.id()).status()).isEqualTo(SessionStatus.ACTIVE);
    }
  }

  private static String nodeUri(SessionInfo s) {
    return String.valueOf(s.attributes().get(GridAttributes.NODE_URI));
  }
}
