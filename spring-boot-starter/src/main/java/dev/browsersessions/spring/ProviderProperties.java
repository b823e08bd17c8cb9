package dev.browsersessions.spring;

import dev.browsersessions.ProviderConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * Maps {@code browsersessions.<provider>.<key>} properties onto a {@link ProviderConfig}, with
 * Spring's relaxed names: {@code api-key}, {@code apiKey} and {@code api_key} are all the
 * provider's key {@code api-key}, and nested YAML ({@code retry: {max-backoff: 5s}}) gives {@code
 * retry.max-backoff}.
 *
 * <p>Environment variables are left to {@code ProviderConfig} itself, which reads {@code
 * BROWSERSESSIONS_<PROVIDER>_<KEY>} and the vendor's own variables (such as {@code NOTTE_API_KEY})
 * exactly as outside Spring: Spring's mapping of environment variables cannot tell {@code
 * API_KEY} from {@code API.KEY}.
 */
final class ProviderProperties {

  private ProviderProperties() {}

  /**
   * The configuration for one provider.
   *
   * @param environment the application's environment
   * @param provider the provider's name
   * @return its explicit settings from the application's properties
   */
  static ProviderConfig configFor(Environment environment, String provider) {
    String prefix = "browsersessions." + provider;
    if (!ConfigurationPropertyName.isValid(prefix)) {
      // not a provider name anyway (e.g. upper case): the client's selection says so clearly
      return ProviderConfig.empty();
    }
    Map<String, String> raw =
        binder(environment)
            .bind(prefix, Bindable.mapOf(String.class, String.class))
            .orElse(Map.of());
    ProviderConfig.Builder config = ProviderConfig.builder();
    raw.forEach((key, value) -> config.put(canonicalKey(key), value));
    return config.build();
  }

  /**
   * A key as the provider spells it: lower case, words joined by {@code -}, sections by {@code .}.
   *
   * @param key e.g. {@code apiKey}, {@code API_KEY} or {@code api-key}
   * @return e.g. {@code api-key}
   */
  static String canonicalKey(String key) {
    StringBuilder b = new StringBuilder(key.length() + 4);
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      if (Character.isUpperCase(c)) {
        // a camelCase boundary, not a run of capitals (API_KEY)
        if (i > 0 && Character.isLowerCase(key.charAt(i - 1))) {
          b.append('-');
        }
        b.append(Character.toLowerCase(c));
      } else if (c == '_') {
        b.append('-');
      } else {
        b.append(c);
      }
    }
    return b.toString().toLowerCase(Locale.ROOT);
  }

  private static Binder binder(Environment environment) {
    if (!(environment instanceof ConfigurableEnvironment configurable)) {
      return Binder.get(environment);
    }
    List<PropertySource<?>> sources = new ArrayList<>();
    for (PropertySource<?> source : configurable.getPropertySources()) {
      if (!source.getName().equals(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME)
          && !(source.getSource() instanceof Iterable<?>)) { // Boot's attached view of them all
        sources.add(source);
      }
    }
    Iterable<ConfigurationPropertySource> adapted = ConfigurationPropertySources.from(sources);
    return new Binder(adapted);
  }
}
