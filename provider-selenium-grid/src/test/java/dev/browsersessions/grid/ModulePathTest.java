package dev.browsersessions.grid;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.File;
import java.lang.module.Configuration;
import java.lang.module.ModuleFinder;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The provider on the module path: its module resolves, {@code provides} registers the factory,
 * and a create works (the Feign proxy of the internal API and the Jackson wire records under the
 * module's {@code opens}), against a canned Grid answer. Tests otherwise run on the class path.
 */
class ModulePathTest {

  private static final Set<String> MODULE_JARS = Set.of(
      "browser-sessions-api", "browser-sessions-provider-http", "jackson-databind",
      "jackson-core", "jackson-annotations", "jackson-datatype-jsr310", "feign-core",
      "failsafe");
  private static final String ID = "0123456789abcdef0123456789abcdef";

  private HttpServer grid;

  @BeforeEach
  void cannedGrid() {
    grid = Loopback.server();
    grid.createContext("/session", exchange -> Loopback.json(exchange, 200,
        "{\"value\":{\"sessionId\":\"" + ID + "\",\"capabilities\":{\"browserName\":"
            + "\"chrome\",\"se:cdp\":\"ws://elsewhere:4444/session/" + ID + "/se/cdp\","
            + "\"browsersessions:options\":{\"attempt\":\"a-1\",\"tags\":{\"k\":\"v\"}}}}}"));
  }

  @AfterEach
  void stop() {
    grid.stop(0);
  }

  @Test
  void factoryIsFoundAndWorksInAModuleLayer() throws Exception {
    Path[] paths = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .map(Path::of)
        .filter(p -> p.endsWith(Path.of("target", "classes"))
            || MODULE_JARS.stream().anyMatch(n -> p.getFileName().toString().startsWith(n + "-")))
        .toArray(Path[]::new);
    Configuration cf = ModuleLayer.boot().configuration()
        .resolveAndBind(ModuleFinder.of(paths), ModuleFinder.of(), Set.of("dev.browsersessions.grid"));
    ModuleLayer layer = ModuleLayer.boot()
        .defineModulesWithOneLoader(cf, ClassLoader.getPlatformClassLoader());
    ClassLoader loader = layer.findLoader("dev.browsersessions");
    Class<?> factoryType = loader.loadClass("dev.browsersessions.spi.BrowserSessionProviderFactory");
    Object factory = ServiceLoader.load(layer, factoryType).stream()
        .map(ServiceLoader.Provider::get)
        .filter(f -> "selenium-grid".equals(invoke(f, "name")))
        .findFirst().orElseThrow();
    assertThat(factory.getClass().getModule().getName()).isEqualTo("dev.browsersessions.grid");

    Class<?> configType = loader.loadClass("dev.browsersessions.ProviderConfig");
    Object config = configType.getMethod("of", Map.class).invoke(null,
        Map.of("url", "http://127.0.0.1:" + grid.getAddress().getPort()));
    Object provider = factoryType.getMethod("create", configType).invoke(factory, config);
    Class<?> requestType = loader.loadClass("dev.browsersessions.SessionRequest");
    Object info = loader.loadClass("dev.browsersessions.spi.BrowserSessionProvider")
        .getMethod("create", requestType)
        .invoke(provider, requestType.getMethod("defaults").invoke(null));
    assertThat(invoke(info, "id")).isEqualTo(ID);
    assertThat(invoke(info, "metadata")).isEqualTo(Map.of("k", "v"));
    assertThat(invoke(info, "cdpUrl").toString()).contains("127.0.0.1:" + grid.getAddress().getPort());
  }

  private static Object invoke(Object target, String method) {
    try {
      Method m = target.getClass().getMethod(method);
      m.setAccessible(true);
      return m.invoke(target);
    } catch (InvocationTargetException e) {
      throw new IllegalStateException(e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }
}
