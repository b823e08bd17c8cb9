package dev.browsersessions.http;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import feign.Feign;
import feign.Request;
import feign.Response;
import feign.Retryer;
import feign.codec.Decoder;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Builds a REST provider's HTTP clients in one place: Feign over {@code java.net.http} with
 * Jackson, the configured timeouts ({@code request-timeout} bounds each attempt, body included),
 * no Feign-level retries (see {@link VendorCalls}), the shared {@link HttpErrorMapper} as error
 * decoder, and the user agent {@code browser-sessions/<version>}. One instance serves several
 * base URLs with different authentication (e.g. Stagehand and Browserbase). Thread-safe; reuses
 * connections. Building one, and its clients, is cheap and starts no thread: the {@code
 * HttpClient}, the Feign targets and the JSON mapper are built by {@link #warmUp} (which a
 * provider's build calls, starting one short-lived daemon thread) or else on first use.
 */
public final class VendorHttp {

  /** The most bytes of an error body read. */
  public static final int MAX_ERROR_BODY = 64 * 1024;

  /** The most bytes of a successful answer read; a larger one is a protocol error. */
  public static final int MAX_SUCCESS_BODY = 16 * 1024 * 1024;

  private static final String USER_AGENT = "browser-sessions/" + version();

  private final String provider;
  private final String vendor;
  private final HttpSettings settings;
  private final Lazy<ObjectMapper> mapper;
  private final HttpErrorMapper errors;
  private final JsonCodec json;
  private final BoundedDecoder decoder;
  private final JdkClient client;
  private final VendorCalls calls;
  private final UnaryOperator<String> redactor;
  private final DirectTarget.Parts parts;
  private final List<DirectTarget> targets = new java.util.concurrent.CopyOnWriteArrayList<>();
  private final java.util.concurrent.atomic.AtomicBoolean warming =
      new java.util.concurrent.atomic.AtomicBoolean();
  private final java.util.concurrent.CompletableFuture<Void> warmedUp =
      new java.util.concurrent.CompletableFuture<>();
  private final java.util.concurrent.atomic.AtomicInteger feignTargets =
      new java.util.concurrent.atomic.AtomicInteger();

  private VendorHttp(Builder b) {
    Redactor secrets = Redactor.of(b.secrets);
    this.redactor = secrets::apply;
    this.provider = b.provider;
    this.vendor = b.vendor;
    this.settings = b.settings;
    this.mapper = new Lazy<>(b.mapper != null ? b.mapper : VendorHttp::newMapper);
    this.errors = new HttpErrorMapper(provider, vendor, b.quirk, b.clock);
    this.json = new JsonCodec(mapper);
    this.decoder =
        new BoundedDecoder(b.decoder.apply(json), provider, vendor, redactor);
    this.client = new JdkClient(provider, vendor, settings, secrets);
    this.calls = new VendorCalls(provider, vendor, settings, redactor, client::close);
    this.parts = new DirectTarget.Parts(client, json, decoder, this::decodeError);
  }

  /** The clients kept for the warm-up to prepare, for tests: none once it has ended. */
  int targetsKept() {
    return targets.size();
  }

  /** Completes when the warm-up thread has ended, for tests. */
  java.util.concurrent.CompletableFuture<Void> warmedUp() {
    return warmedUp;
  }

  /**
   * Gives back the shared HTTP client this provider's calls used (see {@code SharedHttpClients}):
   * call it from the provider's {@code close()}. Idempotent; a call made afterwards still works.
   */
  public void close() {
    client.close();
  }

  /**
   * Starts a builder.
   *
   * @param provider the provider's name, e.g. {@code notte}
   * @param vendor the vendor's name in messages, e.g. {@code Notte}
   * @param settings the HTTP settings
   * @return a new builder
   */
  public static Builder builder(String provider, String vendor, HttpSettings settings) {
    return new Builder(provider, vendor, settings);
  }

  /**
   * A JSON mapper for vendor payloads: unknown fields ignored, {@code java.time} supported, ISO
   * dates.
   *
   * @return a new mapper
   */
  public static ObjectMapper newMapper() {
    return JsonMapper.builder()
        .addModule(new JavaTimeModule())
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .build();
  }

  /**
   * A {@link #newMapper()} built once, on the first {@code get()}: thread-safe, to share between
   * clients without paying for Jackson's start-up at construction.
   *
   * @return the supplier
   */
  public static Supplier<ObjectMapper> lazyMapper() {
    return new Lazy<>(VendorHttp::newMapper);
  }

  /**
   * The user agent every request carries.
   *
   * @return {@code browser-sessions/<version>}
   */
  public static String userAgent() {
    return USER_AGENT;
  }

  /**
   * Builds a client for one base URL. The interface's annotations are Feign's ({@code
   * @RequestLine}, {@code @Headers}, {@code @Param}); each call whose request they resolve to
   * plain text is sent directly (see {@code DirectTarget}), any other through Feign.
   *
   * @param api the Feign interface
   * @param baseUrl the base URL, already checked by the provider (with {@link
   *     HttpSettings#requireSafe}, which refuses user-info: this client's {@code toString()}
   *     shows it)
   * @param headers headers every request carries, e.g. the credentials: sent as given, never
   *     expanded as a template (a value may hold any character a header may)
   * @param <T> the interface
   * @return the client
   */
  public <T> T client(Class<T> api, URI baseUrl, Map<String, String> headers) {
    Objects.requireNonNull(api, "api");
    Objects.requireNonNull(baseUrl, "baseUrl");
    Objects.requireNonNull(headers, "headers");
    List<String> fixed = fixed(headers);
    T made = DirectTarget.of(api, baseUrl, fixed, parts, () -> {
      feignTargets.incrementAndGet();
      return feignClient(api, baseUrl, fixed);
    });
    if (!warmedUp.isDone()) { // kept for the warm-up only, which forgets them once prepared
      targets.add(DirectTarget.of(made));
    }
    return made;
  }

  /** Headers as names and values, alternating, each checked non-null; immutable. */
  private static List<String> fixed(Map<String, String> headers) {
    List<String> fixed = new ArrayList<>(2 * headers.size());
    headers.forEach((name, value) -> {
      fixed.add(Objects.requireNonNull(name, "header name"));
      fixed.add(Objects.requireNonNull(value, () -> "header " + name));
    });
    return List.copyOf(fixed);
  }

  /**
   * Starts building, on a short-lived daemon thread ({@code browser-sessions-warm-up}), what the
   * first call of this plumbing's clients needs and would otherwise build on the caller's thread;
   * see {@link #warmUp(List)}. A provider with several {@code VendorHttp}s warms them up together
   * with that method instead (one thread).
   */
  public void warmUp() {
    warmUp(List.of(this));
  }

  /**
   * Starts building, on one short-lived daemon thread ({@code browser-sessions-warm-up}), what the
   * first call of these {@code VendorHttp}s' clients needs and would otherwise build on the
   * caller's thread: the shared {@code HttpClient} of their settings (built, not held: no lease
   * is taken beyond the warm-up, so a provider built and never used holds no client; see {@code
   * JdkClient.prepare()}), the retry policies, the deadline sweeper, the JSON mappers, the clients'
   * endpoints and the JSON readers of their answers. It sends nothing and ends when that is done.
   *
   * <p>So building a provider starts a thread: this short-lived daemon thread, which builds the
   * {@code HttpClient}, and building the {@code HttpClient} starts the JDK's own selector thread
   * ({@code HttpClient-N-SelectorManager}, a daemon; on Java 17 kept for the JVM's life, one per
   * configuration, see {@code SharedHttpClients}). Nothing is sent. This is deliberate: the first
   * call of a provider then finds the client built instead of building it.
   * A provider calls it once its clients are made, at the end of its construction; a call made
   * before the warm-up ends waits for what it needs, never longer than building it would take.
   * Idempotent per {@code VendorHttp}; nothing for one already closed.
   *
   * @param plumbing the provider's {@code VendorHttp}s
   */
  public static void warmUp(List<VendorHttp> plumbing) {
    List<VendorHttp> todo = new ArrayList<>();
    for (VendorHttp v : plumbing) {
      if (v.warming.compareAndSet(false, true)) {
        todo.add(v);
      }
    }
    if (todo.isEmpty()) {
      return;
    }
    Thread t = new Thread(() -> {
      try {
        BodyDeadlines.prepare();
      } catch (RuntimeException | LinkageError e) {
        // only a head start: the first call builds what is missing and reports any failure
      }
      todo.forEach(VendorHttp::prepare);
    }, "browser-sessions-warm-up");
    t.setDaemon(true);
    t.start();
  }

  /** Builds what this plumbing's first call needs; the warm-up thread's work for one of them. */
  private void prepare() {
    try {
      client.prepare();
      calls.prepare();
      mapper.get();
      List<DirectTarget> prepared = List.copyOf(targets);
      prepared.forEach(DirectTarget::prepare);
      targets.removeAll(prepared); // nothing else needs them
    } catch (RuntimeException | LinkageError e) {
      // only a head start: the first call builds what is missing and reports any failure
    } finally {
      warmedUp.complete(null);
    }
  }

  /**
   * How many of this plumbing's clients have built their Feign target: a client builds it on its
   * first call that the direct path does not resolve (see {@code DirectTarget}), so a provider's
   * tests can check that the calls of its real interfaces go the direct way.
   *
   * @return the number of Feign targets built so far
   */
  public int feignTargetsBuilt() {
    return feignTargets.get();
  }

  /**
   * The Feign target of an interface, which resolves every call with Feign's templates: what
   * {@link #client} falls back to (and what its direct path is tested against).
   */
  <T> T feignClient(Class<T> api, URI baseUrl, Map<String, String> headers) {
    return feignClient(api, baseUrl, fixed(headers));
  }

  private <T> T feignClient(Class<T> api, URI baseUrl, List<String> fixed) {
    return Feign.builder()
        .client(client)
        .encoder(json)
        .decoder(decoder)
        .errorDecoder(this::decodeError)
        .retryer(Retryer.NEVER_RETRY)
        .requestInterceptor(t -> {
          for (int i = 0; i < fixed.size(); i += 2) {
            t.headerLiteral(fixed.get(i), fixed.get(i + 1));
          }
        })
        .target(api, baseUrl.toString());
  }

  /**
   * The retrying call runner.
   *
   * @return the calls
   */
  public VendorCalls calls() {
    return calls;
  }

  /**
   * The JSON mapper the clients use, built on the first call of this method or the first request
   * (building one costs a few hundred milliseconds in a cold JVM).
   *
   * @return the mapper
   */
  public ObjectMapper mapper() {
    return mapper.get();
  }

  /**
   * The settings.
   *
   * @return the settings
   */
  public HttpSettings settings() {
    return settings;
  }

  /**
   * Maps an error answer (also usable by providers that read a response themselves).
   *
   * @param methodKey Feign's name of the method called
   * @param response the answer
   * @return the exception
   */
  public RuntimeException decodeError(String methodKey, Response response) {
    String body = readBody(response);
    Request request = response.request();
    String redacted = redactor.apply(body);
    HttpFailure f =
        new HttpFailure(
            response.status(),
            request.httpMethod().name(),
            path(request.url()),
            response.headers(),
            redacted,
            ErrorBody.parse(mapper.get(), redacted));
    return errors.map(f);
  }

  @Override
  public String toString() {
    return "VendorHttp[" + provider + " → " + vendor + "]";
  }

  private static String readBody(Response response) {
    if (response.body() == null) {
      return null;
    }
    try {
      return BytesBody.text(BytesBody.of(response, MAX_ERROR_BODY), MAX_ERROR_BODY);
    } catch (IOException e) {
      return null;
    }
  }

  static String path(String url) {
    int scheme = url.indexOf("://");
    int slash = scheme < 0 ? -1 : url.indexOf('/', scheme + 3);
    String p = slash < 0 ? "/" : url.substring(slash);
    int q = p.indexOf('?');
    return q < 0 ? p : p.substring(0, q);
  }

  private static String version() {
    Properties p = new Properties();
    try (InputStream in = VendorHttp.class.getResourceAsStream("version.properties")) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException e) {
      // fall through
    }
    String v = p.getProperty("version", "dev");
    return v.startsWith("${") ? "dev" : v;
  }

  /** Options for {@link VendorHttp}. */
  public static final class Builder {
    private final String provider;
    private final String vendor;
    private final HttpSettings settings;
    private Supplier<ObjectMapper> mapper;
    private HttpErrorMapper.Quirk quirk = HttpErrorMapper.Quirk.NONE;
    private UnaryOperator<Decoder> decoder = UnaryOperator.identity();
    private Clock clock = Clock.systemUTC();
    private final List<String> secrets = new java.util.ArrayList<>();

    private Builder(String provider, String vendor, HttpSettings settings) {
      this.provider = Objects.requireNonNull(provider, "provider");
      this.vendor = Objects.requireNonNull(vendor, "vendor");
      this.settings = Objects.requireNonNull(settings, "settings");
    }

    /**
     * The JSON mapper; default {@link VendorHttp#newMapper()}, built on first use.
     *
     * @param mapper the mapper
     * @return this builder
     */
    public Builder mapper(ObjectMapper mapper) {
      Objects.requireNonNull(mapper, "mapper");
      this.mapper = () -> mapper;
      return this;
    }

    /**
     * The JSON mapper, asked for once, on first use (e.g. {@link VendorHttp#lazyMapper()} shared
     * by several clients), so that building the client stays cheap.
     *
     * @param mapper supplies the mapper
     * @return this builder
     */
    public Builder mapper(Supplier<ObjectMapper> mapper) {
      this.mapper = Objects.requireNonNull(mapper, "mapper");
      return this;
    }

    /**
     * The vendor's adjustments to the error mapping.
     *
     * @param quirk the hook
     * @return this builder
     */
    public Builder quirk(HttpErrorMapper.Quirk quirk) {
      this.quirk = Objects.requireNonNull(quirk, "quirk");
      return this;
    }

    /**
     * Wraps the JSON decoder, e.g. to read server-sent events.
     *
     * @param decoder wraps the Jackson decoder
     * @return this builder
     */
    public Builder decoder(UnaryOperator<Decoder> decoder) {
      this.decoder = Objects.requireNonNull(decoder, "decoder");
      return this;
    }

    /**
     * A secret (e.g. the API key) to redact from anything the vendor sends back that ends up in
     * an exception.
     *
     * @param secret the secret; blank values are ignored
     * @return this builder
     */
    public Builder redact(String secret) {
      if (secret != null && !secret.isBlank()) {
        secrets.add(secret);
      }
      return this;
    }

    /**
     * The clock for HTTP-date {@code Retry-After} values.
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Builds it.
     *
     * @return the HTTP plumbing
     */
    public VendorHttp build() {
      return new VendorHttp(this);
    }
  }
}
