package dev.browsersessions.fake;

import static org.assertj.core.api.Assertions.assertThat;

import dev.browsersessions.BrowserSessions;
import java.lang.module.Configuration;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The fake as a named module: its descriptor, and ServiceLoader discovery on a module path. */
class FakeModuleTest {

  private static final String SERVICE = "dev.browsersessions.spi.BrowserSessionProviderFactory";

  private static Path location(Class<?> type) throws URISyntaxException {
    return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
  }

  @Test
  void descriptorExportsOnlyThePublicPackageAndProvidesTheFactory() throws Exception {
    ModuleDescriptor d =
        ModuleFinder.of(location(FakeProvider.class))
            .find("dev.browsersessions.fake")
            .orElseThrow()
            .descriptor();

    assertThat(d.exports())
        .extracting(ModuleDescriptor.Exports::source)
        .containsExactly("dev.browsersessions.fake");
    assertThat(d.packages())
        .contains("dev.browsersessions.fake", "dev.browsersessions.fake.internal");
    assertThat(d.requires())
        .extracting(ModuleDescriptor.Requires::name)
        .contains("dev.browsersessions");
    assertThat(d.provides())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.service()).isEqualTo(SERVICE);
              assertThat(p.providers()).containsExactly(FakeProviderFactory.class.getName());
            });
  }

  @Test
  void serviceLoaderFindsTheFactoryOnAModulePath() throws Exception {
    ModuleFinder finder =
        ModuleFinder.of(location(BrowserSessions.class), location(FakeProvider.class));
    Configuration cf =
        ModuleLayer.boot()
            .configuration()
            .resolveAndBind(finder, ModuleFinder.of(), Set.of("dev.browsersessions"));
    ModuleLayer layer =
        ModuleLayer.boot().defineModulesWithOneLoader(cf, ClassLoader.getPlatformClassLoader());
    Class<?> service = layer.findLoader("dev.browsersessions").loadClass(SERVICE);

    List<String> names =
        ServiceLoader.load(layer, service).stream()
            .map(ServiceLoader.Provider::get)
            .map(FakeModuleTest::nameOf)
            .toList();

    assertThat(names).containsExactly("fake");
  }

  private static String nameOf(Object factory) {
    try {
      return (String) factory.getClass().getMethod("name").invoke(factory);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }
}
