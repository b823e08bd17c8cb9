package dev.browsersessions.bench;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The kind of thread the lifecycle callers run on: platform threads always, virtual threads when
 * the running JDK has them (Java 21+). The suite is compiled for release 17, so virtual threads are
 * made through a method handle on {@code Thread.ofVirtual().unstarted(Runnable)}.
 */
public final class Callers {

  private static final MethodHandle VIRTUAL = virtualFactory();

  private final String name;
  private final boolean virtual;

  private Callers(String name, boolean virtual) {
    this.name = name;
    this.virtual = virtual;
  }

  /**
   * Platform threads.
   *
   * @return the kind
   */
  public static Callers platform() {
    return new Callers("platform", false);
  }

  /**
   * Virtual threads, if this JDK has them.
   *
   * @return the kind, or empty before Java 21
   */
  public static Optional<Callers> virtual() {
    return VIRTUAL == null ? Optional.empty() : Optional.of(new Callers("virtual", true));
  }

  /**
   * Platform threads, then virtual threads when available.
   *
   * @return the kinds to measure
   */
  public static List<Callers> available() {
    List<Callers> all = new ArrayList<>(List.of(platform()));
    virtual().ifPresent(all::add);
    return all;
  }

  /**
   * The kind's name.
   *
   * @return platform or virtual
   */
  public String name() {
    return name;
  }

  /**
   * An unstarted thread of this kind.
   *
   * @param task what it runs
   * @param threadName its name
   * @return the thread
   */
  public Thread thread(Runnable task, String threadName) {
    if (!virtual) {
      return new Thread(task, threadName);
    }
    try {
      Thread t = (Thread) VIRTUAL.invoke(task);
      t.setName(threadName);
      return t;
    } catch (Throwable e) {
      throw new IllegalStateException("cannot create a virtual thread", e);
    }
  }

  private static MethodHandle virtualFactory() {
    if (Runtime.version().feature() < 21) {
      return null;
    }
    try {
      MethodHandles.Lookup lookup = MethodHandles.publicLookup();
      Class<?> builder = Class.forName("java.lang.Thread$Builder");
      Object ofVirtual = lookup.findStatic(Thread.class, "ofVirtual",
          MethodType.methodType(Class.forName("java.lang.Thread$Builder$OfVirtual"))).invoke();
      return lookup.findVirtual(builder, "unstarted",
          MethodType.methodType(Thread.class, Runnable.class)).bindTo(ofVirtual);
    } catch (Throwable e) {
      throw new IllegalStateException("Java " + Runtime.version().feature()
          + " should have Thread.ofVirtual()", e);
    }
  }
}
