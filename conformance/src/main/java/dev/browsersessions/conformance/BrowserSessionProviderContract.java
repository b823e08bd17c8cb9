package dev.browsersessions.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.browsersessions.BrowserSession;
import dev.browsersessions.BrowserSessionException;
import dev.browsersessions.BrowserSessions;
import dev.browsersessions.Capability;
import dev.browsersessions.InvalidSessionRequestException;
import dev.browsersessions.SessionFilter;
import dev.browsersessions.SessionInfo;
import dev.browsersessions.SessionNotFoundException;
import dev.browsersessions.SessionRequest;
import dev.browsersessions.SessionStatus;
import dev.browsersessions.UnsupportedCapabilityException;
import dev.browsersessions.conformance.internal.Await;
import dev.browsersessions.conformance.internal.CdpProbe;
import dev.browsersessions.conformance.internal.CapabilityRequests;
import dev.browsersessions.conformance.internal.DeferredCloseProvider;
import dev.browsersessions.conformance.internal.Expect;
import dev.browsersessions.conformance.internal.Factories;
import dev.browsersessions.conformance.internal.InvalidIds;
import dev.browsersessions.conformance.internal.Outcome;
import dev.browsersessions.conformance.internal.Parallel;
import dev.browsersessions.spi.BrowserSessionProvider;
import dev.browsersessions.spi.BrowserSessionProviderFactory;
import dev.browsersessions.spi.RequestChecks;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * The contract every {@link BrowserSessionProvider} must meet, as one abstract JUnit 5 class.
 * Each test checks one rule of {@code conformance/RULES.md}; its name carries the rule id and
 * whether the rule is {@code required_} or {@code optional_} (depends on a {@link Capability}).
 * When a provider lacks the capability of an optional rule, the test instead checks that the
 * provider refuses the option with {@link UnsupportedCapabilityException}: an opt-out is never
 * silent.
 *
 * <pre>{@code
 * class FakeConformanceTest extends BrowserSessionProviderContract {
 *   @Override
 *   protected BrowserSessionProvider createProvider() {
 *     return FakeSessionProvider.builder().build();
 *   }
 * }
 * }</pre>
 *
 * <p>Life cycle: {@link #createProvider()} is called before each test. After each test the kit
 * stops every session it created that is not known to be terminal, then closes the provider.
 * The kit calls the SPI directly, except for the rules about the user API (section 10).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("conformance")
@Timeout(value = 5, unit = TimeUnit.MINUTES)
public abstract class BrowserSessionProviderContract {

  private static final System.Logger LOG =
      System.getLogger(BrowserSessionProviderContract.class.getName());
  private static final Duration IDLE = Duration.ofMinutes(5);
  private static final Duration MAX = Duration.ofMinutes(10);
  private static final Duration MARGIN = Duration.ofMinutes(1);
  private static final String NAME_PATTERN = "[a-z][a-z0-9-]{0,31}";
  private static final String TAG = "conformance-tag";
  /** For R7.4: names the undeclared option a refused request carried. */
  private static final String OPTION_TAG = "conformance-option";
  private static final Duration HOUR = Duration.ofHours(1);
  private static final Duration DAY = Duration.ofDays(1);
  private static final Set<SessionStatus> TERMINAL =
      EnumSet.of(SessionStatus.CLOSED, SessionStatus.ERROR, SessionStatus.TIMED_OUT);
  private static final Set<SessionStatus> STARTING =
      EnumSet.of(SessionStatus.PENDING, SessionStatus.ACTIVE);

  private final Set<String> created = ConcurrentHashMap.newKeySet();
  private final Set<String> ended = ConcurrentHashMap.newKeySet();
  private BrowserSessionProvider provider;

  /** For subclasses. */
  protected BrowserSessionProviderContract() {}

  // --- hooks -------------------------------------------------------------------------------------

  /**
   * Builds a fresh provider. Called before EACH test; the kit stops every session it created and
   * closes the provider after each test. R1.3 and R1.4 call it once more, to compare a second
   * provider's name and capabilities, and close that one themselves.
   *
   * @return a new provider; must not do I/O that fails when nothing is listening yet
   */
  protected abstract BrowserSessionProvider createProvider();

  /**
   * The request plain creates use. Override when the provider needs something to start a
   * session at all (e.g. headless for a CI machine); use only declared capabilities.
   *
   * @return by default {@link SessionRequest#defaults()}
   */
  protected SessionRequest minimalRequest() {
    return SessionRequest.defaults();
  }

  /**
   * Moves the provider's clock forward, for the timeout rules (section 8). Called after {@link
   * #createProvider()} in each test, so it may refer to the provider just built.
   *
   * @return by default {@code Optional.empty()}: the timeout rules are then skipped (JUnit
   *     assumption) with the reason
   */
  protected Optional<TimeControl> timeControl() {
    return Optional.empty();
  }

  /**
   * How long the kit waits (bounded polling) for an eventually consistent change, e.g. a stopped
   * session to leave the active list. Parallel calls (section 9) may take three times as long.
   *
   * @return by default 10 seconds
   */
  protected Duration settleTimeout() {
    return Duration.ofSeconds(10);
  }

  /**
   * A request that uses exactly one request option on top of {@link #minimalRequest()}, for the
   * capability rules (R7.4, R7.5). Override to pick values the vendor accepts (e.g. a region it
   * runs in); the defaults are an idle timeout of 5 minutes, a maximum duration of 10 minutes,
   * headless, a 1280x720 viewport, a fixed user agent, an external proxy at {@code
   * http://127.0.0.1:3128}, a managed proxy in {@code us}, region {@code us-west-2}, captcha
   * solving, recording, keep-alive, and the kit's three metadata tags.
   *
   * @param capability a capability that is a request option (not {@code LIST}, {@code CDP_URL},
   *     {@code LIVE_VIEW})
   * @return the request
   */
  protected SessionRequest requestUsing(Capability capability) {
    return CapabilityRequests.using(capability, minimalRequest());
  }

  /**
   * A well-formed id the provider has never handed out, for the not-found rules (section 5).
   *
   * @return by default a random UUID
   */
  protected String unknownSessionId() {
    return UUID.randomUUID().toString();
  }

  /**
   * How many calls the concurrency rules (section 9) make at once.
   *
   * @return by default 8
   */
  protected int parallelism() {
    return 8;
  }

  /**
   * How many sessions one page of the vendor's list holds, when the provider pages through the
   * vendor's list. R6.1 then lists one session more than a page.
   *
   * @return by default empty: R6.1 lists a single session
   */
  protected OptionalInt listPageSize() {
    return OptionalInt.empty();
  }

  /**
   * The clock the provider's timestamps ({@code createdAt}, {@code lastActiveAt}, {@code
   * closedAt}) come from, for R3.7. Override when {@link #timeControl()} moves a clock.
   *
   * @return by default the system clock
   */
  protected Clock clock() {
    return Clock.systemUTC();
  }

  /**
   * How far the provider's timestamps may be from {@link #clock()} (vendor clocks differ from
   * ours; some round to seconds), for R3.7.
   *
   * @return by default 30 seconds
   */
  protected Duration clockSkew() {
    return Duration.ofSeconds(30);
  }

  /**
   * Whether a session's CDP URL reaches a real browser, so the kit can check in the browser that
   * options take effect (section 12). Without it those rules are skipped as unverified.
   *
   * @return by default {@code false}
   */
  protected boolean liveBrowser() {
    return false;
  }

  /**
   * Whether list entries carry the CDP and live-view URLs (R2.5, R2.6). Return {@code false} only
   * when the vendor's list answer has no URLs and reading them per session would cost a call per
   * listed session; say so in the provider's README.
   *
   * @return by default {@code true}
   */
  protected boolean listReportsUrls() {
    return true;
  }

  /**
   * An id the provider never handed out, with capitals and every punctuation character a
   * session id may hold, for R5.4: not-found errors must name it exactly as given.
   *
   * @return by default {@code Kit-Unknown.<uuid>_~:@-Z}
   */
  protected String unusualUnknownSessionId() {
    return "Kit-Unknown." + UUID.randomUUID() + "_~:@-Z";
  }

  /**
   * The provider of the running test, for subclasses that add their own tests.
   *
   * @return the provider built by {@link #createProvider()} for this test
   */
  protected final BrowserSessionProvider provider() {
    if (provider == null) {
      throw new IllegalStateException("provider() is only available while a test runs");
    }
    return provider;
  }

  // --- life cycle ------------------------------------------------------------------------------

  /** Builds the provider for the next test. */
  @BeforeEach
  final void conformanceSetUp() {
    created.clear();
    ended.clear();
    provider =
        Objects.requireNonNull(createProvider(), "createProvider() returned null; build one");
  }

  /** Stops every session the test created and closes the provider. */
  @AfterEach
  final void conformanceTearDown() {
    BrowserSessionProvider p = provider;
    provider = null;
    if (p == null) {
      return;
    }
    try {
      for (String id : created) {
        if (!ended.contains(id)) {
          try {
            p.stop(id);
          } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING,
                "conformance kit: could not stop " + id + ": " + e);
          }
        }
      }
    } finally {
      try {
        p.close();
      } catch (RuntimeException e) {
        LOG.log(System.Logger.Level.WARNING, "conformance kit: close() failed: " + e);
      }
    }
  }

  // --- 1. registration and discovery -----------------------------------------------------------

  /** R1.1: exactly one registered factory has the provider's name. */
  @Test
  public void required_R1_1_factoryIsRegisteredUnderProviderName() {
    String name = provider.name();
    List<BrowserSessionProviderFactory> factories = Factories.load();
    List<String> names = factories.stream().map(BrowserSessionProviderFactory::name).toList();
    assertThat(names)
        .as("R1.1: ServiceLoader must find exactly one BrowserSessionProviderFactory named '%s'"
            + " (found %s); check META-INF/services/dev.browsersessions.spi."
            + "BrowserSessionProviderFactory and 'provides' in module-info.java", name, names)
        .containsOnlyOnce(name);
  }

  /** R1.2: the provider's and its factory's names are short and lower-case. */
  @Test
  public void required_R1_2_nameIsShortAndLowerCase() {
    assertThat(provider.name())
        .as("R1.2: provider name must match %s; check name()", NAME_PATTERN)
        .matches(NAME_PATTERN);
    Factories.load().stream()
        .filter(f -> f.name() != null && f.name().equalsIgnoreCase(provider.name()))
        .forEach(f -> assertThat(f.name())
            .as("R1.2: factory %s name must match %s", f.getClass().getName(), NAME_PATTERN)
            .matches(NAME_PATTERN));
  }

  /** R1.3: the name never changes, across calls, providers and factory instances. */
  @Test
  public void required_R1_3_nameIsStable() {
    String name = provider.name();
    assertThat(provider.name()).as("R1.3: name() must return the same value every time")
        .isEqualTo(name);
    try (BrowserSessionProvider second = createProvider()) {
      assertThat(second.name()).as("R1.3: a second provider must have the same name")
          .isEqualTo(name);
    }
    long again = Factories.load().stream().filter(f -> name.equals(f.name())).count();
    assertThat(again).as("R1.3: a fresh factory instance must still be named '%s'", name)
        .isEqualTo(1);
  }

  /** R1.4: capabilities are non-null, hold no null, and do not change. */
  @Test
  public void required_R1_4_capabilitiesAreNonNullAndStable() {
    Set<Capability> first = provider.capabilities();
    assertThat(first).as("R1.4: capabilities() must not be null").isNotNull();
    assertThat(new ArrayList<>(first)).as("R1.4: capabilities() must not contain null")
        .doesNotContainNull();
    assertThat(provider.capabilities()).as("R1.4: capabilities() must not change between calls")
        .isEqualTo(first);
    try (BrowserSessionProvider second = createProvider()) {
      assertThat(second.capabilities())
          .as("R1.4: an equally configured provider must declare the same capabilities")
          .isEqualTo(first);
    }
  }

  /** R1.5: callers cannot change the capabilities through the returned set. */
  @Test
  public void required_R1_5_capabilitiesCannotBeChangedByCallers() {
    Set<Capability> before = EnumSet.noneOf(Capability.class);
    before.addAll(provider.capabilities());
    String fix = "R1.5: modifying the set capabilities() returned changed the provider; return an"
        + " unmodifiable set or a copy";
    Set<Capability> returned = provider.capabilities();
    catchThrowable(returned::clear);
    assertThat(provider.capabilities()).as(fix).isEqualTo(before);
    Set<Capability> again = provider.capabilities();
    catchThrowable(() -> again.addAll(EnumSet.allOf(Capability.class)));
    assertThat(provider.capabilities()).as(fix).isEqualTo(before);
  }

  // --- 2. create -------------------------------------------------------------------------------

  /** R2.1: create returns a usable, fresh id and a non-terminal status. */
  @Test
  public void required_R2_1_createReturnsFreshIdAndNonTerminalStatus() {
    SessionInfo info = createMinimal();
    assertThatCode(() -> RequestChecks.requireValidId(info.id()))
        .as("R2.1: the id create returned (%s) must pass RequestChecks.requireValidId",
            InvalidIds.show(info.id()))
        .doesNotThrowAnyException();
    assertThat(info.status())
        .as("R2.1: a new session must be PENDING or ACTIVE; check the vendor status mapping")
        .isIn(STARTING);
  }

  /** R2.2: every create gives a new id. */
  @Test
  public void required_R2_2_createdIdsAreDistinct() {
    SessionInfo a = createMinimal();
    stop(a.id());
    SessionInfo b = createMinimal();
    SessionInfo c = createMinimal();
    assertThat(List.of(a.id(), b.id(), c.id()))
        .as("R2.2: three creates (one already stopped) must give three distinct ids")
        .doesNotHaveDuplicates();
  }

  /** R2.3: the session names its provider. */
  @Test
  public void required_R2_3_createReportsProviderName() {
    assertThat(createMinimal().provider())
        .as("R2.3: SessionInfo.provider() must equal provider.name()")
        .isEqualTo(provider.name());
  }

  /** R2.4: a new session becomes ACTIVE within the settle timeout. */
  @Test
  public void required_R2_4_sessionBecomesActive() {
    SessionInfo info = createMinimal();
    if (info.status() != SessionStatus.ACTIVE) {
      awaitStatus(info.id(), i -> i.status() == SessionStatus.ACTIVE,
          "R2.4: session " + info.id() + " must become ACTIVE");
    }
  }

  /** R2.5: with CDP_URL, an active session has a WebSocket or HTTP CDP URL. */
  @Test
  public void optional_R2_5_cdpUrlPresentWhenDeclared() {
    assumeDeclaredOrAbort(Capability.CDP_URL);
    activeReadPaths(createMinimal()).forEach((path, info) -> {
      URI url = info.cdpUrl().orElse(null);
      assertThat(url).as("R2.5: CDP_URL is declared, so %s of an ACTIVE session must carry"
          + " cdpUrl()", path).isNotNull();
      assertThat(url.getScheme()).as("R2.5: %s cdpUrl scheme", path)
          .isIn("ws", "wss", "http", "https");
    });
  }

  /** R2.6: with LIVE_VIEW, an active session has an HTTP(S) live-view URL. */
  @Test
  public void optional_R2_6_liveViewUrlPresentWhenDeclared() {
    assumeDeclaredOrAbort(Capability.LIVE_VIEW);
    activeReadPaths(createMinimal()).forEach((path, info) -> {
      URI url = info.liveViewUrl().orElse(null);
      assertThat(url).as("R2.6: LIVE_VIEW is declared, so %s of an ACTIVE session must carry"
          + " liveViewUrl()", path).isNotNull();
      assertThat(url.getScheme()).as("R2.6: %s liveViewUrl scheme", path)
          .isIn("http", "https");
    });
  }

  /** R2.7: a requested idle timeout is reported as granted. */
  @Test
  public void optional_R2_7_grantedIdleTimeoutIsReported() {
    assertGrantedDuration(Capability.IDLE_TIMEOUT, SessionInfo::idleTimeout,
        "R2.7: an idle timeout was requested, so create or status must report the granted one"
            + " in SessionInfo.idleTimeout()");
  }

  /** R2.8: a requested maximum duration is reported as granted. */
  @Test
  public void optional_R2_8_grantedMaxDurationIsReported() {
    assertGrantedDuration(Capability.MAX_DURATION, SessionInfo::maxDuration,
        "R2.8: a maximum duration was requested, so create or status must report the granted"
            + " one in SessionInfo.maxDuration()");
  }

  /** R2.9: create echoes the metadata it was given. */
  @Test
  public void optional_R2_9_metadataIsEchoedByCreate() {
    if (refusedWhenMissing(Capability.METADATA)) {
      return;
    }
    Map<String, String> tags = tags(token());
    SessionInfo info = create(minimalRequest().toBuilder().metadata(tags).build());
    assertThat(info.metadata())
        .as("R2.9: METADATA is declared, so create must return all %s tags it stored, exactly",
            tags.size())
        .containsAllEntriesOf(tags);
  }

  /** R2.10: one create makes exactly one session. */
  @Test
  public void optional_R2_10_oneCreateMakesOneSession() {
    if (refusedWhenMissing(Capability.LIST) || refusedWhenMissing(Capability.METADATA)) {
      return;
    }
    String mine = token();
    SessionInfo info = create(minimalRequest().toBuilder().metadata(TAG, mine).build());
    List<SessionInfo> listed = awaitList(SessionFilter.all().withMetadata(TAG, mine),
        l -> Expect.ids(l).contains(info.id()),
        "R2.10: list must show the created session " + info.id());
    assertThat(Expect.ids(listed))
        .as("R2.10: exactly one session must carry the tag of one create (a retry or a second"
            + " vendor call must not leave an extra session)")
        .containsExactly(info.id());
  }

  // --- 3. status -------------------------------------------------------------------------------

  /** R3.1: status reports the session asked for. */
  @Test
  public void required_R3_1_statusReturnsSameSession() {
    SessionInfo info = createMinimal();
    SessionInfo read = provider.status(info.id());
    assertThat(read.id()).as("R3.1: status(id).id()").isEqualTo(info.id());
    assertThat(read.provider()).as("R3.1: status(id).provider()").isEqualTo(provider.name());
  }

  /** R3.2: a running session is not reported as ended. */
  @Test
  public void required_R3_2_statusOfLiveSessionIsNotTerminal() {
    SessionInfo info = createMinimal();
    assertThat(provider.status(info.id()).status())
        .as("R3.2: a session nobody stopped must be PENDING or ACTIVE")
        .isIn(STARTING);
  }

  /** R3.3: after stop, status is terminal. */
  @Test
  public void required_R3_3_statusAfterStopIsTerminal() {
    SessionInfo info = createMinimal();
    stop(info.id());
    awaitStatus(info.id(), SessionInfo::isTerminal,
        "R3.3: status of a stopped session must become terminal");
  }

  /** R3.4: a terminal status never changes. */
  @Test
  public void required_R3_4_terminalStatusIsFinal() {
    SessionInfo info = createMinimal();
    stop(info.id());
    SessionInfo end = awaitStatus(info.id(), SessionInfo::isTerminal,
        "R3.4: status of a stopped session must become terminal");
    List<Duration> later = timeControl().isPresent() ? List.of(Duration.ZERO, HOUR, DAY)
        : List.of(Duration.ZERO, Duration.ZERO);
    for (Duration step : later) {
      if (!step.isZero()) {
        timeControl().orElseThrow().advance(step);
      }
      assertSameEnd("R3.4: status " + step + " later", end, provider.status(info.id()));
    }
    assertSameEnd("R3.4: a later stop", end, stop(info.id()));
  }

  /** R3.5: status reports the metadata given at create. */
  @Test
  public void optional_R3_5_statusReportsMetadata() {
    if (refusedWhenMissing(Capability.METADATA)) {
      return;
    }
    Map<String, String> tags = tags(token());
    SessionInfo info = create(minimalRequest().toBuilder().metadata(tags).build());
    assertThat(provider.status(info.id()).metadata())
        .as("R3.5: METADATA is declared, so status must return all %s tags given at create",
            tags.size())
        .containsAllEntriesOf(tags);
  }

  /** R3.6: every read path reports the same session. */
  @Test
  public void required_R3_6_everyReadPathReportsTheSameSession() {
    SessionRequest request = fullyTaggedRequest(token());
    SessionInfo created = create(request);
    Map<String, SessionInfo> paths = readPaths(created);
    SessionInfo stopped = stop(created.id());
    paths.put("stop", stopped);
    paths.put("status after stop", provider.status(created.id()));
    SessionInfo reference = paths.get("status");
    paths.forEach((path, info) -> {
      assertThat(info.id()).as("R3.6: %s id()", path).isEqualTo(created.id());
      assertThat(info.provider()).as("R3.6: %s provider()", path).isEqualTo(provider.name());
      assertThat(info.metadata()).as("R3.6: %s metadata()", path)
          .containsAllEntriesOf(declared(Capability.METADATA) ? request.metadata() : Map.of());
      sameWhenReported("R3.6: " + path + " idleTimeout()", reference.idleTimeout(),
          info.idleTimeout());
      sameWhenReported("R3.6: " + path + " maxDuration()", reference.maxDuration(),
          info.maxDuration());
      reference.createdAt().ifPresent(at -> assertThat(info.createdAt())
          .as("R3.6: status reports createdAt %s, so %s must report it too", at, path)
          .hasValueSatisfying(c -> assertThat(Duration.between(at, c).abs())
              .as("R3.6: %s createdAt %s must be within a second of status's %s", path, c, at)
              .isLessThanOrEqualTo(Duration.ofSeconds(1))));
    });
  }

  /** R3.7: timestamps are consistent. */
  @Test
  public void required_R3_7_timestampsAreConsistent() {
    Instant before = clock().instant();
    SessionInfo created = create(fullyTaggedRequest(token()));
    Instant after = clock().instant();
    Map<String, SessionInfo> paths = readPaths(created);
    paths.put("stop", stop(created.id()));
    paths.put("status after stop", provider.status(created.id()));
    Duration skew = clockSkew();
    paths.forEach((path, info) -> {
      String at = "R3.7: " + path + " of " + info.id();
      info.createdAt().ifPresent(c -> assertThat(c)
          .as("%s: createdAt must fall within the create call (%s..%s, allowing clockSkew() %s);"
              + " check the vendor's time zone and units, and clock()", at, before, after, skew)
          .isBetween(before.minus(skew), after.plus(skew)));
      info.lastActiveAt().ifPresent(l -> info.createdAt().ifPresent(c -> assertThat(l)
          .as("%s: lastActiveAt must not be before createdAt", at).isAfterOrEqualTo(c)));
      info.closedAt().ifPresent(x -> assertThat(info.isTerminal())
          .as("%s: closedAt %s is set on a %s session; only ended sessions have one", at, x,
              info.status()).isTrue());
      info.closedAt().ifPresent(x -> info.createdAt().ifPresent(c -> assertThat(x)
          .as("%s: closedAt must not be before createdAt", at).isAfterOrEqualTo(c)));
      info.idleTimeout().ifPresent(i -> info.maxDuration().ifPresent(m -> assertThat(i)
          .as("%s: the granted idle timeout must not exceed the granted maximum duration", at)
          .isLessThanOrEqualTo(m)));
    });
  }

  // --- 4. stop and idempotency -----------------------------------------------------------------

  /** R4.1: stop returns the same session, terminal. */
  @Test
  public void required_R4_1_stopReturnsTerminalInfoForSameSession() {
    SessionInfo info = createMinimal();
    SessionInfo stopped = stop(info.id());
    assertThat(stopped).as("R4.1: stop must return a SessionInfo").isNotNull();
    assertThat(stopped.id()).as("R4.1: stop(id).id()").isEqualTo(info.id());
    assertThat(stopped.status()).as("R4.1: stop must return a terminal status").isIn(TERMINAL);
  }

  /** R4.2: stopping again returns terminal and does not throw. */
  @Test
  public void required_R4_2_secondStopReturnsTerminalWithoutThrowing() {
    SessionInfo info = createMinimal();
    stop(info.id());
    SessionInfo[] again = new SessionInfo[1];
    assertThatCode(() -> again[0] = provider.stop(info.id()))
        .as("R4.2: stopping an ended session must not throw")
        .doesNotThrowAnyException();
    assertThat(again[0]).as("R4.2: a second stop must return a SessionInfo").isNotNull();
    assertThat(again[0].status()).as("R4.2: a second stop must return a terminal status")
        .isIn(TERMINAL);
  }

  /** R4.3: repeated stops and status agree on one terminal status. */
  @Test
  public void required_R4_3_repeatedStopsAgreeOnStatus() {
    SessionInfo info = createMinimal();
    SessionStatus first = stop(info.id()).status();
    SessionStatus second = stop(info.id()).status();
    SessionStatus read = provider.status(info.id()).status();
    assertThat(List.of(second, read))
        .as("R4.3: later stops and status must report the first stop's status %s", first)
        .containsOnly(first);
  }

  /** R4.4: stopping one session leaves the others running. */
  @Test
  public void required_R4_4_stopLeavesOtherSessionsRunning() {
    SessionInfo a = createMinimal();
    SessionInfo b = createMinimal();
    stop(a.id());
    assertThat(provider.status(b.id()).status())
        .as("R4.4: stopping %s must not end %s", a.id(), b.id())
        .isIn(STARTING);
  }

  // --- 5. not found ----------------------------------------------------------------------------

  /** R5.1: status of an unknown id throws SessionNotFoundException. */
  @Test
  public void required_R5_1_statusOfUnknownIdThrowsSessionNotFound() {
    String id = unknownSessionId();
    assertThat(catchThrowable(() -> provider.status(id)))
        .as("R5.1: status of unknown id '%s' must throw SessionNotFoundException, not return"
            + " a made-up session", id)
        .isInstanceOf(SessionNotFoundException.class);
  }

  /** R5.2: stop of an unknown id throws SessionNotFoundException. */
  @Test
  public void required_R5_2_stopOfUnknownIdThrowsSessionNotFound() {
    String id = unknownSessionId();
    assertThat(catchThrowable(() -> provider.stop(id)))
        .as("R5.2: stop of unknown id '%s' must throw SessionNotFoundException, not report a"
            + " success", id)
        .isInstanceOf(SessionNotFoundException.class);
  }

  /** R5.3: the not-found exception names the id and the provider. */
  @Test
  public void required_R5_3_sessionNotFoundNamesIdAndProvider() {
    String id = unknownSessionId();
    for (Throwable t : List.of(catchThrowable(() -> provider.status(id)),
        catchThrowable(() -> provider.stop(id)))) {
      assertThat(t).as("R5.3: unknown id must throw SessionNotFoundException")
          .isInstanceOfSatisfying(SessionNotFoundException.class, e -> {
            assertThat(e.sessionId()).as("R5.3: sessionId()").isEqualTo(id);
            assertThat(e.provider()).as("R5.3: provider()").contains(provider.name());
          });
    }
  }

  /** R5.4: not-found names an unusual id exactly as given and is never retryable. */
  @Test
  public void required_R5_4_notFoundNamesUnusualIdExactly() {
    String id = unusualUnknownSessionId();
    Map<String, Throwable> thrown = new LinkedHashMap<>();
    thrown.put("status", catchThrowable(() -> provider.status(id)));
    thrown.put("stop", catchThrowable(() -> provider.stop(id)));
    thrown.forEach((call, t) -> assertThat(t)
        .as("R5.4: %s(%s) must throw SessionNotFoundException", call, id)
        .isInstanceOfSatisfying(SessionNotFoundException.class, e -> {
          assertThat(e.sessionId()).as("R5.4: %s: sessionId() must be the id exactly as given"
              + " (no case change, no trimming, no encoding)", call).isEqualTo(id);
          assertThat(e.getMessage()).as("R5.4: %s: the message must name the id", call)
              .contains(id);
          assertThat(e.isRetryable()).as("R5.4: %s: not-found must not be retryable", call)
              .isFalse();
        }));
  }

  // --- 6. list ---------------------------------------------------------------------------------

  /** R6.1: a created session appears in list(all()). */
  @Test
  public void optional_R6_1_listContainsCreatedSession() {
    if (refusedWhenMissing(Capability.LIST)) {
      return;
    }
    int count = listPageSize().orElse(0) + 1;
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      ids.add(createMinimal().id());
    }
    List<SessionInfo> listed = awaitList(SessionFilter.all(),
        l -> Expect.ids(l).containsAll(ids),
        "R6.1: list(all()) must contain all " + count + " created sessions " + ids
            + (count > 1 ? " (more than one page: check the provider follows the next page)"
            : ""));
    assertThat(listed).as("R6.1: listed provider()").filteredOn(i -> ids.contains(i.id()))
        .allSatisfy(i -> assertThat(i.provider()).isEqualTo(provider.name()));
  }

  /** R6.2: list honours the status filter. */
  @Test
  public void optional_R6_2_listFiltersByStatus() {
    if (refusedWhenMissing(Capability.LIST)) {
      return;
    }
    SessionInfo live = createMinimal();
    SessionInfo stopped = createMinimal();
    stop(stopped.id());
    awaitList(SessionFilter.active(), l -> Expect.ids(l).contains(live.id()),
        "R6.2: list(active()) must contain the running session " + live.id());
    SessionFilter ended = new SessionFilter(TERMINAL, Map.of());
    List<SessionInfo> terminal = awaitList(ended, l -> Expect.ids(l).contains(stopped.id()),
        "R6.2: list(terminal statuses) must contain the stopped session " + stopped.id()
            + " (an empty answer does not honour the filter)");
    assertThat(Expect.ids(terminal)).as("R6.2: list(terminal statuses) must not contain a running"
        + " session").doesNotContain(live.id());
    assertThat(terminal).as("R6.2: every listed session must match the filter")
        .allMatch(ended::matches);
    assertThat(provider.list(SessionFilter.active()))
        .as("R6.2: every listed session must match the filter")
        .allMatch(SessionFilter.active()::matches);
  }

  /** R6.3: list honours the metadata filter. */
  @Test
  public void optional_R6_3_listFiltersByMetadata() {
    if (refusedWhenMissing(Capability.LIST) || refusedWhenMissing(Capability.METADATA)) {
      return;
    }
    String mine = token();
    Map<String, String> tags = tags(mine);
    SessionInfo tagged = create(minimalRequest().toBuilder().metadata(tags).build());
    SessionInfo ended = create(minimalRequest().toBuilder().metadata(tags).build());
    SessionInfo other = create(minimalRequest().toBuilder().metadata(tags(token())).build());
    stop(ended.id());
    SessionFilter byTags = new SessionFilter(Set.of(), tags);
    List<SessionInfo> listed = awaitList(byTags,
        l -> Expect.ids(l).containsAll(List.of(tagged.id(), ended.id())),
        "R6.3: list(all " + tags.size() + " tags) must contain both sessions carrying them");
    assertThat(Expect.ids(listed)).as("R6.3: list(all tags) must leave out other sessions")
        .doesNotContain(other.id());
    SessionFilter combined = SessionFilter.active().withMetadata(TAG, mine);
    List<SessionInfo> active = awaitList(combined,
        l -> Expect.ids(l).contains(tagged.id()) && !Expect.ids(l).contains(ended.id()),
        "R6.3: list(active() + tag) must contain the running tagged session " + tagged.id()
            + " and not the stopped one " + ended.id());
    assertThat(active).as("R6.3: list(active() + tag) must honour both filters at once")
        .allMatch(combined::matches);
  }

  /** R6.4: a stopped session leaves list(active()). */
  @Test
  public void optional_R6_4_stoppedSessionLeavesActiveList() {
    if (refusedWhenMissing(Capability.LIST)) {
      return;
    }
    SessionInfo info = createMinimal();
    stop(info.id());
    awaitList(SessionFilter.active(), l -> !Expect.ids(l).contains(info.id()),
        "R6.4: list(active()) must stop listing the stopped session " + info.id());
  }

  /** R6.5: a timed-out session is listed as TIMED_OUT, not as active, even much later. */
  @Test
  public void optional_R6_5_timedOutSessionIsListedAsTimedOut() {
    if (refusedWhenMissing(Capability.LIST)) {
      return;
    }
    TimeControl time = timeControlFor(Capability.IDLE_TIMEOUT);
    if (time == null) {
      return;
    }
    SessionInfo info = create(minimalRequest().toBuilder().idleTimeout(IDLE).build());
    time.advance(grantedIdle(info).plus(MARGIN));
    SessionFilter timedOut = new SessionFilter(Set.of(SessionStatus.TIMED_OUT), Map.of());
    awaitList(timedOut, l -> Expect.ids(l).contains(info.id()),
        "R6.5: list(TIMED_OUT) must show the session whose idle timeout elapsed " + info.id()
            + " (expire sessions on list too, not only on status)");
    time.advance(DAY);
    awaitList(SessionFilter.active(), l -> !Expect.ids(l).contains(info.id()),
        "R6.5: a day later list(active()) must still leave out the timed-out " + info.id());
    assertThat(provider.list(timedOut)).as("R6.5: a day later it is still listed TIMED_OUT")
        .extracting(SessionInfo::id).contains(info.id());
  }

  // --- 7. validation and capability refusal ----------------------------------------------------

  /** R7.1: status refuses invalid ids before any vendor call. */
  @Test
  public void required_R7_1_statusRejectsInvalidIds() {
    for (String id : InvalidIds.ALL) {
      Expect.rejectedLocally("R7.1: status(" + InvalidIds.show(id) + ")",
          catchThrowable(() -> provider.status(id)));
    }
  }

  /** R7.2: stop refuses invalid ids before any vendor call. */
  @Test
  public void required_R7_2_stopRejectsInvalidIds() {
    for (String id : InvalidIds.ALL) {
      Expect.rejectedLocally("R7.2: stop(" + InvalidIds.show(id) + ")",
          catchThrowable(() -> provider.stop(id)));
    }
  }

  /** R7.3: a null id is refused as invalid. */
  @Test
  public void required_R7_3_nullIdIsRejected() {
    Expect.rejectedLocally("R7.3: status(null)", catchThrowable(() -> provider.status(null)));
    Expect.rejectedLocally("R7.3: stop(null)", catchThrowable(() -> provider.stop(null)));
  }

  /** R7.4: every option whose capability is not declared is refused, before a session starts. */
  @Test
  public void required_R7_4_undeclaredCapabilitiesAreRefused() {
    Set<Capability> missing = missingRequestOptions();
    if (!declared(Capability.LIST)) {
      for (Capability c : missing) {
        Expect.refused(c, catchThrowable(() -> create(requestUsing(c))));
      }
      Expect.refused(Capability.LIST, catchThrowable(() -> provider.list(SessionFilter.all())));
    } else if (declared(Capability.METADATA)) {
      refusedBeforeAnyTaggedSessionStarts(missing);
    } else {
      refusedBeforeAnySessionStarts(missing);
    }
  }

  /**
   * For R7.4 with LIST and METADATA: every refused request carries this run's tag and a second
   * tag naming its capability, so the tag listing shows exactly what the refused creates started,
   * even when others start sessions meanwhile. A control session with the run's tag, created
   * after them, is awaited in that listing first (within settleTimeout()), so an eventually
   * consistent list has caught up before the kit reads it. What a refused create started is the
   * kit's own, and is stopped after the test.
   */
  private void refusedBeforeAnyTaggedSessionStarts(Set<Capability> missing) {
    if (missing.isEmpty()) {
      return;
    }
    String mine = token();
    for (Capability c : missing) {
      SessionRequest request = requestUsing(c).toBuilder()
          .metadata(TAG, mine).metadata(OPTION_TAG, c.name()).build();
      Expect.refused(c, catchThrowable(() -> create(request)));
    }
    SessionInfo control = create(minimalRequest().toBuilder().metadata(TAG, mine).build());
    List<SessionInfo> listed = awaitList(SessionFilter.all().withMetadata(TAG, mine),
        l -> Expect.ids(l).contains(control.id()),
        "R7.4: list(tag) must show the control session " + control.id()
            + " created after the refused creates");
    Map<String, String> started = new TreeMap<>();
    for (SessionInfo i : listed) {
      if (!i.id().equals(control.id())) {
        track(i.id());
        started.put(i.id(), i.metadata().getOrDefault(OPTION_TAG, "?"));
      }
    }
    assertThat(started)
        .as("R7.4: refused creates of undeclared options started sessions (id to option); check"
            + " the capabilities before the vendor call (RequestChecks.requireSupported first in"
            + " create)")
        .isEmpty();
  }

  /**
   * For R7.4 with LIST but without METADATA: compares list(all()) before and after the refused
   * creates. A control session created after them is awaited in the listing first (within
   * settleTimeout()). Of the new ids, only those created (by their createdAt, allowing
   * clockSkew()) after the refused creates began count: a session started earlier that the list
   * only shows now is not theirs. The kit cannot tell the rest from sessions another client of
   * the same account started meanwhile, so it reports them and does not stop them.
   */
  private void refusedBeforeAnySessionStarts(Set<Capability> missing) {
    if (missing.isEmpty()) {
      return;
    }
    Set<String> before = Expect.ids(provider.list(SessionFilter.all()));
    Instant from = clock().instant().minus(clockSkew());
    for (Capability c : missing) {
      Expect.refused(c, catchThrowable(() -> create(requestUsing(c))));
    }
    SessionInfo control = createMinimal();
    List<SessionInfo> listed = awaitList(SessionFilter.all(),
        l -> Expect.ids(l).contains(control.id()),
        "R7.4: list(all()) must show the control session " + control.id()
            + " created after the refused creates");
    List<String> started = listed.stream()
        .filter(i -> !before.contains(i.id()) && !i.id().equals(control.id()))
        .filter(i -> i.createdAt().map(at -> !at.isBefore(from)).orElse(true))
        .map(i -> i.id() + " (created " + i.createdAt().map(Instant::toString).orElse("?") + ")")
        .sorted()
        .toList();
    assertThat(started)
        .as("R7.4: sessions started while the kit's creates of undeclared %s were refused; check"
            + " the capabilities before the vendor call (RequestChecks.requireSupported first in"
            + " create). Without METADATA the kit cannot tell them from sessions another client"
            + " of the account started meanwhile, so it has not stopped them: stop those that are"
            + " the kit's", missing)
        .isEmpty();
  }

  /** R7.5: every option whose capability is declared is accepted. */
  @Test
  public void required_R7_5_declaredCapabilitiesAreAccepted() {
    Map<Capability, String> refused = new LinkedHashMap<>();
    for (Capability c : provider.capabilities()) {
      if (!c.isRequestOption()) {
        continue;
      }
      try {
        SessionInfo info = create(requestUsing(c));
        if (info.isTerminal()) {
          refused.put(c, "session started terminal: " + info.status());
        }
        stop(info.id());
      } catch (RuntimeException e) {
        refused.put(c, e.toString());
      }
    }
    assertThat(refused)
        .as("R7.5: capabilities are declared but a create using them failed; remove them from"
            + " capabilities() or honour them (override requestUsing() for vendor values)")
        .isEmpty();
  }

  /** R7.6: one request with every declared option is accepted and reported whole. */
  @Test
  public void required_R7_6_everyDeclaredOptionAtOnceIsAcceptedAndReported() {
    SessionRequest request = minimalRequest();
    for (Capability c : provider.capabilities()) {
      boolean secondProxy = c == Capability.MANAGED_PROXY && declared(Capability.PROXY);
      if (c.isRequestOption() && !secondProxy) {
        request = CapabilityRequests.copy(c, requestUsing(c), request);
      }
    }
    if (declared(Capability.METADATA)) {
      request = request.toBuilder().metadata(tags(token())).build();
    }
    SessionInfo info = create(request);
    assertThat(info.status()).as("R7.6: a create with every declared option at once (%s) must"
        + " start a session", request).isIn(STARTING);
    SessionInfo read = provider.status(info.id());
    assertThat(read.status()).as("R7.6: status of the session").isIn(STARTING);
    for (SessionInfo i : List.of(info, read)) {
      assertThat(i.metadata()).as("R7.6: every tag, beside every other option")
          .containsAllEntriesOf(request.metadata());
    }
    if (declared(Capability.IDLE_TIMEOUT)) {
      assertThat(info.idleTimeout().or(read::idleTimeout))
          .as("R7.6: the granted idle timeout, requested together with a maximum duration")
          .isPresent();
    }
    if (declared(Capability.MAX_DURATION)) {
      assertThat(info.maxDuration().or(read::maxDuration))
          .as("R7.6: the granted maximum duration, requested together with an idle timeout")
          .isPresent();
    }
  }

  // --- 8. timeouts -----------------------------------------------------------------------------

  /** R8.1: an elapsed idle timeout ends the session as TIMED_OUT. */
  @Test
  public void optional_R8_1_idleTimeoutEndsSessionAsTimedOut() {
    TimeControl time = timeControlFor(Capability.IDLE_TIMEOUT);
    if (time == null) {
      return;
    }
    SessionInfo info = create(minimalRequest().toBuilder().idleTimeout(IDLE).build());
    time.advance(grantedIdle(info).plus(MARGIN));
    awaitStatus(info.id(), i -> i.status() == SessionStatus.TIMED_OUT,
        "R8.1: a session idle for longer than its granted idle timeout must be TIMED_OUT");
  }

  /** R8.2: an elapsed maximum duration ends the session as TIMED_OUT, not before. */
  @Test
  public void optional_R8_2_maxDurationEndsSessionAsTimedOut() {
    TimeControl time = timeControlFor(Capability.MAX_DURATION);
    if (time == null) {
      return;
    }
    SessionInfo info = create(maxDurationOnly());
    Duration max = grantedMax(info);
    time.advance(max.minus(MARGIN));
    assertThat(provider.status(info.id()).status())
        .as("R8.2: the session must still run before its granted maximum duration %s", max)
        .isIn(STARTING);
    time.advance(MARGIN.multipliedBy(2));
    awaitStatus(info.id(), i -> i.status() == SessionStatus.TIMED_OUT,
        "R8.2: a session older than its maximum duration must be TIMED_OUT");
  }

  /** R8.3: activity (a status call) restarts the idle timer. */
  @Test
  public void optional_R8_3_activityResetsIdleTimer() {
    TimeControl time = timeControlFor(Capability.IDLE_TIMEOUT);
    if (time == null) {
      return;
    }
    SessionInfo info = create(minimalRequest().toBuilder().idleTimeout(IDLE).build());
    Duration step = IDLE.minus(MARGIN);
    time.advance(step);
    assertThat(provider.status(info.id()).status())
        .as("R8.3: the session must still run before its idle timeout").isIn(STARTING);
    time.advance(step);
    assertThat(provider.status(info.id()).status())
        .as("R8.3: a status call is activity; the idle timer must restart").isIn(STARTING);
    time.advance(IDLE.plus(MARGIN));
    awaitStatus(info.id(), i -> i.status() == SessionStatus.TIMED_OUT,
        "R8.3: after a full idle timeout without activity the session must be TIMED_OUT");
  }

  /** R8.4: activity does not extend the maximum duration. */
  @Test
  public void optional_R8_4_activityDoesNotExtendMaxDuration() {
    TimeControl time = timeControlFor(Capability.MAX_DURATION);
    if (time == null) {
      return;
    }
    SessionInfo info = create(maxDurationOnly());
    Duration half = grantedMax(info).dividedBy(2).plus(MARGIN);
    time.advance(half);
    provider.status(info.id());
    time.advance(half);
    awaitStatus(info.id(), i -> i.status() == SessionStatus.TIMED_OUT,
        "R8.4: activity must not extend the maximum duration; the session must be TIMED_OUT");
  }

  /**
   * A request with the maximum duration {@link #MAX}; where the provider also takes an idle
   * timeout, that is set to the same value, so that a vendor's default idle timeout (Notte's is 3
   * minutes) cannot end the session first.
   */
  private SessionRequest maxDurationOnly() {
    SessionRequest.Builder b = minimalRequest().toBuilder().maxDuration(MAX);
    if (provider.capabilities().contains(Capability.IDLE_TIMEOUT)) {
      b.idleTimeout(MAX);
    }
    return b.build();
  }

  /** R8.5: stopping a timed-out session returns TIMED_OUT and does not throw. */
  @Test
  public void optional_R8_5_stopAfterTimeoutReturnsTimedOut() {
    TimeControl time = timeControlFor(Capability.IDLE_TIMEOUT);
    if (time == null) {
      return;
    }
    SessionInfo info = create(minimalRequest().toBuilder().idleTimeout(IDLE).build());
    time.advance(IDLE.plus(MARGIN));
    awaitStatus(info.id(), i -> i.status() == SessionStatus.TIMED_OUT,
        "R8.5: a session idle for longer than its idle timeout must be TIMED_OUT");
    SessionInfo end = stop(info.id());
    assertThat(end.status())
        .as("R8.5: stop of a timed-out session must return its status TIMED_OUT")
        .isEqualTo(SessionStatus.TIMED_OUT);
    time.advance(DAY);
    assertSameEnd("R8.5: status a day after stopping the timed-out session", end,
        provider.status(info.id()));
    assertSameEnd("R8.5: a second stop a day later", end, stop(info.id()));
  }

  // --- 9. concurrency --------------------------------------------------------------------------

  /** R9.1: parallel creates give distinct ids. */
  @Test
  public void required_R9_1_parallelCreatesGiveDistinctIds() {
    List<Outcome<SessionInfo>> outcomes =
        Parallel.run(parallelism(), i -> create(minimalRequest()), parallelTimeout());
    assertThat(outcomes).as("R9.1: parallel creates must all succeed")
        .noneMatch(Outcome::failed);
    List<String> ids = outcomes.stream().map(o -> o.value().id()).toList();
    assertThat(ids).as("R9.1: parallel creates must give distinct ids").doesNotHaveDuplicates();
  }

  /** R9.2: parallel stops of one session all succeed and agree. */
  @Test
  public void required_R9_2_parallelStopsOfOneSessionAreSafeAndAgree() {
    SessionInfo info = createMinimal();
    List<Outcome<SessionInfo>> outcomes =
        Parallel.run(parallelism(), i -> stop(info.id()), parallelTimeout());
    assertThat(outcomes).as("R9.2: concurrent stops of one session must not throw")
        .noneMatch(Outcome::failed);
    Set<SessionStatus> statuses =
        outcomes.stream().map(o -> o.value().status()).collect(Collectors.toSet());
    assertThat(statuses).as("R9.2: concurrent stops must all return one terminal status")
        .hasSize(1).isSubsetOf(TERMINAL);
    assertThat(provider.status(info.id()).status())
        .as("R9.2: status after concurrent stops").isIn(statuses);
  }

  /** R9.3: parallel status calls all succeed and agree. */
  @Test
  public void required_R9_3_parallelStatusCallsAgree() {
    SessionInfo info = awaitActive(createMinimal());
    List<Outcome<SessionInfo>> outcomes =
        Parallel.run(parallelism(), i -> provider.status(info.id()), parallelTimeout());
    assertThat(outcomes).as("R9.3: concurrent status calls must not throw")
        .noneMatch(Outcome::failed);
    assertThat(outcomes).as("R9.3: concurrent status calls must report the same live session")
        .allSatisfy(o -> {
          assertThat(o.value().id()).isEqualTo(info.id());
          assertThat(o.value().status()).isEqualTo(SessionStatus.ACTIVE);
        });
  }

  /** R9.4: parallel stops of different sessions stop each one. */
  @Test
  public void required_R9_4_parallelStopsOfDifferentSessionsStopEach() {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < parallelism(); i++) {
      ids.add(createMinimal().id());
    }
    List<Outcome<SessionInfo>> outcomes =
        Parallel.run(ids.size(), i -> stop(ids.get(i)), parallelTimeout());
    assertThat(outcomes).as("R9.4: concurrent stops of different sessions must not throw")
        .noneMatch(Outcome::failed);
    for (int i = 0; i < ids.size(); i++) {
      assertThat(outcomes.get(i).value().id()).as("R9.4: stop(id).id()").isEqualTo(ids.get(i));
      awaitStatus(ids.get(i), SessionInfo::isTerminal,
          "R9.4: each concurrently stopped session must be terminal");
    }
  }

  /** R9.5: parallel creates with different requests each get their own request's values. */
  @Test
  public void optional_R9_5_parallelCreatesEachGetTheirOwnRequest() {
    if (refusedWhenMissing(Capability.METADATA)) {
      return;
    }
    String run = token();
    List<Outcome<SessionInfo>> outcomes = Parallel.run(parallelism(),
        i -> create(minimalRequest().toBuilder().metadata(TAG, run + "-caller-" + i).build()),
        parallelTimeout());
    assertThat(outcomes).as("R9.5: parallel creates must all succeed").noneMatch(Outcome::failed);
    for (int i = 0; i < outcomes.size(); i++) {
      SessionInfo info = outcomes.get(i).value();
      String own = run + "-caller-" + i;
      assertThat(info.metadata()).as("R9.5: caller %s's create must answer its own tag", i)
          .containsEntry(TAG, own);
      assertThat(provider.status(info.id()).metadata())
          .as("R9.5: caller %s's session must carry its own tag", i).containsEntry(TAG, own);
    }
  }

  // --- 10. close and cleanup -------------------------------------------------------------------

  /** R10.1: close does not throw. */
  @Test
  public void required_R10_1_closeDoesNotThrow() {
    stop(createMinimal().id());
    assertThatCode(provider::close).as("R10.1: close() must not throw")
        .doesNotThrowAnyException();
  }

  /** R10.2: closing twice is safe. */
  @Test
  public void required_R10_2_closeTwiceIsSafe() {
    assertThatCode(() -> {
      provider.close();
      provider.close();
    }).as("R10.2: a second close() must not throw").doesNotThrowAnyException();
  }

  /** R10.3: closing a BrowserSessions client stops the sessions it started. */
  @Test
  public void required_R10_3_clientCloseStopsSessionsItStarted() {
    List<String> ids = new ArrayList<>();
    BrowserSessions client = BrowserSessions.of(new DeferredCloseProvider(provider));
    try {
      for (int i = 0; i < 2; i++) {
        ids.add(track(client.start(minimalRequest()).id()));
      }
    } finally {
      client.close();
    }
    for (String id : ids) {
      awaitStatus(id, SessionInfo::isTerminal,
          "R10.3: BrowserSessions.close() must stop session " + id + " it started");
    }
  }

  /** R10.4: closing a BrowserSession handle stops its session. */
  @Test
  public void required_R10_4_sessionHandleCloseStopsSession() {
    String id;
    try (BrowserSessions client = BrowserSessions.of(new DeferredCloseProvider(provider))) {
      try (BrowserSession session = client.start(minimalRequest())) {
        id = track(session.id());
      }
      assertThat(client.openSessions())
          .as("R10.4: a closed handle's session must no longer count as open").isEmpty();
    }
    awaitStatus(id, SessionInfo::isTerminal,
        "R10.4: BrowserSession.close() must stop session " + id);
  }

  /** R10.5: name() and capabilities() still answer after close(). */
  @Test
  public void required_R10_5_nameAndCapabilitiesAnswerAfterClose() {
    String name = provider.name();
    Set<Capability> capabilities = EnumSet.noneOf(Capability.class);
    capabilities.addAll(provider.capabilities());
    provider.close();
    assertThat(catchThrowable(() -> assertThat(provider.name()).isEqualTo(name)))
        .as("R10.5: name() must answer the same after close()").isNull();
    assertThat(catchThrowable(() -> assertThat(provider.capabilities()).isEqualTo(capabilities)))
        .as("R10.5: capabilities() must answer the same after close()").isNull();
  }

  /** R10.6: close() ends every thread the provider started. */
  @Test
  public void required_R10_6_closeReleasesThreads() {
    // A first lifecycle, on the kit's provider, builds what a provider may share JVM-wide and
    // build once (a pooled HTTP client's selector thread, the JDK's own pools): not counted.
    lifecycle(provider);
    provider.close();
    Set<Thread> before = Set.copyOf(Thread.getAllStackTraces().keySet());
    BrowserSessionProvider p = createProvider();
    try {
      lifecycle(p);
    } finally {
      p.close();
    }
    Await.until(() -> startedSince(before), List::isEmpty, settleTimeout(),
        "R10.6: every thread the provider started must end within settleTimeout() of close();"
            + " shut down its executors, schedulers and HTTP clients in close()");
  }

  /** Creates a session, reads it (and lists, where supported) and stops it. */
  private void lifecycle(BrowserSessionProvider p) {
    SessionInfo info = p.create(minimalRequest());
    try {
      p.status(info.id());
      if (p.capabilities().contains(Capability.LIST)) {
        p.list(SessionFilter.active());
      }
    } finally {
      p.stop(info.id());
    }
  }

  /** R10.7: after a client closes, no active session carries its owner tag. */
  @Test
  public void optional_R10_7_noActiveSessionCarriesAClosedClientsOwnerTag() {
    if (refusedWhenMissing(Capability.LIST) || refusedWhenMissing(Capability.METADATA)) {
      return;
    }
    String owner;
    try (BrowserSessions client = BrowserSessions.of(new DeferredCloseProvider(provider))) {
      owner = client.ownerId();
      for (int i = 0; i < 2; i++) {
        track(client.start(minimalRequest()).id());
      }
    }
    awaitList(SessionFilter.active().withMetadata(BrowserSessions.OWNER_TAG, owner),
        List::isEmpty, "R10.7: after BrowserSessions.close() no active session may carry its"
            + " owner tag " + owner + " (nothing started beside the sessions it stopped)");
  }

  // --- 11. error classification ----------------------------------------------------------------

  /** R11.1: every failure is a BrowserSessionException. */
  @Test
  public void required_R11_1_everyFailureIsBrowserSessionException() {
    Map<String, Throwable> thrown = new LinkedHashMap<>();
    String unknown = unknownSessionId();
    thrown.put("status(unknown)", catchThrowable(() -> provider.status(unknown)));
    thrown.put("stop(unknown)", catchThrowable(() -> provider.stop(unknown)));
    thrown.put("status(null)", catchThrowable(() -> provider.status(null)));
    thrown.put("stop(null)", catchThrowable(() -> provider.stop(null)));
    for (String id : InvalidIds.ALL) {
      thrown.put("status(" + InvalidIds.show(id) + ")", catchThrowable(() -> provider.status(id)));
      thrown.put("stop(" + InvalidIds.show(id) + ")", catchThrowable(() -> provider.stop(id)));
    }
    for (Capability c : missingRequestOptions()) {
      thrown.put("create(" + c + ")", catchThrowable(() -> create(requestUsing(c))));
    }
    thrown.put("list(all())", catchThrowable(() -> provider.list(SessionFilter.all())));
    String id = createMinimal().id();
    thrown.put("stop(live)", catchThrowable(() -> stop(id)));
    thrown.put("stop(stopped)", catchThrowable(() -> stop(id)));
    thrown.put("status(stopped)", catchThrowable(() -> provider.status(id)));
    Map<String, String> wrong = new LinkedHashMap<>();
    thrown.forEach((call, t) -> {
      if (t != null && !(t instanceof BrowserSessionException)) {
        wrong.put(call, t.toString());
      }
    });
    assertThat(wrong)
        .as("R11.1: these calls threw something other than a BrowserSessionException; translate"
            + " the failure (e.g. with RequestChecks or the provider's error mapping)")
        .isEmpty();
  }

  /** R11.2: not-found is not retryable. */
  @Test
  public void required_R11_2_notFoundIsNotRetryable() {
    String id = unknownSessionId();
    for (Throwable t : List.of(catchThrowable(() -> provider.status(id)),
        catchThrowable(() -> provider.stop(id)))) {
      assertThat(t).as("R11.2: status and stop of an unknown id must throw"
              + " SessionNotFoundException")
          .isInstanceOfSatisfying(SessionNotFoundException.class, e -> assertThat(
              e.isRetryable()).as("R11.2: SessionNotFoundException must not be retryable")
              .isFalse());
    }
  }

  /** R11.3: a refusal names the capability and the provider. */
  @Test
  public void required_R11_3_unsupportedCapabilityNamesCapabilityAndProvider() {
    Set<Capability> missing = missingRequestOptions();
    if (!provider.capabilities().contains(Capability.LIST)) {
      missing.add(Capability.LIST);
    }
    Assumptions.assumeFalse(missing.isEmpty(),
        "R11.3 not applicable: the provider declares every capability that can be refused");
    for (Capability c : missing) {
      Throwable t = c == Capability.LIST
          ? catchThrowable(() -> provider.list(SessionFilter.all()))
          : catchThrowable(() -> create(requestUsing(c)));
      assertThat(t).as("R11.3: using undeclared %s must throw UnsupportedCapabilityException", c)
          .isInstanceOfSatisfying(UnsupportedCapabilityException.class, e -> {
            assertThat(e.capability()).as("R11.3: capability()").isEqualTo(c);
            assertThat(e.provider()).as("R11.3: provider()").contains(provider.name());
            assertThat(e.isRetryable()).as("R11.3: isRetryable()").isFalse();
          });
    }
  }

  /** R11.4: an invalid request is not retryable. */
  @Test
  public void required_R11_4_invalidRequestIsNotRetryable() {
    Throwable t = catchThrowable(() -> provider.status("../x"));
    assertThat(t).as("R11.4: status(\"../x\") must throw InvalidSessionRequestException")
        .isInstanceOfSatisfying(InvalidSessionRequestException.class, e -> assertThat(
            e.isRetryable()).as("R11.4: InvalidSessionRequestException must not be retryable")
            .isFalse());
  }

  // --- 12. applied in the browser --------------------------------------------------------------

  /** R12.1: the CDP URL reaches a browser that answers Browser.getVersion. */
  @Test
  public void optional_R12_1_cdpUrlReachesABrowser() {
    assumeDeclaredOrAbort(Capability.CDP_URL);
    assumeLiveBrowser("whether the CDP URL reaches a browser");
    SessionInfo info = awaitActive(createMinimal());
    try (CdpProbe cdp = CdpProbe.connect(info.cdpUrl().orElseThrow(), settleTimeout())) {
      assertThat(CdpProbe.field(cdp.call("Browser.getVersion", "{}", null), "product"))
          .as("R12.1: Browser.getVersion must name the browser").isNotBlank();
    }
  }

  /** R12.2: the page sees the user agent the session was asked for. */
  @Test
  public void optional_R12_2_userAgentIsAppliedInThePage() {
    if (refusedWhenMissing(Capability.USER_AGENT)) {
      return;
    }
    SessionRequest request = requestUsing(Capability.USER_AGENT);
    assertThat(inPage(request, "navigator.userAgent", "the user agent"))
        .as("R12.2: navigator.userAgent in the session's page").isEqualTo(
            request.userAgent().orElseThrow());
  }

  /** R12.3: the page's viewport is the size the session was asked for. */
  @Test
  public void optional_R12_3_viewportIsAppliedInThePage() {
    if (refusedWhenMissing(Capability.VIEWPORT)) {
      return;
    }
    SessionRequest request = requestUsing(Capability.VIEWPORT);
    String size = inPage(request, "window.innerWidth + 'x' + window.innerHeight", "the viewport");
    var viewport = request.viewport().orElseThrow();
    assertThat(size).as("R12.3: window.innerWidth x innerHeight in the session's page")
        .isEqualTo(viewport.width() + "x" + viewport.height());
  }

  /** R12.4: declared options the kit cannot check in the browser are reported as unverified. */
  @Test
  public void optional_R12_4_uncheckableOptionsAreReportedUnverified() {
    Set<Capability> checkable = EnumSet.of(Capability.METADATA); // R2.9, R3.5, R6.3
    if (timeControl().isPresent()) {
      checkable.addAll(EnumSet.of(Capability.IDLE_TIMEOUT, Capability.MAX_DURATION)); // section 8
    }
    if (liveBrowser() && declared(Capability.CDP_URL)) {
      checkable.addAll(EnumSet.of(Capability.USER_AGENT, Capability.VIEWPORT)); // R12.2, R12.3
    }
    Set<Capability> unverified = EnumSet.noneOf(Capability.class);
    provider.capabilities().stream().filter(Capability::isRequestOption)
        .filter(c -> !checkable.contains(c)).forEach(unverified::add);
    Assumptions.assumeTrue(unverified.isEmpty(), "unverified: " + unverified + " are declared"
        + " and accepted (R7.5, R7.6), but the kit cannot check in the browser that they take"
        + " effect" + (liveBrowser() ? "" : " (liveBrowser() is false)"));
  }

  // --- helpers ---------------------------------------------------------------------------------

  /** Three tags, one of them unique to the caller: more than one of everything. */
  private static Map<String, String> tags(String token) {
    Map<String, String> tags = new TreeMap<>(CapabilityRequests.TAGS);
    tags.put(TAG, token);
    return tags;
  }

  private boolean declared(Capability capability) {
    return provider.capabilities().contains(capability);
  }

  /** The minimal request plus three tags and both timeouts, as far as they are declared. */
  private SessionRequest fullyTaggedRequest(String token) {
    SessionRequest.Builder b = minimalRequest().toBuilder();
    if (declared(Capability.METADATA)) {
      b.metadata(tags(token));
    }
    if (declared(Capability.IDLE_TIMEOUT)) {
      b.idleTimeout(IDLE);
    }
    if (declared(Capability.MAX_DURATION)) {
      b.maxDuration(MAX);
    }
    return b.build();
  }

  /**
   * The session as each read path reports it: what create returned, a fresh status, and with
   * LIST its list entry (awaited). Modifiable, in that order.
   */
  private Map<String, SessionInfo> readPaths(SessionInfo created) {
    Map<String, SessionInfo> paths = new LinkedHashMap<>();
    paths.put("create", created);
    paths.put("status", provider.status(created.id()));
    if (declared(Capability.LIST)) {
      paths.put("list entry", listEntry(created.id()));
    }
    return paths;
  }

  /** Like {@link #readPaths}, once the session is ACTIVE; create's answer only if it was. */
  private Map<String, SessionInfo> activeReadPaths(SessionInfo created) {
    SessionInfo active = awaitActive(created);
    Map<String, SessionInfo> paths = new LinkedHashMap<>();
    if (created.status() == SessionStatus.ACTIVE) {
      paths.put("create", created);
    }
    paths.put("status", provider.status(created.id()));
    if (declared(Capability.LIST) && listReportsUrls()) {
      paths.put("list entry", awaitList(SessionFilter.active(),
          l -> l.stream().anyMatch(i -> i.id().equals(active.id())),
          "the ACTIVE session " + active.id() + " must be listed").stream()
          .filter(i -> i.id().equals(active.id())).findFirst().orElseThrow());
    }
    return paths;
  }

  private SessionInfo listEntry(String id) {
    return awaitList(SessionFilter.all(), l -> Expect.ids(l).contains(id),
        "list(all()) must show session " + id).stream()
        .filter(i -> i.id().equals(id)).findFirst().orElseThrow();
  }

  /** An ended session reads the same later: status, close reason and closedAt. */
  private static void assertSameEnd(String read, SessionInfo end, SessionInfo later) {
    assertThat(later.status()).as("%s: a terminal status must never change", read)
        .isEqualTo(end.status());
    assertThat(later.closeReason()).as("%s: the close reason must never change", read)
        .isEqualTo(end.closeReason());
    end.closedAt().ifPresent(at -> assertThat(later.closedAt())
        .as("%s: closedAt must never change", read).contains(at));
  }

  /** A value the reference path reports must be reported, the same, by another path. */
  private static <T> void sameWhenReported(String what, Optional<T> reference, Optional<T> value) {
    reference.ifPresent(r -> assertThat(value)
        .as("%s: status reports %s, so this path must report the same", what, r).contains(r));
  }

  /** The maximum duration the session reports as granted, or the requested one. */
  private Duration grantedMax(SessionInfo info) {
    return info.maxDuration().or(() -> provider.status(info.id()).maxDuration()).orElse(MAX);
  }

  /** The idle timeout the session reports as granted, or the requested one. */
  private Duration grantedIdle(SessionInfo info) {
    return info.idleTimeout().or(() -> provider.status(info.id()).idleTimeout()).orElse(IDLE);
  }

  /**
   * Live threads not in a snapshot, other than the JDK's shared pools that no provider can end:
   * the common pool and the {@code process reaper} threads that wait on every started process
   * (idle ones linger 60 s).
   */
  private static List<String> startedSince(Set<Thread> before) {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.isAlive() && !before.contains(t))
        .filter(t -> !t.getName().startsWith("ForkJoinPool.commonPool"))
        .filter(t -> !t.getName().equals("process reaper"))
        .map(Thread::getName)
        .sorted()
        .toList();
  }

  private void assumeLiveBrowser(String what) {
    Assumptions.assumeTrue(liveBrowser(), "unverified: " + what + " (liveBrowser() is false:"
        + " the kit does not know this provider's CDP URL reaches a real browser)");
  }

  /** Starts a session for a request and evaluates an expression in its page. */
  private String inPage(SessionRequest request, String expression, String what) {
    assumeDeclaredOrAbort(Capability.CDP_URL);
    assumeLiveBrowser("whether " + what + " is applied in the browser");
    SessionInfo info = awaitActive(create(request));
    try (CdpProbe cdp = CdpProbe.connect(info.cdpUrl().orElseThrow(), settleTimeout())) {
      return cdp.evaluateInPage(expression);
    }
  }

  private SessionInfo createMinimal() {
    return create(minimalRequest());
  }

  private SessionInfo create(SessionRequest request) {
    SessionInfo info = provider.create(request);
    assertThat(info).as("create(...) must return a SessionInfo, never null").isNotNull();
    track(info.id());
    return info;
  }

  private String track(String id) {
    created.add(id);
    return id;
  }

  private SessionInfo stop(String id) {
    SessionInfo info = provider.stop(id);
    if (info != null && info.isTerminal()) {
      ended.add(id);
    }
    return info;
  }

  private SessionInfo awaitStatus(String id, Predicate<SessionInfo> condition, String expected) {
    return Await.until(() -> provider.status(id), condition, settleTimeout(), expected);
  }

  private SessionInfo awaitActive(SessionInfo info) {
    if (info.status() == SessionStatus.ACTIVE) {
      return info;
    }
    return awaitStatus(info.id(), i -> i.status() == SessionStatus.ACTIVE,
        "session " + info.id() + " must become ACTIVE (R2.4)");
  }

  private List<SessionInfo> awaitList(
      SessionFilter filter, Predicate<List<SessionInfo>> condition, String expected) {
    return Await.until(() -> provider.list(filter), condition, settleTimeout(), expected);
  }

  private Duration parallelTimeout() {
    return settleTimeout().multipliedBy(3);
  }

  private static String token() {
    return UUID.randomUUID().toString();
  }

  private Set<Capability> missingRequestOptions() {
    Set<Capability> missing = EnumSet.copyOf(Capability.requestOptions());
    missing.removeAll(provider.capabilities());
    return missing;
  }

  /** For R2.7/R2.8: the create result or a status read reports a positive granted value. */
  private void assertGrantedDuration(
      Capability capability, Function<SessionInfo, Optional<Duration>> field, String rule) {
    if (refusedWhenMissing(capability)) {
      return;
    }
    SessionInfo info = create(requestUsing(capability));
    Optional<Duration> granted =
        field.apply(info).or(() -> field.apply(provider.status(info.id())));
    assertThat(granted).as(rule).hasValueSatisfying(d -> assertThat(d).isPositive());
  }

  /**
   * For an optional rule: when the capability is missing, checks that the provider refuses it
   * and returns {@code true} (the rule is then done); otherwise returns {@code false}.
   */
  private boolean refusedWhenMissing(Capability capability) {
    if (provider.capabilities().contains(capability)) {
      return false;
    }
    Throwable t = capability == Capability.LIST
        ? catchThrowable(() -> provider.list(SessionFilter.all()))
        : catchThrowable(() -> create(requestUsing(capability)));
    Expect.refused(capability, t);
    return true;
  }

  /** For CDP_URL and LIVE_VIEW, which no request can ask for: abort when not declared. */
  private void assumeDeclaredOrAbort(Capability capability) {
    Assumptions.assumeTrue(provider.capabilities().contains(capability),
        "provider does not declare " + capability + "; there is no option to refuse");
  }

  /** The time control for a timeout rule, or null when the rule is done (refused) here. */
  private TimeControl timeControlFor(Capability capability) {
    if (refusedWhenMissing(capability)) {
      return null;
    }
    Optional<TimeControl> time = timeControl();
    Assumptions.assumeTrue(time.isPresent(),
        "timeout rules need timeControl(); the provider declares " + capability
            + " but the test gives no way to move its clock");
    return time.get();
  }
}
