package dev.browsersessions.http;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one place where a provider's secrets (API keys) are removed from text that came from a
 * vendor: {@link JdkClient} passes every answer's body and header values through it before any
 * decoder, error mapper or message sees them, and every message built from a transport failure
 * too. A secret is found in every form a server may echo it: as is; with any of its characters
 * JSON-escaped ({@code \u0041}, {@code \/}) or URL-encoded ({@code %41}), in any mix; and base64
 * encoded (standard or URL-safe alphabet, at any alignment, e.g. inside {@code Basic
 * base64(user:key)}). The match is made on the encoded text, so what is decoded later (by
 * Jackson, by a URL decoder) is already clean, and nothing else in the text changes: each match
 * becomes {@code ****}.
 */
final class Redactor {

  /** Replaces every secret. */
  static final String MASK = "****";

  /** Redacts nothing. */
  static final Redactor NONE = new Redactor(List.of());

  /** Secrets shorter than this are matched as is only (a short base64 fragment would match noise). */
  private static final int MIN_ENCODED = 8;

  private final Pattern pattern;
  /** The forms as they are, longest first: all a text without escapes can contain. */
  private final List<String> plain;
  /** {@link #plain} as UTF-8, to look for in an answer's bytes without decoding them. */
  private final byte[][] plainBytes;
  /** The bytes that start a plain form or an escape. */
  private final boolean[] starts = new boolean[256];

  private Redactor(List<String> secrets) {
    List<String> forms = new ArrayList<>();
    for (String secret : new LinkedHashSet<>(secrets)) {
      forms.add(secret);
      if (secret.length() >= MIN_ENCODED) {
        forms.addAll(base64Fragments(secret.getBytes(StandardCharsets.UTF_8)));
      }
    }
    // longest first, so that a secret is never left half-matched by a shorter form
    forms.sort((a, b) -> b.length() - a.length());
    this.plain = List.copyOf(forms);
    this.plainBytes = new byte[forms.size()][];
    for (int i = 0; i < forms.size(); i++) {
      plainBytes[i] = forms.get(i).getBytes(StandardCharsets.UTF_8);
      if (plainBytes[i].length > 0) {
        starts[plainBytes[i][0] & 0xff] = true;
      }
    }
    starts['\\'] = true;
    starts['%'] = true;
    List<String> alternatives = new ArrayList<>();
    for (String form : forms) {
      alternatives.add(anyEscape(form));
    }
    this.pattern = alternatives.isEmpty() ? null : Pattern.compile(String.join("|", alternatives));
  }

  /**
   * A redactor of these secrets; blank ones are ignored.
   *
   * @param secrets the secrets
   * @return the redactor
   */
  static Redactor of(List<String> secrets) {
    List<String> kept = new ArrayList<>();
    for (String s : secrets) {
      if (s != null && !s.isBlank()) {
        kept.add(s);
      }
    }
    return kept.isEmpty() ? NONE : new Redactor(kept);
  }

  /**
   * The text with every secret, in any of its forms, replaced by {@value #MASK}.
   *
   * @param text the text, or {@code null}
   * @return the redacted text, or {@code null}
   */
  String apply(String text) {
    if (text == null || pattern == null) {
      return text;
    }
    if (text.indexOf('\\') < 0 && text.indexOf('%') < 0) {
      // no escape of either kind: only the plain forms can occur (fast, even on 16 MiB)
      String out = text;
      for (String form : plain) {
        if (out.contains(form)) {
          out = out.replace(form, MASK);
        }
      }
      return out;
    }
    Matcher m = pattern.matcher(text);
    return m.find() ? m.replaceAll(MASK) : text;
  }

  /**
   * The UTF-8 bytes with every secret replaced; the same array when none occurs.
   *
   * @param bytes an answer's body
   * @return the redacted body
   */
  byte[] apply(byte[] bytes) {
    if (pattern == null || bytes == null || bytes.length == 0) {
      return bytes;
    }
    if (!mayContain(bytes)) {
      return bytes; // the common answer: no escape and no secret, nothing decoded or copied
    }
    String text = new String(bytes, StandardCharsets.UTF_8);
    String redacted = apply(text);
    return redacted == text ? bytes : redacted.getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Whether the bytes may hold a secret: they hold an escape ({@code \\} or {@code %}), after
   * which any form may occur, or one of the plain forms as is. One pass over the bytes: only a
   * byte that starts a form or an escape is looked at further.
   */
  private boolean mayContain(byte[] bytes) {
    for (int i = 0; i < bytes.length; i++) {
      int b = bytes[i] & 0xff;
      if (!starts[b]) {
        continue;
      }
      if (b == '\\' || b == '%') {
        return true;
      }
      for (byte[] form : plainBytes) {
        if ((form[0] & 0xff) == b && matchesAt(bytes, i, form)) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean matchesAt(byte[] bytes, int at, byte[] form) {
    if (at + form.length > bytes.length) {
      return false;
    }
    for (int j = 1; j < form.length; j++) {
      if (bytes[at + j] != form[j]) {
        return false;
      }
    }
    return true;
  }

  /** Whether this redactor has secrets to redact. */
  boolean active() {
    return pattern != null;
  }

  /** A regex matching the text with each character as is, JSON-escaped or URL-encoded. */
  private static String anyEscape(String text) {
    StringBuilder re = new StringBuilder();
    text.codePoints().forEach(cp -> {
      List<String> forms = new ArrayList<>();
      forms.add(Pattern.quote(new String(Character.toChars(cp))));
      if (Character.charCount(cp) == 1) {
        forms.add("\\\\u(?i:" + String.format(Locale.ROOT, "%04x", cp) + ")");
      }
      StringBuilder pct = new StringBuilder();
      for (byte b : new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8)) {
        pct.append("%(?i:").append(String.format(Locale.ROOT, "%02x", b & 0xff)).append(')');
      }
      forms.add(pct.toString());
      if (cp == '/') {
        forms.add("\\\\/");
      }
      re.append("(?:").append(String.join("|", forms)).append(')');
    });
    return re.toString();
  }

  /**
   * The parts of the base64 forms of a secret that do not depend on what surrounds it: for each
   * of the three alignments and both alphabets, the characters encoded from the secret's bytes
   * only.
   */
  private static Set<String> base64Fragments(byte[] secret) {
    Set<String> out = new LinkedHashSet<>();
    for (int offset = 0; offset < 3; offset++) {
      byte[] shifted = new byte[offset + secret.length];
      System.arraycopy(secret, 0, shifted, offset, secret.length);
      String std = Base64.getEncoder().withoutPadding().encodeToString(shifted);
      int first = (8 * offset + 5) / 6; // the first character made of the secret's bits only
      int end = (8 * (offset + secret.length)) / 6; // past the last one
      if (end - first >= MIN_ENCODED) {
        String fragment = std.substring(first, end);
        out.add(fragment);
        out.add(fragment.replace('+', '-').replace('/', '_'));
      }
    }
    return out;
  }
}
