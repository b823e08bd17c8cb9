/**
 * The in-memory {@code fake} browser-sessions provider, for users' own tests. Public API: {@link
 * dev.browsersessions.fake.FakeProvider}, {@link dev.browsersessions.fake.FakeProviders} and
 * {@link dev.browsersessions.fake.MutableClock}.
 */
module dev.browsersessions.fake {
  requires transitive dev.browsersessions;

  exports dev.browsersessions.fake;

  provides dev.browsersessions.spi.BrowserSessionProviderFactory with
      dev.browsersessions.fake.FakeProviderFactory;
}
