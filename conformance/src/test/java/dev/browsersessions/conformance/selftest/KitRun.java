package dev.browsersessions.conformance.selftest;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/** Runs the whole kit programmatically with the JUnit Platform Launcher, like a TCK self-test. */
public final class KitRun {

  private KitRun() {}

  /**
   * Runs every rule of the kit against fresh fixtures from a supplier.
   *
   * @param fixtures builds the provider for each test
   * @return what each test did
   */
  public static synchronized KitResult run(Supplier<Fixture> fixtures) {
    LaunchedKit.use(fixtures);
    try {
      Recorder recorder = new Recorder();
      Launcher launcher = LauncherFactory.create();
      launcher.execute(
          LauncherDiscoveryRequestBuilder.request().selectors(selectClass(LaunchedKit.class))
              .build(),
          recorder);
      return new KitResult(recorder.failed, recorder.aborted, recorder.passed);
    } finally {
      LaunchedKit.use(null);
    }
  }

  private static final class Recorder implements TestExecutionListener {
    final Map<String, String> failed = new TreeMap<>();
    final Map<String, String> aborted = new TreeMap<>();
    final Set<String> passed = new TreeSet<>();

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
      if (!test.isTest() || !(test.getSource().orElse(null) instanceof MethodSource source)) {
        if (result.getStatus() == TestExecutionResult.Status.FAILED) {
          failed.put("container " + test.getDisplayName(), message(result));
        }
        return;
      }
      String method = source.getMethodName();
      switch (result.getStatus()) {
        case SUCCESSFUL -> passed.add(method);
        case ABORTED -> aborted.put(method, message(result));
        case FAILED -> failed.put(method, message(result));
        default -> throw new IllegalStateException("unexpected status " + result.getStatus());
      }
    }

    @Override
    public void executionSkipped(TestIdentifier test, String reason) {
      if (test.isTest() && test.getSource().orElse(null) instanceof MethodSource source) {
        aborted.put(source.getMethodName(), reason);
      }
    }

    private static String message(TestExecutionResult result) {
      return result.getThrowable().map(Throwable::toString).orElse(result.getStatus().toString());
    }
  }
}
