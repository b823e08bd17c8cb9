package dev.browsersessions.cli;

import dev.browsersessions.stagehand.sim.StagehandSimulator;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The runnable jar against the Stagehand and Browserbase simulator on loopback. */
class StagehandJarIT extends JarLifecycleContract {

  private static final String KEY = "bb-stagehand-jar-it";
  private static StagehandSimulator sim;

  @BeforeAll
  static void startSimulator() {
    sim = StagehandSimulator.start(KEY);
  }

  @AfterAll
  static void stopSimulator() {
    sim.close();
  }

  @Override
  String provider() {
    return "stagehand";
  }

  @Override
  JarProcess jar() {
    return new JarProcess(work).env("BROWSERBASE_API_KEY", KEY);
  }

  @Override
  List<String> config() {
    return List.of(
        "stagehand-url=" + sim.stagehandUrl(),
        "browserbase-url=" + sim.browserbaseUrl(),
        "max-retries=0",
        "stop-poll-interval=50ms");
  }
}
