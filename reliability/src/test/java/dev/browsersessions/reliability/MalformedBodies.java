package dev.browsersessions.reliability;

import java.util.List;
import java.util.Random;

/** Seeded generator of malformed session bodies for both vendors' field names. */
final class MalformedBodies {

  private static final List<String> KEYS = List.of("id", "sessionId", "session_id", "status",
      "created_at", "createdAt", "closed_at", "endedAt", "cdp_url", "connectUrl", "cdpUrl",
      "last_accessed_at", "idle_timeout_minutes", "max_duration_minutes", "timeout", "region",
      "userMetadata", "data", "success", "sessions", "items", "has_next", "page");

  private MalformedBodies() {}

  static String body(Random r) {
    return switch (r.nextInt(8)) {
      case 0 -> truncate(r, object(r, 3));
      case 1 -> object(r, 3);
      case 2 -> "[".repeat(10_000 + r.nextInt(50_000));
      case 3 -> "{\"id\":\"s\",\"status\":" + "{\"a\":".repeat(5_000) + "1" + "}".repeat(5_000) + "}";
      case 4 -> "{\"id\":\"s\",\"status\":\"" + word(r) + "\",\"created_at\":" + huge(r) + "}";
      case 5 -> List.of("", "null", "true", "0", "\"x\"", "[]", "{}", "{\"id\":null}",
          "{\"data\":null}", "{\"success\":true}").get(r.nextInt(10));
      case 6 -> randomBytes(r);
      default -> object(r, 1).replace(":", r.nextBoolean() ? "::" : ":[");
    };
  }

  private static String object(Random r, int depth) {
    StringBuilder b = new StringBuilder("{");
    int n = r.nextInt(6);
    for (int i = 0; i < n; i++) {
      if (i > 0) {
        b.append(',');
      }
      b.append('"').append(KEYS.get(r.nextInt(KEYS.size()))).append("\":").append(value(r, depth));
    }
    return b.append('}').toString();
  }

  private static String value(Random r, int depth) {
    return switch (r.nextInt(depth > 0 ? 9 : 7)) {
      case 0 -> "null";
      case 1 -> String.valueOf(r.nextLong());
      case 2 -> huge(r);
      case 3 -> "\"" + word(r) + "\"";
      case 4 -> r.nextBoolean() ? "true" : "false";
      case 5 -> "\"2026-13-45T99:99:99\"";
      case 6 -> "-0.0e-99999";
      case 7 -> object(r, depth - 1);
      default -> "[" + value(r, depth - 1) + "," + value(r, depth - 1) + "]";
    };
  }

  private static String huge(Random r) {
    return "9".repeat(1 + r.nextInt(2_000)) + (r.nextBoolean() ? "e999999999" : "");
  }

  private static String word(Random r) {
    String[] w = {"active", "RUNNING", "COMPLETED", "closed", "weird", "", "\u0000", "ACTIVE ",
        "timed_out", "ERROR", "pending", "\u202e"};
    return w[r.nextInt(w.length)];
  }

  private static String truncate(Random r, String s) {
    return s.isEmpty() ? s : s.substring(0, r.nextInt(s.length()));
  }

  private static String randomBytes(Random r) {
    char[] c = new char[r.nextInt(200)];
    for (int i = 0; i < c.length; i++) {
      c[i] = (char) (r.nextInt(0x7f - 0x20) + 0x20);
    }
    return new String(c);
  }
}
