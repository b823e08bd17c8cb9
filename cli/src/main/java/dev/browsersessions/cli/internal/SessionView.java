package dev.browsersessions.cli.internal;

import dev.browsersessions.SessionInfo;
import dev.browsersessions.spi.ServerText;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** How sessions are shown: as JSON objects for machines, as fields and tables for people. */
final class SessionView {

  private SessionView() {}

  /**
   * A session as a JSON-ready map. Every key is always present; absent values are {@code null}.
   *
   * @param s the session
   * @return the fields, in a stable order
   */
  static Map<String, Object> toJson(SessionInfo s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", s.id());
    m.put("provider", s.provider());
    m.put("status", s.status().name());
    m.put("cdpUrl", text(s.cdpUrl()));
    m.put("liveViewUrl", text(s.liveViewUrl()));
    m.put("createdAt", text(s.createdAt()));
    m.put("lastActiveAt", text(s.lastActiveAt()));
    m.put("closedAt", text(s.closedAt()));
    m.put("idleTimeout", text(s.idleTimeout()));
    m.put("maxDuration", text(s.maxDuration()));
    m.put("closeReason", s.closeReason().orElse(null));
    m.put("metadata", new TreeMap<>(s.metadata()));
    m.put("attributes", new TreeMap<>(s.attributes()));
    return m;
  }

  /**
   * Sessions as a JSON-ready list.
   *
   * @param sessions the sessions
   * @return one map per session
   */
  static List<Map<String, Object>> toJson(List<SessionInfo> sessions) {
    List<Map<String, Object>> list = new ArrayList<>();
    sessions.forEach(s -> list.add(toJson(s)));
    return list;
  }

  /**
   * Prints {@code Stopped <id> (<status>)}.
   *
   * @param s the stopped session
   * @param out where to print
   */
  static void printStopped(SessionInfo s, PrintStream out) {
    out.println(ServerText.clean("Stopped " + s.id() + " (" + s.status() + ")"));
  }

  /**
   * Prints a session's fields, one per line, leaving out those that are absent. Values came from
   * the vendor: they are cleaned of terminal escape sequences.
   *
   * @param s the session
   * @param out where to print
   */
  static void printDetails(SessionInfo s, PrintStream out) {
    List<List<String>> rows = new ArrayList<>();
    rows.add(List.of("id", s.id()));
    rows.add(List.of("provider", s.provider()));
    rows.add(List.of("status", s.status().name()));
    s.cdpUrl().ifPresent(v -> rows.add(List.of("cdp-url", v.toString())));
    s.liveViewUrl().ifPresent(v -> rows.add(List.of("live-view-url", v.toString())));
    s.createdAt().ifPresent(v -> rows.add(List.of("created", v.toString())));
    s.lastActiveAt().ifPresent(v -> rows.add(List.of("last-active", v.toString())));
    s.closedAt().ifPresent(v -> rows.add(List.of("closed", v.toString())));
    s.idleTimeout().ifPresent(v -> rows.add(List.of("idle-timeout", v.toString())));
    s.maxDuration().ifPresent(v -> rows.add(List.of("max-duration", v.toString())));
    s.closeReason().ifPresent(v -> rows.add(List.of("close-reason", v)));
    if (!s.metadata().isEmpty()) {
      rows.add(List.of("metadata", pairs(s.metadata())));
    }
    if (!s.attributes().isEmpty()) {
      rows.add(List.of("attributes", pairs(s.attributes())));
    }
    int width = rows.stream().mapToInt(r -> r.get(0).length()).max().orElse(0);
    for (List<String> row : rows) {
      out.println(
          row.get(0) + ":" + " ".repeat(width - row.get(0).length() + 1)
              + ServerText.clean(row.get(1)));
    }
  }

  /**
   * Prints sessions as a table: id, status, created, CDP URL.
   *
   * @param sessions the sessions
   * @param out where to print
   */
  static void printTable(List<SessionInfo> sessions, PrintStream out) {
    List<List<String>> rows = new ArrayList<>();
    for (SessionInfo s : sessions) {
      rows.add(
          List.of(
              s.id(),
              s.status().name(),
              s.createdAt().map(Object::toString).orElse("-"),
              s.cdpUrl().map(Object::toString).orElse("-")));
    }
    Table.print(List.of("ID", "STATUS", "CREATED", "CDP URL"), rows, out);
  }

  private static String pairs(Map<String, ?> map) {
    StringBuilder s = new StringBuilder();
    new TreeMap<>(map)
        .forEach((k, v) -> s.append(s.length() == 0 ? "" : ", ").append(k).append('=').append(v));
    return s.toString();
  }

  private static String text(Optional<?> value) {
    return value.map(Object::toString).orElse(null);
  }
}
