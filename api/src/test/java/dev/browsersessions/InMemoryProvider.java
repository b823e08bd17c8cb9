package dev.browsersessions;

import dev.browsersessions.spi.BrowserSessionProvider;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small provider for the API's own tests: records calls, can be told to fail stops and status
 * reads.
 */
class InMemoryProvider implements BrowserSessionProvider {

  final List<String> calls = Collections.synchronizedList(new ArrayList<>());
  final Map<String, SessionInfo> sessions = new ConcurrentHashMap<>();
  final Set<String> failStopFor = ConcurrentHashMap.newKeySet();
  final Map<String, RuntimeException> failStatusFor = new ConcurrentHashMap<>();
  private final AtomicInteger ids = new AtomicInteger();
  private final Set<Capability> capabilities;
  volatile SessionRequest lastRequest;
  volatile boolean closed;
  volatile RuntimeException closeFailure;

  InMemoryProvider(Set<Capability> capabilities) {
    this.capabilities = Set.copyOf(capabilities);
  }

  InMemoryProvider() {
    this(EnumSet.allOf(Capability.class));
  }

  @Override
  public String name() {
    return "memory";
  }

  @Override
  public Set<Capability> capabilities() {
    return capabilities;
  }

  @Override
  public SessionInfo create(SessionRequest request) {
    calls.add("create");
    lastRequest = request;
    String id = "s-" + ids.incrementAndGet();
    SessionInfo info =
        SessionInfo.builder(id, name(), SessionStatus.ACTIVE)
            .cdpUrl(URI.create("ws://127.0.0.1:1/devtools/browser/" + id))
            .metadata(request.metadata())
            .build();
    sessions.put(id, info);
    return info;
  }

  @Override
  public SessionInfo status(String sessionId) {
    calls.add("status " + sessionId);
    RuntimeException failure = failStatusFor.get(sessionId);
    if (failure != null) {
      throw failure;
    }
    SessionInfo info = sessions.get(sessionId);
    if (info == null) {
      throw new SessionNotFoundException(sessionId, name());
    }
    return info;
  }

  @Override
  public SessionInfo stop(String sessionId) {
    calls.add("stop " + sessionId);
    if (failStopFor.contains(sessionId)) {
      throw new ProviderUnavailableException("injected stop failure", name(), 503, null);
    }
    SessionInfo info = sessions.get(sessionId);
    if (info == null) {
      throw new SessionNotFoundException(sessionId, name());
    }
    SessionInfo closedInfo = info.toBuilder().status(SessionStatus.CLOSED).build();
    sessions.put(sessionId, closedInfo);
    return closedInfo;
  }

  @Override
  public List<SessionInfo> list(SessionFilter filter) {
    calls.add("list");
    return sessions.values().stream().filter(filter::matches).toList();
  }

  @Override
  public void close() {
    closed = true;
    if (closeFailure != null) {
      throw closeFailure;
    }
  }

  long count(String prefix) {
    synchronized (calls) {
      return calls.stream().filter(c -> c.startsWith(prefix)).count();
    }
  }
}
