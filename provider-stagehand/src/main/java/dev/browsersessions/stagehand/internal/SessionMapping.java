package dev.browsersessions.stagehand.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.browsersessions.SessionInfo;
import dev.browsersessions.SessionStatus;
import dev.browsersessions.stagehand.internal.wire.BrowserbaseSession;
import java.net.URI;
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
 * {@value #VENDOR_STATUS}.
 */
public final class SessionMapping {

  /** Attribute with Browserbase's status string as sent, e.g. {@code "RUNNING"}. */
  public static final String VENDOR_STATUS = "browserbase.status";

  private final Supplier<ObjectMapper> mapper;
  private final String provider;

  /**
   * Creates a mapping.
   *
   * @param mapper renders non-string metadata values as JSON (asked for on first use)
   * @param provider the provider's name
   */
  public SessionMapping(Supplier<ObjectMapper> mapper, String provider) {
    this.mapper = mapper;
    this.provider = provider;
  }

  /**
   * Maps one session.
   *
   * @param s what Browserbase returned
   * @param fallbackId the id asked for, used when the body has none
   * @return the snapshot
   */
  public SessionInfo toInfo(BrowserbaseSession s, String fallbackId) {
    SessionStatus status = BrowserbaseStatuses.toNeutral(s.status());
    String id = s.id() == null || s.id().isBlank() ? fallbackId : s.id();
    Optional<Instant> started = instant(s.startedAt());
    Optional<Instant> expires = instant(s.expiresAt());
    SessionInfo.Builder b = SessionInfo.builder(id, provider, status)
        .createdAt(instant(s.createdAt()).or(() -> started).orElse(null))
        .closedAt(instant(s.endedAt()).orElse(null))
        .cdpUrl(uri(s.connectUrl()).orElse(null))
        .metadata(metadata(s.userMetadata()));
    if (started.isPresent() && expires.isPresent() && expires.get().isAfter(started.get())) {
      b.maxDuration(Duration.between(started.get(), expires.get()));
    }
    if (status.isTerminal()) {
      b.closeReason("Browserbase status " + s.status());
    }
    b.attribute(VENDOR_STATUS, s.status())
        .attribute("region", s.region())
        .attribute("projectId", s.projectId())
        .attribute("keepAlive", s.keepAlive())
        .attribute("proxyBytes", s.proxyBytes())
        .attribute("contextId", s.contextId())
        .attribute("expiresAt", s.expiresAt())
        .attribute("updatedAt", s.updatedAt());
    return b.build();
  }

  /**
   * Renders the vendor's metadata as strings: strings as they are, other values as JSON.
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
          if (v instanceof String str) {
            out.put(k, str);
          } else {
            try {
              out.put(k, mapper.get().writeValueAsString(v));
            } catch (JsonProcessingException e) {
              out.put(k, String.valueOf(v));
            }
          }
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

  /**
   * Parses a URL leniently.
   *
   * @param text the URL, possibly {@code null}
   * @return the URI, when it is absolute
   */
  public static Optional<URI> uri(String text) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    try {
      URI u = new URI(text.trim());
      return u.isAbsolute() ? Optional.of(u) : Optional.empty();
    } catch (java.net.URISyntaxException e) {
      return Optional.empty();
    }
  }
}
