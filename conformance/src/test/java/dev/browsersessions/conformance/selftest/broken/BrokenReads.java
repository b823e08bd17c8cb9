package dev.browsersessions.conformance.selftest.broken;

import dev.browsersessions.Capability;
import dev.browsersessions.SessionFilter;
import dev.browsersessions.SessionInfo;
import dev.browsersessions.SessionNotFoundException;
import dev.browsersessions.SessionRequest;
import dev.browsersessions.SessionStatus;
import dev.browsersessions.conformance.internal.CapabilityRequests;
import dev.browsersessions.conformance.internal.ForwardingProvider;
import dev.browsersessions.spi.BrowserSessionProvider;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Broken providers that get a read path wrong: a field on one path only, a dropped tag, a list
 * that stops at one page, a timestamp from the wrong zone, an id changed on the way back.
 */
public final class BrokenReads {

  private BrokenReads() {}

  /** The CDP URL is on create's answer only; status and list leave it out. */
  public static final class CdpUrlOnlyOnCreate extends ReadRewriting {
    /** @param delegate the honest provider */
    public CdpUrlOnlyOnCreate(BrowserSessionProvider delegate) {
      super(delegate);
    }

    @Override
    protected SessionInfo rewrite(Path path, SessionInfo info) {
      return path == Path.CREATE ? info : info.toBuilder().cdpUrl(null).build();
    }
  }

  /** The live-view URL is on create's answer only; status and list leave it out. */
  public static final class LiveViewOnlyOnCreate extends ReadRewriting {
    /** @param delegate the honest provider */
    public LiveViewOnlyOnCreate(BrowserSessionProvider delegate) {
      super(delegate);
    }

    @Override
    protected SessionInfo rewrite(Path path, SessionInfo info) {
      return path == Path.CREATE ? info : info.toBuilder().liveViewUrl(null).build();
    }
  }

  /** The list entries leave out the granted timeouts status reports. */
  public static final class ListDropsGrantedTimeouts extends ReadRewriting {
    /** @param delegate the honest provider */
    public ListDropsGrantedTimeouts(BrowserSessionProvider delegate) {
      super(delegate);
    }

    @Override
    protected SessionInfo rewrite(Path path, SessionInfo info) {
      return path == Path.LIST ? info.toBuilder().idleTimeout(null).maxDuration(null).build()
          : info;
    }
  }

  /** Timestamps parsed as local time one hour off UTC: every one of them is an hour late. */
  public static final class TimestampsInWrongZone extends ReadRewriting {
    private static final Duration OFF = Duration.ofHours(1);

    /** @param delegate the honest provider */
    public TimestampsInWrongZone(BrowserSessionProvider delegate) {
      super(delegate);
    }

    @Override
    protected SessionInfo rewrite(Path path, SessionInfo info) {
      return info.toBuilder()
          .createdAt(info.createdAt().map(t -> t.plus(OFF)).orElse(null))
          .lastActiveAt(info.lastActiveAt().map(t -> t.plus(OFF)).orElse(null))
          .closedAt(info.closedAt().map(t -> t.plus(OFF)).orElse(null))
          .build();
    }
  }

  /** Stores only the first two tags of a request (a vendor limit the adapter hides). */
  public static final class TwoTagsOnly extends ForwardingProvider {
    /** @param delegate the honest provider */
    public TwoTagsOnly(BrowserSessionProvider delegate) {
      super(delegate);
    }

    @Override
    public SessionInfo create(SessionRequest request) {
      Map<String, String> kept = new TreeMap<>(request.metadata()).entrySet().stream().limit(2)
          .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
      SessionRequest without = SessionRequest.defaults();
      for (Capability c : Capability.requestOptions()) {
        if (c != Capability.METADATA && c.isUsedBy(request)) {
          without = CapabilityRequests.copy(c, request, without);
        }
      }
      return delegate.create(without.toBuilder().metadata(kept).build());
    }
  }

  /** With a metadata filter, list ignores the status filter (two query parameters, one sent). */
  public static final class CombinedFilterIgnoresStatus extends ForwardingProvider {
    /** @param delegate the honest provider */
    public CombinedFilterIgnoresStatus(BrowserSessionProvider delegate) {
      super(delegate);
    }

    @Override
    public List<SessionInfo> list(SessionFilter filter) {
      return filter.metadata().isEmpty() ? delegate.list(filter)
          : delegate.list(new SessionFilter(Set.of(), filter.metadata()));
    }
  }

  /**
   * A status filter is sent as the vendor's "running only" flag and then applied on the client:
   * a filter on the terminal statuses always lists nothing.
   */
  public static final class TerminalFilterListsNothing extends ForwardingProvider {
    /** @param delegate the honest provider */
    public TerminalFilterListsNothing(BrowserSessionProvider delegate) {
      super(delegate);
    }

    @Override
    public List<SessionInfo> list(SessionFilter filter) {
      if (filter.statuses().isEmpty()) {
        return delegate.list(filter);
      }
      return delegate.list(new SessionFilter(Set.of(), filter.metadata())).stream()
          .filter(i -> !i.isTerminal())
          .filter(filter::matches)
          .toList();
    }
  }

  /** list returns the vendor's first page of three only. */
  public static final class ListFirstPageOnly extends ForwardingProvider {
    /** @param delegate the honest provider */
    public ListFirstPageOnly(BrowserSessionProvider delegate) {
      super(delegate);
    }

    @Override
    public List<SessionInfo> list(SessionFilter filter) {
      List<SessionInfo> all = delegate.list(filter);
      return all.subList(0, Math.min(3, all.size()));
    }
  }

  /** list serves cached statuses: a session that timed out is still listed ACTIVE. */
  public static final class ListStaleAfterTimeout extends ReadRewriting {
    /** @param delegate the honest provider */
    public ListStaleAfterTimeout(BrowserSessionProvider delegate) {
      super(delegate);
    }

    @Override
    protected SessionInfo rewrite(Path path, SessionInfo info) {
      return path == Path.LIST && info.status() == SessionStatus.TIMED_OUT
          ? info.toBuilder().status(SessionStatus.ACTIVE).closedAt(null).closeReason(null).build()
          : info;
    }
  }

  /** Not-found errors carry the id as the vendor normalised it: lower case. */
  public static final class NotFoundIdLowerCased extends ForwardingProvider {
    /** @param delegate the honest provider */
    public NotFoundIdLowerCased(BrowserSessionProvider delegate) {
      super(delegate);
    }

    @Override
    public SessionInfo status(String sessionId) {
      return lowerCasedNotFound(sessionId, delegate::status);
    }

    @Override
    public SessionInfo stop(String sessionId) {
      return lowerCasedNotFound(sessionId, delegate::stop);
    }

    private SessionInfo lowerCasedNotFound(String sessionId, Function<String, SessionInfo> call) {
      try {
        return call.apply(sessionId);
      } catch (SessionNotFoundException e) {
        throw new SessionNotFoundException(sessionId.toLowerCase(Locale.ROOT), name());
      }
    }
  }

  /** stop's not-found (a 404 on the vendor's delete) is marked retryable. */
  public static final class StopNotFoundRetryable extends ForwardingProvider {
    /** @param delegate the honest provider */
    public StopNotFoundRetryable(BrowserSessionProvider delegate) {
      super(delegate);
    }

    @Override
    public SessionInfo stop(String sessionId) {
      try {
        return delegate.stop(sessionId);
      } catch (SessionNotFoundException e) {
        throw retryableNotFound(sessionId, name());
      }
    }
  }

  /**
   * status's not-found for an id shaped like the vendor's own (letters, digits and dashes only)
   * is taken for replication lag and marked retryable; other ids are not-found as they should be.
   */
  public static final class VendorShapedNotFoundRetryable extends ForwardingProvider {
    private static final Pattern VENDOR_SHAPED = Pattern.compile("[A-Za-z0-9-]+");

    /** @param delegate the honest provider */
    public VendorShapedNotFoundRetryable(BrowserSessionProvider delegate) {
      super(delegate);
    }

    @Override
    public SessionInfo status(String sessionId) {
      try {
        return delegate.status(sessionId);
      } catch (SessionNotFoundException e) {
        if (VENDOR_SHAPED.matcher(sessionId).matches()) {
          throw retryableNotFound(sessionId, name());
        }
        throw e;
      }
    }
  }

  /** A not-found that wrongly says a retry may help. */
  private static SessionNotFoundException retryableNotFound(String sessionId, String provider) {
    return new SessionNotFoundException(sessionId, provider) {
      @Override
      public boolean isRetryable() {
        return true;
      }
    };
  }

  /** The CDP URL is a stale internal address no browser listens on. */
  public static final class CdpUrlReachesNothing extends ReadRewriting {
    /** @param delegate the honest provider */
    public CdpUrlReachesNothing(BrowserSessionProvider delegate) {
      super(delegate);
    }

    @Override
    protected SessionInfo rewrite(Path path, SessionInfo info) {
      return info.cdpUrl().isEmpty() ? info : info.toBuilder()
          .cdpUrl(URI.create("ws://127.0.0.1:1/devtools/browser/" + info.id())).build();
    }
  }
}
