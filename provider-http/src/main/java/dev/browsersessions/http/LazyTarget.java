package dev.browsersessions.http;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.util.function.Supplier;

/**
 * A vendor interface whose Feign target is built on its first call (reading the interface's
 * annotations and building Feign's method handlers costs tens of milliseconds in a cold JVM).
 * Calls go to the Feign target's own invocation handler: no reflection per call.
 */
final class LazyTarget implements InvocationHandler {

  private final Class<?> api;
  private final URI baseUrl;
  private final Lazy<InvocationHandler> target;

  private LazyTarget(Class<?> api, URI baseUrl, Supplier<?> build) {
    this.api = api;
    this.baseUrl = baseUrl;
    this.target = new Lazy<>(() -> Proxy.getInvocationHandler(build.get()));
  }

  /**
   * A client of {@code api} that builds the real one on its first call.
   *
   * @param api the Feign interface
   * @param baseUrl the base URL, for {@code toString}
   * @param build builds the Feign target
   * @param <T> the interface
   * @return the client
   */
  static <T> T of(Class<T> api, URI baseUrl, Supplier<T> build) {
    return api.cast(Proxy.newProxyInstance(
        api.getClassLoader(), new Class<?>[] {api}, new LazyTarget(api, baseUrl, build)));
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
    return target.get().invoke(proxy, method, args);
  }
}
