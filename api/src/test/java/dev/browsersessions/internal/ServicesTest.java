package dev.browsersessions.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one tolerant ServiceLoader loop behind provider and listener discovery. */
class ServicesTest {

  @TempDir Path dir;

  /** A registered implementation that loads. */
  public static final class Good implements Runnable {
    @Override
    public void run() {}
  }

  /** A registered implementation whose constructor fails. */
  public static final class Throwing implements Runnable {
    /** Fails. */
    public Throwing() {
      throw new IllegalStateException("boom in constructor");
    }

    @Override
    public void run() {}
  }

  private ClassLoader registering(List<String> classNames) throws IOException {
    Path services = dir.resolve("META-INF/services");
    Files.createDirectories(services);
    Files.write(services.resolve(Runnable.class.getName()), classNames);
    return new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader());
  }

  @Test
  void brokenRegistrationsAreReportedNamingTheServiceAndDoNotHideTheOthers() throws IOException {
    ClassLoader cl = registering(List.of("com.example.DoesNotExist", Throwing.class.getName(),
        ServicesTest.class.getName(), Good.class.getName()));

    Services.Loaded<Runnable> loaded = Services.load(Runnable.class, cl, "task");

    assertThat(loaded.found()).singleElement().isInstanceOf(Good.class);
    assertThat(loaded.problems()).hasSize(3)
        .allSatisfy(p -> assertThat(p).startsWith("a registered task could not be loaded: "));
    assertThat(String.join("\n", loaded.problems()))
        .contains("com.example.DoesNotExist")
        .contains("boom in constructor")
        .contains("ServicesTest not a subtype");
  }

  @Test
  void readingStopsAfterTheBoundOfBrokenEntries() throws IOException {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < Services.MAX_PROBLEMS + 10; i++) {
      names.add("com.example.Missing" + i);
    }
    names.add(Good.class.getName());

    Services.Loaded<Runnable> loaded = Services.load(Runnable.class, registering(names), "task");

    assertThat(loaded.problems()).hasSize(Services.MAX_PROBLEMS);
    assertThat(loaded.found()).isEmpty();
  }
}
