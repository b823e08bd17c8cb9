package dev.browsersessions.http;

import feign.MethodMetadata;
import feign.Param;
import feign.Request;
import feign.RequestTemplate;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * One method of a vendor interface, its request resolved once from Feign's {@link
 * MethodMetadata} (the {@code @RequestLine} and {@code @Headers} that Feign's contract parsed):
 * the HTTP method, the URL and header templates split into literal text and argument indexes,
 * the body argument and the return type. A call then only appends its arguments: no {@code
 * RequestTemplate}, no template expansion, no regular expression, no header map copy per call.
 *
 * <p>Only what can be sent exactly as Feign would send it is resolved here: a method with a
 * query map, header map, form parameters, body template, custom expander or encoded parameter is
 * not an endpoint ({@link #of} gives {@code null}) and goes through Feign; and a call whose
 * argument is {@code null}, empty, or holds a character outside RFC 3986's unreserved set
 * ({@code A-Z a-z 0-9 - . _ ~}, which no encoding changes) also goes through Feign ({@link
 * #url} and {@link #headers} give {@code null}), so that Feign's encoding rules stay the only
 * ones.
 */
final class Endpoint {

  /** Literal text (a {@code String}) and argument indexes (an {@code Integer}), in order. */
  private final Object[] path;
  /** Per header: the name, then its value's parts, as {@link #path}. */
  private final List<Object[]> headers;
  private final String configKey;
  private final String method;
  private final Request.HttpMethod httpMethod;
  private final Type returnType;
  private final int urlIndex;
  private final int bodyIndex;
  private final Type bodyType;

  private Endpoint(MethodMetadata md, Object[] path, List<Object[]> headers) {
    this.configKey = md.configKey();
    this.method = md.template().method();
    this.httpMethod = Request.HttpMethod.valueOf(method);
    this.returnType = md.returnType();
    this.urlIndex = md.urlIndex() == null ? -1 : md.urlIndex();
    this.bodyIndex = md.bodyIndex() == null ? -1 : md.bodyIndex();
    this.bodyType = md.bodyType();
    this.path = path;
    this.headers = headers;
  }

  /**
   * The endpoint of a method, when its requests can be built without Feign's templates.
   *
   * @param md the method as Feign's contract parsed it
   * @return the endpoint, or {@code null} to call the method through Feign
   */
  static Endpoint of(MethodMetadata md) {
    RequestTemplate t = md.template();
    if (t.method() == null || md.queryMapIndex() != null || md.headerMapIndex() != null
        || !md.formParams().isEmpty() || t.bodyTemplate() != null
        || md.indexToEncoded().containsValue(Boolean.TRUE)
        || (md.indexToExpander() != null && !md.indexToExpander().isEmpty())
        || md.indexToExpanderClass().values().stream()
            .anyMatch(c -> c != Param.ToStringExpander.class)) {
      return null;
    }
    Map<String, Integer> index = new java.util.HashMap<>();
    for (Map.Entry<Integer, Collection<String>> e : md.indexToName().entrySet()) {
      for (String name : e.getValue()) {
        if (index.put(name, e.getKey()) != null) {
          return null; // one name, two arguments: Feign's rules decide
        }
      }
    }
    List<Object> url = parse(t.path(), index, true);
    if (url == null) {
      return null;
    }
    char sep = '?';
    for (Map.Entry<String, Collection<String>> q : t.queries().entrySet()) {
      if (q.getValue().size() != 1 || !unreserved(q.getKey())) {
        return null;
      }
      List<Object> value = parse(q.getValue().iterator().next(), index, true);
      if (value == null) {
        return null;
      }
      url.add(sep + q.getKey() + "=");
      url.addAll(value);
      sep = '&';
    }
    List<Object[]> headers = new ArrayList<>();
    for (Map.Entry<String, Collection<String>> h : t.headers().entrySet()) {
      // Feign sends a header's values as one, joined with ", "
      List<Object> value = new ArrayList<>();
      for (String template : h.getValue()) {
        List<Object> one = parse(template, index, false);
        if (one == null) {
          return null;
        }
        if (!value.isEmpty()) {
          value.add(", ");
        }
        value.addAll(one);
      }
      Object[] parts = merge(value);
      Object[] header = new Object[parts.length + 1];
      header[0] = h.getKey();
      System.arraycopy(parts, 0, header, 1, parts.length);
      headers.add(header);
    }
    return new Endpoint(md, merge(url), List.copyOf(headers));
  }

  /**
   * Feign's key of the method, e.g. {@code NotteApi#status(String)}, for the error decoder.
   *
   * @return the key
   */
  String configKey() {
    return configKey;
  }

  /**
   * The HTTP method.
   *
   * @return e.g. {@code GET}
   */
  String method() {
    return method;
  }

  /**
   * The HTTP method, as Feign's.
   *
   * @return e.g. {@code GET}
   */
  Request.HttpMethod httpMethod() {
    return httpMethod;
  }

  /**
   * What the method returns.
   *
   * @return the type to decode the answer into
   */
  Type returnType() {
    return returnType;
  }

  /**
   * The argument that is the body.
   *
   * @return its index, or -1 when the request has none
   */
  int bodyIndex() {
    return bodyIndex;
  }

  /**
   * The body's declared type, for the encoder.
   *
   * @return the type
   */
  Type bodyType() {
    return bodyType;
  }

  /**
   * The whole URL of a call.
   *
   * @param base the target's base URL
   * @param args the call's arguments
   * @return the URL, or {@code null} when an argument must go through Feign's encoding
   */
  String url(String base, Object[] args) {
    String b = base;
    if (urlIndex >= 0) {
      Object host = args[urlIndex];
      if (host == null) {
        return null;
      }
      b = host.toString();
    }
    if (b.indexOf('?') >= 0 || b.indexOf('#') >= 0 || b.indexOf('{') >= 0) {
      return null;
    }
    int end = b.endsWith("/") ? b.length() - 1 : b.length();
    StringBuilder s = new StringBuilder(end + 64).append(b, 0, end);
    return append(s, path, 0, args) ? s.toString() : null;
  }

  /**
   * The headers of a call, after the given ones.
   *
   * @param fixed names and values sent on every call (e.g. credentials)
   * @param args the call's arguments
   * @return names and values, alternating, or {@code null} when an argument must go through Feign
   */
  List<String> headers(List<String> fixed, Object[] args) {
    List<String> out = new ArrayList<>(fixed.size() + 2 * headers.size());
    out.addAll(fixed);
    for (Object[] h : headers) {
      if (h.length == 2 && h[1] instanceof String literal) {
        out.add((String) h[0]);
        out.add(literal);
        continue;
      }
      StringBuilder value = new StringBuilder();
      if (!append(value, h, 1, args)) {
        return null;
      }
      out.add((String) h[0]);
      out.add(value.toString());
    }
    return out;
  }

  private static boolean append(StringBuilder s, Object[] parts, int from, Object[] args) {
    for (int i = from; i < parts.length; i++) {
      Object p = parts[i];
      if (p instanceof String literal) {
        s.append(literal);
        continue;
      }
      Object arg = args[(Integer) p];
      if (!(arg instanceof String || arg instanceof Number || arg instanceof Boolean)) {
        return false; // null, or a value whose text Feign's expander decides
      }
      String v = arg.toString();
      if (v.isEmpty() || !unreserved(v)) {
        return false;
      }
      s.append(v);
    }
    return true;
  }

  /**
   * Splits a template into literal text and argument indexes.
   *
   * @param template e.g. {@code /sessions/{id}/stop}
   * @param index argument index by name
   * @param inUrl whether the text is part of the URL (its literal text must need no encoding)
   * @return the parts, or {@code null} when the template is not a plain one
   */
  private static List<Object> parse(String template, Map<String, Integer> index, boolean inUrl) {
    List<Object> parts = new ArrayList<>();
    int i = 0;
    while (i < template.length()) {
      int open = template.indexOf('{', i);
      int close = template.indexOf('}', i);
      if (open < 0) {
        if (close >= 0) {
          return null;
        }
        parts.add(template.substring(i));
        break;
      }
      if (close < open) {
        return null;
      }
      if (open > i) {
        parts.add(template.substring(i, open));
      }
      Integer arg = index.get(template.substring(open + 1, close));
      if (arg == null) {
        return null; // an operator ({+x}, {/x}...) or a name no argument has
      }
      parts.add(arg);
      i = close + 1;
    }
    if (inUrl) {
      for (Object p : parts) {
        if (p instanceof String s && !urlLiteral(s)) {
          return null;
        }
      }
    }
    return parts;
  }

  /** Adjacent literals joined into one. */
  private static Object[] merge(List<Object> parts) {
    List<Object> out = new ArrayList<>();
    for (Object p : parts) {
      int last = out.size() - 1;
      if (p instanceof String s && last >= 0 && out.get(last) instanceof String prev) {
        out.set(last, prev + s);
      } else {
        out.add(p);
      }
    }
    return out.toArray();
  }

  /** Whether every character is in RFC 3986's unreserved set. */
  static boolean unreserved(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (!unreserved(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /** Whether literal URL text is sent as written (unreserved characters and {@code /}). */
  private static boolean urlLiteral(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) != '/' && !unreserved(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean unreserved(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
        || c == '-' || c == '.' || c == '_' || c == '~';
  }

  @Override
  public String toString() {
    return "Endpoint[" + configKey + "]";
  }
}
