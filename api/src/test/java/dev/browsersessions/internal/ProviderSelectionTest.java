package dev.browsersessions.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.browsersessions.BrowserSessions;
import dev.browsersessions.ProviderConfig;
import dev.browsersessions.ProviderConfigurationException;
import dev.browsersessions.ProviderNotFoundException;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One test per branch of the documented selection algorithm. */
class ProviderSelectionTest {

  @TempDir Path dir;

  private static final Map<String, String> NONE = Map.of();

  private ClassLoader registering(Class<?>... factories) throws IOException {
    return registeringNames(
        Arrays.stream(factories).map(Class::getName).toArray(String[]::new));
  }

  private ClassLoader registeringNames(String... classNames) throws IOException {
    Path services = dir.resolve("META-INF/services");
    Files.createDirectories(services);
    Files.writeString(
        services.resolve("dev.browsersessions.spi.BrowserSessionProviderFactory"),
        Arrays.stream(classNames).collect(Collectors.joining("\n", "# test\n", "\n")));
    return new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader());
  }

  private static String pick(String argument, Map<String, String> props, Map<String, String> env,
      ClassLoader cl) {
    String name = ProviderSelection.requestedName(argument, props::get, env::get);
    return ProviderSelection.select(name, ProviderSelection.discover(cl)).name();
  }

  @Test
  void explicitArgumentWinsOverPropertyAndEnvironment() throws IOException {
    ClassLoader cl = registering(TestFactories.Alpha.class, TestFactories.Beta.class);
    assertThat(
            pick("beta", Map.of(ProviderSelection.PROPERTY, "alpha"),
                Map.of(ProviderSelection.ENV, "alpha"), cl))
        .isEqualTo("beta");
  }

  @Test
  void systemPropertyWinsOverEnvironment() throws IOException {
    ClassLoader cl = registering(TestFactories.Alpha.class, TestFactories.Beta.class);
    assertThat(
            pick(null, Map.of(ProviderSelection.PROPERTY, "beta"),
                Map.of(ProviderSelection.ENV, "alpha"), cl))
        .isEqualTo("beta");
  }

  @Test
  void environmentVariableNamesTheProvider() throws IOException {
    ClassLoader cl = registering(TestFactories.Alpha.class, TestFactories.Beta.class);
    assertThat(pick(" ", NONE, Map.of(ProviderSelection.ENV, "beta"), cl)).isEqualTo("beta");
  }

  @Test
  void theOnlyProviderFoundIsUsedWithoutAName() throws IOException {
    ClassLoader cl = registering(TestFactories.Beta.class);
    assertThat(pick(null, NONE, NONE, cl)).isEqualTo("beta");
  }

  @Test
  void noProviderFoundSaysWhatToAdd() throws IOException {
    ClassLoader cl = registering();
    assertThatThrownBy(() -> pick(null, NONE, NONE, cl))
        .isInstanceOf(ProviderNotFoundException.class)
        .hasMessageContaining("No browser-sessions provider is on the class path")
        .hasMessageContaining("browser-sessions-provider-notte");
  }

  @Test
  void severalProvidersWithoutANameListThemAndSayHowToChoose() throws IOException {
    ClassLoader cl = registering(TestFactories.Beta.class, TestFactories.Alpha.class);
    assertThatThrownBy(() -> pick(null, NONE, NONE, cl))
        .isInstanceOf(ProviderNotFoundException.class)
        .hasMessageContaining("[alpha, beta]")
        .hasMessageContaining("BrowserSessions.create(\"alpha\")")
        .hasMessageContaining("-Dbrowsersessions.provider=alpha")
        .hasMessageContaining("BROWSERSESSIONS_PROVIDER=alpha");
  }

  @Test
  void unknownNameListsWhatWasFoundAndTheArtifactToAdd() throws IOException {
    ClassLoader cl = registering(TestFactories.Alpha.class);
    assertThatThrownBy(() -> pick("gamma", NONE, NONE, cl))
        .isInstanceOf(ProviderNotFoundException.class)
        .hasMessageContaining("'gamma'")
        .hasMessageContaining("Found: [alpha]")
        .hasMessageContaining("browser-sessions-provider-gamma");
  }

  @Test
  void twoFactoriesWithOneNameAreRefusedEvenWhenNamed() throws IOException {
    ClassLoader cl = registering(TestFactories.Alpha.class, TestFactories.AlphaTwin.class);
    assertThatThrownBy(() -> pick("alpha", NONE, NONE, cl))
        .isInstanceOf(ProviderNotFoundException.class)
        .hasMessageContaining("claim the provider name 'alpha'")
        .hasMessageContaining(TestFactories.AlphaTwin.class.getName());
    assertThatThrownBy(() -> pick(null, NONE, NONE, cl))
        .isInstanceOf(ProviderNotFoundException.class)
        .hasMessageContaining("claim the provider name 'alpha'");
  }

  @Test
  void aDuplicateOfAnotherNameDoesNotBlockTheNamedProvider() throws IOException {
    ClassLoader cl = registering(
        TestFactories.Alpha.class, TestFactories.AlphaTwin.class, TestFactories.Beta.class);
    assertThat(pick("beta", NONE, NONE, cl)).isEqualTo("beta");
  }

  @Test
  void aFactoryIsAskedItsNameOnceAndSelectedByTheNameCheckedThen() throws IOException {
    ClassLoader cl = registering(TestFactories.NameOnce.class);
    ProviderSelection.Discovery d = ProviderSelection.discover(cl);

    assertThat(d.problems()).isEmpty();
    assertThat(d.byName()).containsOnlyKeys("gamma");
    assertThat(ProviderSelection.select(null, d)).isInstanceOf(TestFactories.NameOnce.class);
    assertThat(ProviderSelection.select("gamma", d)).isInstanceOf(TestFactories.NameOnce.class);
    assertThat(d.nameOf(ProviderSelection.select(null, d))).isEqualTo("gamma");
  }

  @Test
  void aClientIsBuiltWithTheNameItsFactoryAnsweredOnce() throws IOException {
    ClassLoader cl = registering(TestFactories.NameOnce.class);
    try (BrowserSessions sessions = BrowserSessions.builder().classLoader(cl).build()) {
      assertThat(sessions.provider()).isEqualTo("gamma");
    }
  }

  @Test
  void brokenRegistrationsAreReportedAndDoNotHideTheOthers() throws IOException {
    ClassLoader cl =
        registeringNames(
            "com.example.DoesNotExist",
            TestFactories.ThrowingConstructor.class.getName(),
            TestFactories.class.getName(),
            TestFactories.BadName.class.getName(),
            TestFactories.Beta.class.getName());
    ProviderSelection.Discovery d = ProviderSelection.discover(cl);
    assertThat(d.byName()).containsOnlyKeys("beta");
    assertThat(d.problems()).hasSize(4);
    assertThat(String.join("\n", d.problems()))
        .contains("com.example.DoesNotExist")
        .contains("boom in constructor")
        .contains("TestFactories not a subtype")
        .contains("'Not A Name'");
    assertThat(pick(null, NONE, NONE, cl)).isEqualTo("beta");
  }

  @Test
  void brokenRegistrationsAppearInTheNotFoundMessage() throws IOException {
    ClassLoader cl = registeringNames("com.example.DoesNotExist");
    assertThatThrownBy(() -> pick(null, NONE, NONE, cl))
        .isInstanceOf(ProviderNotFoundException.class)
        .hasMessageContaining("Broken provider registrations")
        .hasMessageContaining("com.example.DoesNotExist");
  }

  @Test
  void clientBuildsTheSelectedProviderWithConfigBoundToItsName() throws IOException {
    ClassLoader cl = registering(TestFactories.Alpha.class, TestFactories.Beta.class);
    try (BrowserSessions sessions =
        BrowserSessions.builder()
            .classLoader(cl)
            .provider("alpha")
            .config(ProviderConfig.builder().put("api-key", "k").build())
            .build()) {
      assertThat(sessions.provider()).isEqualTo("alpha");
    }
  }

  @Test
  void clientSelectionHonoursTheSystemProperty() throws IOException {
    ClassLoader cl = registering(TestFactories.Alpha.class, TestFactories.Beta.class);
    String old = System.getProperty(ProviderSelection.PROPERTY);
    System.setProperty(ProviderSelection.PROPERTY, "beta");
    try (BrowserSessions sessions = BrowserSessions.builder().classLoader(cl).build()) {
      assertThat(sessions.provider()).isEqualTo("beta");
    } finally {
      if (old == null) {
        System.clearProperty(ProviderSelection.PROPERTY);
      } else {
        System.setProperty(ProviderSelection.PROPERTY, old);
      }
    }
  }

  @Test
  void aFactoryThatFailsIsReportedAsAConfigurationProblemNamingIt() throws IOException {
    ClassLoader cl = registering(TestFactories.FailingCreate.class);
    assertThatThrownBy(() -> BrowserSessions.builder().classLoader(cl).build())
        .isInstanceOf(ProviderConfigurationException.class)
        .hasMessageContaining("'failing'")
        .hasMessageContaining("cannot build");
  }

  @Test
  void availableListsNothingWhenNoProviderIsOnTheClassPath() {
    assertThat(BrowserSessions.available()).isEmpty();
  }
}
