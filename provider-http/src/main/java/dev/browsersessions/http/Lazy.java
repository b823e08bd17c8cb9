package dev.browsersessions.http;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * A value built on first use, once, thread-safely: what makes building a provider cheap (the
 * {@code HttpClient}, the JSON mapper and the Feign targets cost hundreds of milliseconds in a
 * cold JVM and are only needed by the first call).
 *
 * @param <T> the value
 */
final class Lazy<T> implements Supplier<T> {

  private Supplier<? extends T> init;
  private volatile T value;

  Lazy(Supplier<? extends T> init) {
    this.init = Objects.requireNonNull(init, "init");
  }

  @Override
  public T get() {
    T v = value;
    if (v != null) {
      return v;
    }
    synchronized (this) {
      if (value == null) {
        value = Objects.requireNonNull(init.get(), "lazy value");
        init = null;
      }
      return value;
    }
  }
}
