package dev.browsersessions.http;

import dev.browsersessions.InvalidSessionRequestException;
import dev.browsersessions.ProviderProtocolException;
import dev.browsersessions.SessionInfo;
import dev.browsersessions.spi.RequestChecks;
import dev.browsersessions.spi.ServerText;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The one check of what a vendor's server says before a REST provider returns it or puts it in a
 * request: a server is as untrusted as a user.
 *
 * <ul>
 *   <li>A session id must pass the rules of a user-given id ({@link RequestChecks#requireValidId});
 *       otherwise the answer is unusable ({@link ProviderProtocolException}), so the id never
 *       reaches a URL path, a log line or a caller. An answer about another session than the one
 *       asked is unusable too.
 *   <li>A CDP URL must be {@code wss://}, or {@code ws://} on a loopback host (any host with {@code
 *       allow-insecure}); a live-view URL {@code https://}, or {@code http://} likewise. Anything
 *       else (another scheme, no host, not a URL) is not handed out: it is kept as sent, but
 *       made one line by {@link ServerText#clean} (as any server text) and cut to {@value
 *       #MAX_RAW} characters, in the attribute {@value #UNSAFE_CDP_URL} or {@value
 *       #UNSAFE_LIVE_VIEW_URL}.
 *   <li>Any other text (a status, a region, a close reason, a message quoted in an exception) goes
 *       through {@link #text}: one line, at most {@value #MAX_TEXT} characters.
 * </ul>
 *
 * Thread-safe; no I/O (a host name is never resolved).
 */
public final class ServerData {

  /** Attribute keeping a CDP URL the server sent that was not safe to hand out (one line). */
  public static final String UNSAFE_CDP_URL = "unsafe.cdpUrl";

  /** Attribute keeping a live-view URL the server sent that was not safe to hand out (one line). */
  public static final String UNSAFE_LIVE_VIEW_URL = "unsafe.liveViewUrl";

  /** The longest text of a refused URL kept in its attribute. */
  public static final int MAX_RAW = 2048;

  /** The longest server text {@link #text} keeps, in characters (then {@code …} is added). */
  public static final int MAX_TEXT = 2048;

  private final String provider;
  private final boolean allowInsecure;

  /**
   * Creates the checks of one provider.
   *
   * @param provider the provider's name
   * @param allowInsecure {@code allow-insecure}: plain {@code ws://} and {@code http://} URLs are
   *     allowed on any host, not only on loopback
   */
  public ServerData(String provider, boolean allowInsecure) {
    this.provider = Objects.requireNonNull(provider, "provider");
    this.allowInsecure = allowInsecure;
  }

  /**
   * Checks a session id the server issued.
   *
   * @param id the id as sent
   * @param where the answer, for the message, e.g. {@code "Notte's answer to POST /sessions/start"}
   * @return the id
   * @throws ProviderProtocolException if it would not be accepted from a user
   */
  public String id(String id, String where) {
    try {
      return RequestChecks.requireValidId(id);
    } catch (InvalidSessionRequestException e) {
      throw ProviderProtocolException.unusable(where + " names a session id this library does"
          + " not accept: " + e.getMessage(), provider, 200, null);
    }
  }

  /**
   * A session id the server issued, when it is valid; for an answer that is unusable anyway,
   * where a valid id names a session to stop and an invalid one a session to look for.
   *
   * @param id the id as sent, possibly {@code null} or blank
   * @return the id, when it would be accepted from a user
   */
  public static Optional<String> validId(String id) {
    return Optional.ofNullable(id).filter(RequestChecks::isValidId);
  }

  /**
   * Text a server sent, made fit for a message, a log line or an attribute, by the API's
   * {@link ServerText#bounded}: each escape sequence, control character and text-reordering
   * character becomes a space, as do tabs and line breaks, and it is cut to {@value #MAX_TEXT}
   * characters (then {@code …} is added).
   * Secrets are not this method's concern: answers are redacted before anything reads them.
   *
   * @param text the text as sent, or {@code null}
   * @return the text, or {@code null}
   */
  public static String text(String text) {
    return ServerText.bounded(text, MAX_TEXT);
  }

  /**
   * Checks that an answer is about the session (or other object, e.g. an agent) asked for.
   *
   * @param asked the id asked for (already checked)
   * @param answered the id the answer names; {@code null} or blank when it names none
   * @param where the answer, for the message, e.g. {@code "Notte's answer to GET /sessions/x"}
   * @return the id asked for
   * @throws ProviderProtocolException if the answer names another session, or an invalid id
   */
  public String sameId(String asked, String answered, String where) {
    if (answered == null || answered.isBlank()) {
      return asked;
    }
    if (!id(answered, where).equals(asked)) {
      throw ProviderProtocolException.unusable(where + " is about '" + answered
          + "', not about '" + asked + "' that was asked for", provider, 200, null);
    }
    return asked;
  }

  /**
   * Sets a CDP URL the server sent, when it is safe; otherwise keeps it in {@value
   * #UNSAFE_CDP_URL}.
   *
   * @param info the session being built
   * @param url the URL as sent; {@code null} or blank sets nothing
   * @return {@code info}
   */
  public SessionInfo.Builder cdpUrl(SessionInfo.Builder info, String url) {
    return put(info, url, "wss", "ws", UNSAFE_CDP_URL, info::cdpUrl);
  }

  /**
   * Sets a live-view URL the server sent, when it is safe; otherwise keeps it in {@value
   * #UNSAFE_LIVE_VIEW_URL}.
   *
   * @param info the session being built
   * @param url the URL as sent; {@code null} or blank sets nothing
   * @return {@code info}
   */
  public SessionInfo.Builder liveViewUrl(SessionInfo.Builder info, String url) {
    return put(info, url, "https", "http", UNSAFE_LIVE_VIEW_URL, info::liveViewUrl);
  }

  /**
   * Whether a host is a loopback address, without resolving a name ({@code localhost} is taken as
   * loopback; other names are not).
   *
   * @param host the host of a URL, possibly {@code null} or a bracketed IPv6 literal
   * @return whether it is loopback
   */
  public static boolean isLoopback(String host) {
    if (host == null) {
      return false;
    }
    if (host.equalsIgnoreCase("localhost")) {
      return true;
    }
    if (!host.matches("[0-9.]+|\\[?[0-9a-fA-F:]+]?")) {
      return false; // never resolve names: no I/O here
    }
    try {
      return InetAddress.getByName(host.replace("[", "").replace("]", "")).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  private SessionInfo.Builder put(SessionInfo.Builder info, String url, String secure,
      String plain, String unsafeKey, Function<URI, SessionInfo.Builder> set) {
    if (url == null || url.isBlank()) {
      return info;
    }
    Optional<URI> safe = safe(url.trim(), secure, plain);
    if (safe.isPresent()) {
      return set.apply(safe.get());
    }
    // as sent, but made one line like any server text: the attribute reaches callers and logs
    String kept = ServerText.clean(url);
    if (kept.length() > MAX_RAW) {
      kept = kept.substring(0, Character.isHighSurrogate(kept.charAt(MAX_RAW - 1))
          ? MAX_RAW - 1 : MAX_RAW);
    }
    return info.attribute(unsafeKey, kept);
  }

  private Optional<URI> safe(String url, String secure, String plain) {
    URI u;
    try {
      u = new URI(url);
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
    String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
    if (u.getHost() == null || u.getHost().isBlank()) {
      return Optional.empty();
    }
    boolean ok = scheme.equals(secure)
        || (scheme.equals(plain) && (allowInsecure || isLoopback(u.getHost())));
    return ok ? Optional.of(u) : Optional.empty();
  }
}
