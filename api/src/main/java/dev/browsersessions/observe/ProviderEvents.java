package dev.browsersessions.observe;

/**
 * What a provider reports about the work it does inside one client call and that the client
 * cannot see: retries and lost creates. {@link dev.browsersessions.BrowserSessions} hands a
 * provider its sink once, through {@link
 * dev.browsersessions.spi.BrowserSessionProvider#reportTo(ProviderEvents)}, and only when at least
 * one {@link SessionListener} is registered; until then a provider holds {@link #NONE}.
 *
 * <p>A provider calls these on the thread doing the work, before it waits (for a retry) or after
 * it has decided (for a lost create). Implementations are thread-safe, return quickly and never
 * throw: a listener's failure is logged, not passed back.
 */
public interface ProviderEvents {

  /** Ignores every report: what a provider holds before a client hands it a sink. */
  ProviderEvents NONE =
      new ProviderEvents() {
        @Override
        public void retrying(Retry retry) {}

        @Override
        public void lostCreate(LostCreate lostCreate) {}
      };

  /**
   * The provider is about to retry a vendor call.
   *
   * @param retry which call, which attempt, after what
   */
  void retrying(Retry retry);

  /**
   * The provider reconciled a create whose answer was lost.
   *
   * @param lostCreate what it found and did
   */
  void lostCreate(LostCreate lostCreate);
}
