package dev.browsersessions.stagehand;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.lang.module.Configuration;
import java.lang.module.ModuleFinder;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The provider on the module path: its module resolves, {@code provides} registers the factory,
 * and a status call works (Feign proxies and Jackson records under the module's {@code opens}).
 * Tests otherwise run on the class path.
 */
class ModulePathTest {

  private static final Set<String> MODULE_JARS = Set.of(
      "browser-sessions-api", "browser-sessions-provider-http", "jackson-databind",
      "jackson-core", "jackson-annotations", "jackson-datatype-jsr310", "feign-core",
      "failsafe");

  private final SimFixture fx = new SimFixture();

  @AfterEach
  void close() {
    fx.close();
  }

  @Test
  void factoryIsFoundAndWorksInAModuleLayer() throws Exception {
    Path[] paths = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .map(Path::of)
        .filter(p -> p.endsWith(Path.of("target", "classes"))
            || MODULE_JARS.stream().anyMatch(n -> p.getFileName().toString().startsWith(n + "-")))
        .toArray(Path[]::new);
    ModuleFinder finder = ModuleFinder.of(paths);
    Configuration cf = ModuleLayer.boot().configuration()
        .resolveAndBind(finder, ModuleFinder.of(), Set.of("dev.browsersessions.stagehand"));
    ModuleLayer layer = ModuleLayer.boot()
        .defineModulesWithOneLoader(cf, ClassLoader.getPlatformClassLoader());
    assertThat(layer.findModule("dev.browsersessions.stagehand")).isPresent();

    ClassLoader loader = layer.findLoader("dev.browsersessions");
    Class<?> factoryType = loader.loadClass("dev.browsersessions.spi.BrowserSessionProviderFactory");
    Object factory = ServiceLoader.load(layer, factoryType).stream()
        .map(ServiceLoader.Provider::get)
        .filter(f -> "stagehand".equals(invoke(f, "name")))
        .findFirst().orElseThrow();
    assertThat(factory.getClass().getModule().getName()).isEqualTo("dev.browsersessions.stagehand");

    Class<?> configType = loader.loadClass("dev.browsersessions.ProviderConfig");
    Object builder = configType.getMethod("builder").invoke(null);
    Class<?> builderType = builder.getClass();
    builderType.getMethod("environment", Map.class).invoke(builder, Map.of());
    Method put = builderType.getMethod("put", String.class, String.class);
    put.invoke(builder, "api-key", SimFixture.KEY);
    put.invoke(builder, "browserbase-url", fx.sim.browserbaseUrl().toString());
    put.invoke(builder, "live-view", "false");
    Object config = builderType.getMethod("build").invoke(builder);
    Object provider = factoryType.getMethod("create", configType).invoke(factory, config);

    String id = fx.sim.addBrowserbaseOnlySession(Map.of("k", "v"));
    Object info = loader.loadClass("dev.browsersessions.spi.BrowserSessionProvider")
        .getMethod("status", String.class).invoke(provider, id);
    assertThat(invoke(invoke(info, "status"), "name")).isEqualTo("ACTIVE");
    assertThat(invoke(info, "metadata")).isEqualTo(Map.of("k", "v"));
  }

  private static Object invoke(Object target, String method) {
    try {
      Method m = target.getClass().getMethod(method);
      m.setAccessible(true);
      return m.invoke(target);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }
}
