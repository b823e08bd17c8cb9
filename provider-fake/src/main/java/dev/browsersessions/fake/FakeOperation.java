package dev.browsersessions.fake;

/**
 * The calls a {@link FakeProvider} records in {@link FakeProvider#calls()} and can be made to fail
 * with {@link FakeProvider#failNext(FakeOperation, int, java.util.function.Supplier)}.
 */
public enum FakeOperation {
  /** {@link FakeProvider#create(dev.browsersessions.SessionRequest)}. */
  CREATE,
  /** {@link FakeProvider#status(String)}. */
  STATUS,
  /** {@link FakeProvider#stop(String)}. */
  STOP,
  /** {@link FakeProvider#list(dev.browsersessions.SessionFilter)}. */
  LIST,
  /** {@link FakeProvider#close()}. */
  CLOSE
}
