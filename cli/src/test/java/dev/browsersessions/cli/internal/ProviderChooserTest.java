package dev.browsersessions.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintStream;
import java.io.OutputStream;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class ProviderChooserTest {

  private static final Set<String> SEVERAL = new TreeSet<>(Set.of("fake", "local", "notte"));

  @Test
  void severalProvidersAndNoNameAsksForProvider() {
    ProviderChooser.Choice c = chooser(null, Map.of(), Map.of()).choose(SEVERAL);

    assertThat(c.name()).isEmpty();
    assertThat(c.outcome()).isEqualTo(ProviderChooser.Outcome.AMBIGUOUS);
    assertThat(c.reason())
        .contains("fake, local, notte")
        .contains("--provider NAME")
        .contains("BROWSERSESSIONS_PROVIDER");
  }

  @Test
  void theOptionWinsOverPropertyAndEnvironment() {
    ProviderChooser.Choice c =
        chooser(
                "local",
                Map.of(ProviderChooser.PROPERTY, "notte"),
                Map.of(ProviderChooser.ENV, "fake"))
            .choose(SEVERAL);

    assertThat(c.name()).contains("local");
    assertThat(c.reason()).contains("--provider");
  }

  @Test
  void thePropertyWinsOverTheEnvironment() {
    ProviderChooser.Choice c =
        chooser(null, Map.of(ProviderChooser.PROPERTY, "notte"), Map.of(ProviderChooser.ENV, "fake"))
            .choose(SEVERAL);

    assertThat(c.name()).contains("notte");
    assertThat(c.reason()).contains("system property");
  }

  @Test
  void theEnvironmentNamesTheProviderWhenNothingElseDoes() {
    ProviderChooser.Choice c =
        chooser(null, Map.of(), Map.of(ProviderChooser.ENV, " fake ")).choose(SEVERAL);

    assertThat(c.name()).contains("fake");
    assertThat(c.reason()).contains("BROWSERSESSIONS_PROVIDER");
  }

  @Test
  void theOnlyProviderIsChosenWithoutAName() {
    ProviderChooser.Choice c = chooser(null, Map.of(), Map.of()).choose(Set.of("fake"));

    assertThat(c.name()).contains("fake");
    assertThat(c.outcome()).isEqualTo(ProviderChooser.Outcome.CHOSEN);
  }

  @Test
  void anUnknownNameOrNoProviderIsExplained() {
    ProviderChooser.Choice unknown = chooser("nope", Map.of(), Map.of()).choose(SEVERAL);
    ProviderChooser.Choice none = chooser(null, Map.of(), Map.of()).choose(Set.of());

    assertThat(unknown.outcome()).isEqualTo(ProviderChooser.Outcome.UNKNOWN_NAME);
    assertThat(unknown.reason()).contains("'nope'").contains("fake, local, notte");
    assertThat(none.outcome()).isEqualTo(ProviderChooser.Outcome.NONE_AVAILABLE);
    assertThat(none.reason()).contains("No provider");
  }

  private static ProviderChooser chooser(
      String option, Map<String, String> properties, Map<String, String> environment) {
    CommonOptions o = new CommonOptions();
    o.provider = option;
    PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream());
    CliEnvironment env =
        new CliEnvironment(
            nowhere, nowhere, null, ShutdownHooks.jvm(), properties::get, environment::get);
    return new ProviderChooser(o, env);
  }
}
