package dev.browsersessions.stagehand.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.browsersessions.SessionInfo;
import dev.browsersessions.SessionStatus;
import dev.browsersessions.http.IsoInstants;
import dev.browsersessions.http.ServerData;
import dev.browsersessions.stagehand.internal.wire.BrowserbaseSession;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Turns Browserbase's {@code Session} into a {@link SessionInfo}. Tolerant: a missing or odd
 * field is left out, never an error; the vendor's own status string is kept in the attribute
 * {@value #VENDOR_STATUS}. Every text Browserbase sent passes {@link ServerData}: ids and URLs are
 * checked, other texts made one line and bounded ({@link ServerData#text}).
 */
public final class SessionMapping {

  /** Attribute with Browserbase's status string as sent, e.g. {@code "RUNNING"}. */
  public static final String VENDOR_STATUS = "browserbase.status";

  private final Supplier<ObjectMapper> mapper;
  private final String provider;
  private final ServerData server;

  /**
   * Creates a mapping.
   *
   * @param mapper renders non-string metadata values as JSON (asked for on first use)
   * @param provider the provider's name
   * @param server checks the ids and URLs Browserbase sends
   */
  public SessionMapping(Supplier<ObjectMapper> mapper, String provider, ServerData server) {
    this.mapper = mapper;
    this.provider = provider;
    this.server = server;
  }

  /**
   * Checks that Browserbase answered about the session asked for.
   *
   * @param asked the id asked for
   * @param s the answer
   * @param call the call, for the message, e.g. {@code "GET /v1/sessions/x"}
   * @return {@code s}
   * @throws dev.browsersessions.ProviderProtocolException if it names another or an invalid id
   */
  public BrowserbaseSession about(String asked, BrowserbaseSession s, String call) {
    server.sameId(asked, s.id(), "Browserbase's answer to " + call);
    return s;
  }

  /**
   * The id of a session in a list answer.
   *
   * @param s the entry
   * @return its id; empty when it has none
   * @throws dev.browsersessions.ProviderProtocolException if it is not a valid id
   */
  public Optional<String> listedId(BrowserbaseSession s) {
    if (s == null || s.id() == null || s.id().isBlank()) {
      return Optional.empty();
    }
    return Optional.of(server.id(s.id(), "Browserbase's session list"));
  }

  /**
   * Maps one session.
   *
   * @param s what Browserbase returned, already checked to be about {@code id} ({@link #about},
   *     {@link #listedId})
   * @param id the session's id
   * @return the snapshot
   */
  public SessionInfo toInfo(BrowserbaseSession s, String id) {
    SessionStatus status = BrowserbaseStatuses.toNeutral(s.status());
    Optional<Instant> started = instant(s.startedAt());
    Optional<Instant> expires = instant(s.expiresAt());
    SessionInfo.Builder b = SessionInfo.builder(id, provider, status)
        .createdAt(instant(s.createdAt()).or(() -> started).orElse(null))
        .closedAt(instant(s.endedAt()).orElse(null))
        .metadata(metadata(s.userMetadata()));
    server.cdpUrl(b, s.connectUrl());
    if (started.isPresent() && expires.isPresent() && expires.get().isAfter(started.get())) {
      b.maxDuration(Duration.between(started.get(), expires.get()));
    }
    String vendorStatus = ServerData.text(s.status());
    if (status.isTerminal()) {
      b.closeReason("Browserbase status " + vendorStatus);
    }
    b.attribute(VENDOR_STATUS, vendorStatus)
        .attribute("region", ServerData.text(s.region()))
        .attribute("projectId", ServerData.text(s.projectId()))
        .attribute("keepAlive", s.keepAlive())
        .attribute("proxyBytes", s.proxyBytes())
        .attribute("contextId", ServerData.text(s.contextId()))
        .attribute("expiresAt", ServerData.text(s.expiresAt()))
        .attribute("updatedAt", ServerData.text(s.updatedAt()));
    return b.build();
  }

  /**
   * Renders the vendor's metadata as strings: strings as they are, other values as JSON; keys and
   * values pass {@link ServerData#text} (one line, bounded: Browserbase keeps at most 512 bytes of
   * metadata, so a tag this library wrote comes back whole).
   *
   * @param userMetadata Browserbase's {@code userMetadata}, possibly {@code null}
   * @return the tags
   */
  public Map<String, String> metadata(Map<String, Object> userMetadata) {
    Map<String, String> out = new LinkedHashMap<>();
    if (userMetadata == null) {
      return out;
    }
    userMetadata.forEach(
        (k, v) -> {
          if (k == null || k.isBlank() || v == null) {
            return;
          }
          String text;
          if (v instanceof String str) {
            text = str;
          } else {
            try {
              text = mapper.get().writeValueAsString(v);
            } catch (JsonProcessingException e) {
              text = String.valueOf(v);
            }
          }
          out.put(ServerData.text(k), ServerData.text(text));
        });
    return out;
  }

  /**
   * Parses an ISO-8601 time leniently.
   *
   * @param text the time, possibly {@code null}
   * @return the instant, when it parses
   */
  public static Optional<Instant> instant(String text) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    Instant fast = IsoInstants.parse(text, true);
    if (fast != null) {
      return Optional.of(fast);
    }
    try {
      return Optional.of(Instant.parse(text));
    } catch (DateTimeParseException e) {
      try {
        return Optional.of(OffsetDateTime.parse(text).toInstant());
      } catch (DateTimeParseException again) {
        return Optional.empty();
      }
    }
  }
}
