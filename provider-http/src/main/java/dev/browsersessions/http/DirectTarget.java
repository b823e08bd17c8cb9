package dev.browsersessions.http;

import feign.Contract;
import feign.Feign;
import feign.MethodMetadata;
import feign.Request;
import feign.Response;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * A vendor interface's client: each call of a method whose request Feign's contract resolved
 * into an {@link Endpoint} is built from it and sent through {@link JdkClient} directly; any other
 * call (a method Feign's templates must expand, an argument Feign must encode) goes through the
 * Feign target, built on its first such call. Both paths send the same request and decode the
 * answer with the same decoder and error decoder; the direct one spends no {@code
 * RequestTemplate}, template expansion, regular expression or header map copy per call (issue
 * 17). The interface's annotations are read on the first call, not before (that costs tens of
 * milliseconds in a cold JVM).
 */
final class DirectTarget implements InvocationHandler {

  private static final Map<String, Collection<String>> NO_HEADERS = Map.of();

  private final Class<?> api;
  private final String baseUrl;
  private final List<String> fixedHeaders;
  private final Parts parts;
  private final Lazy<Map<Method, Endpoint>> endpoints;
  private final Lazy<InvocationHandler> feign;

  /** What the direct path shares with the Feign target of the same client. */
  record Parts(JdkClient client, JsonCodec json, BoundedDecoder decoder,
      BiFunction<String, Response, RuntimeException> errors) {}

  private DirectTarget(Class<?> api, URI baseUrl, List<String> fixedHeaders, Parts parts,
      Supplier<?> feign) {
    this.api = api;
    this.baseUrl = baseUrl.toString();
    this.fixedHeaders = fixedHeaders;
    this.parts = parts;
    this.endpoints = new Lazy<>(() -> endpoints(api));
    this.feign = new Lazy<>(() -> Proxy.getInvocationHandler(feign.get()));
  }

  /**
   * A client of {@code api}.
   *
   * @param api the Feign interface
   * @param baseUrl the base URL
   * @param fixedHeaders names and values, alternating, sent on every call
   * @param parts the transport and codecs
   * @param feign builds the Feign target (with the same headers), on its first use
   * @param <T> the interface
   * @return the client
   */
  static <T> T of(Class<T> api, URI baseUrl, List<String> fixedHeaders, Parts parts,
      Supplier<T> feign) {
    return api.cast(Proxy.newProxyInstance(api.getClassLoader(), new Class<?>[] {api},
        new DirectTarget(api, baseUrl, List.copyOf(fixedHeaders), parts, feign)));
  }

  /**
   * The handler of a client {@link #of} made.
   *
   * @param client the client
   * @return its handler
   */
  static DirectTarget of(Object client) {
    return (DirectTarget) Proxy.getInvocationHandler(client);
  }

  @Override
  public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
    if (method.getDeclaringClass() == Object.class) {
      switch (method.getName()) {
        case "equals":
          return proxy == args[0];
        case "hashCode":
          return System.identityHashCode(proxy);
        default:
          return api.getSimpleName() + "[" + baseUrl + "]";
      }
    }
    Endpoint e = endpoints.get().get(method);
    if (e != null) {
      Object[] a = args == null ? new Object[0] : args;
      String url = e.url(baseUrl, a);
      List<String> headers = url == null ? null : e.headers(fixedHeaders, a);
      if (headers != null && (e.bodyIndex() < 0 || a[e.bodyIndex()] != null)) {
        return call(e, url, headers, a);
      }
    }
    return feign.get().invoke(proxy, method, args);
  }

  /**
   * Whether a method's calls are sent directly (when their arguments need no encoding) rather
   * than through Feign, for tests.
   *
   * @param method a method of the interface
   * @return {@code true} when Feign's contract resolved it to an {@link Endpoint}
   */
  boolean direct(Method method) {
    return endpoints.get().containsKey(method);
  }

  /**
   * Does now what this client's first call would: reads the interface's annotations and builds
   * the JSON readers of its answers.
   */
  void prepare() {
    for (Endpoint e : endpoints.get().values()) {
      if (e.returnType() != void.class && e.returnType() != Void.class) {
        parts.json().reader(e.returnType());
      }
    }
  }

  private Object call(Endpoint e, String url, List<String> headers, Object[] args) {
    byte[] body = e.bodyIndex() < 0 ? null : parts.json().bytes(args[e.bodyIndex()], e.bodyType());
    JdkClient.Answer answer = parts.client().send(e.method(), url, headers, body);
    if (!answer.successful()) {
      throw parts.errors().apply(e.configKey(),
          parts.client().toFeign(answer, request(e, url, body)));
    }
    if (e.returnType() == void.class || e.returnType() == Void.class) {
      return null;
    }
    if (parts.decoder().isPlain(parts.json())) {
      // no Feign Response to build: the decoder would only read the body
      return parts.decoder().decodeJson(parts.json(), e.method(), answer.status(), answer.body(),
          e.returnType());
    }
    Response response = Response.builder()
        .status(answer.status())
        .headers(parts.client().contentType(answer))
        .request(request(e, url, body))
        .body(new BytesBody(answer.body()))
        .build();
    return parts.decoder().decode(response, answer.body(), e.returnType());
  }

  /** The request as Feign's, for its error decoder and decoders (no headers: no credentials). */
  private static Request request(Endpoint e, String url, byte[] body) {
    return Request.create(e.httpMethod(), url, NO_HEADERS, body, StandardCharsets.UTF_8, null);
  }

  private static Map<Method, Endpoint> endpoints(Class<?> api) {
    Map<String, Endpoint> byKey = new HashMap<>();
    for (MethodMetadata md : new Contract.Default().parseAndValidateMetadata(api)) {
      if (md.isIgnored() || md.returnType() == Response.class) {
        continue;
      }
      Endpoint e = Endpoint.of(md);
      if (e != null) {
        byKey.put(md.configKey(), e);
      }
    }
    Map<Method, Endpoint> out = new HashMap<>();
    for (Method m : api.getMethods()) {
      Endpoint e = byKey.get(Feign.configKey(api, m));
      if (e != null && !m.isDefault()
          && !List.of(m.getParameterTypes()).contains(Request.Options.class)) {
        out.put(m, e);
      }
    }
    return Map.copyOf(out);
  }
}
