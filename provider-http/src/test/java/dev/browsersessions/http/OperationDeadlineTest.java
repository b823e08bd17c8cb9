package dev.browsersessions.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.browsersessions.observe.Operation;
import java.lang.ref.WeakReference;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * A thread that ran an operation keeps nothing of it: a container's pooled thread must not keep
 * this library's class loader (an undeployed application's) through a thread-local value.
 */
class OperationDeadlineTest {

  @Test
  void anOperationsDeadlineIsGoneAfterIt() {
    String result = OperationDeadline.within(Operation.STATUS, Duration.ofSeconds(5), () -> {
      assertThat(OperationDeadline.current()).isNotNull();
      // a nested operation keeps the outer deadline, and does not end it
      OperationDeadline outer = OperationDeadline.current();
      OperationDeadline.within(Operation.LIST, Duration.ofDays(1), () -> {
        assertThat(OperationDeadline.current()).isSameAs(outer);
        return null;
      });
      assertThat(OperationDeadline.current()).isSameAs(outer);
      return "done";
    });
    assertThat(result).isEqualTo("done");
    assertThat(OperationDeadline.current()).isNull();
  }

  @Test
  void aThreadThatRanAnOperationDoesNotKeepTheLibrarysClassLoader() throws Exception {
    CountDownLatch ran = new CountDownLatch(1);
    CountDownLatch end = new CountDownLatch(1);
    WeakReference<ClassLoader> loader = runOnAThreadThatStays(ran, end);
    try {
      assertThat(ran.await(10, TimeUnit.SECONDS)).isTrue();
      for (int i = 0; i < 100 && loader.get() != null; i++) { // bounded
        System.gc();
      }
      assertThat(loader.get()).as("the class loader, once unused, is collected").isNull();
    } finally {
      end.countDown();
    }
  }

  /** Runs an operation of an isolated copy of this package on a thread that stays alive. */
  private static WeakReference<ClassLoader> runOnAThreadThatStays(CountDownLatch ran,
      CountDownLatch end) throws Exception {
    URL classes = OperationDeadline.class.getProtectionDomain().getCodeSource().getLocation();
    ClassLoader isolated = new URLClassLoader(new URL[] {classes},
        OperationDeadlineTest.class.getClassLoader()) {
      @Override
      protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (!name.startsWith(OperationDeadline.class.getPackageName() + ".")) {
          return super.loadClass(name, resolve);
        }
        synchronized (getClassLoadingLock(name)) {
          Class<?> c = findLoadedClass(name);
          return c != null ? c : findClass(name);
        }
      }
    };
    AtomicReference<Method> within = new AtomicReference<>();
    within.set(isolated.loadClass(OperationDeadline.class.getName())
        .getDeclaredMethod("within", Operation.class, Duration.class, Supplier.class));
    within.get().setAccessible(true);
    assertThat(within.get().getDeclaringClass().getClassLoader()).isSameAs(isolated);
    Thread t = new Thread(() -> {
      try {
        // the thread keeps no reference of its own to the isolated classes once it ran
        within.getAndSet(null)
            .invoke(null, Operation.STATUS, Duration.ofSeconds(5), (Supplier<Object>) () -> "x");
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(e);
      } finally {
        ran.countDown();
      }
      try {
        end.await(30, TimeUnit.SECONDS); // stays alive, as a pooled thread does
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "pooled-thread");
    t.setDaemon(true);
    t.start();
    return new WeakReference<>(isolated);
  }
}
