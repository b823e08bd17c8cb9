package dev.browsersessions.cli.internal;

/** Registers the work to do when the process is asked to end (Ctrl-C, SIGTERM). */
public interface ShutdownHooks {

  /**
   * Registers a hook.
   *
   * @param hook the thread to start at shutdown
   */
  void add(Thread hook);

  /**
   * Removes a hook that is no longer needed. Does nothing once shutdown has begun.
   *
   * @param hook the hook given to {@link #add(Thread)}
   */
  void remove(Thread hook);

  /**
   * The JVM's own shutdown hooks.
   *
   * @return hooks backed by {@link Runtime#addShutdownHook(Thread)}
   */
  static ShutdownHooks jvm() {
    return new ShutdownHooks() {
      @Override
      public void add(Thread hook) {
        Runtime.getRuntime().addShutdownHook(hook);
      }

      @Override
      public void remove(Thread hook) {
        try {
          Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
          // Shutdown has begun: the hook runs (or ran) anyway.
        }
      }
    };
  }
}
