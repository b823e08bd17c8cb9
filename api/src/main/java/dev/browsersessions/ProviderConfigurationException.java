package dev.browsersessions;

/**
 * A provider's configuration is missing or invalid, for example a missing API key or a negative
 * timeout. The message names the key, where it can be set, and never shows a secret value.
 */
public class ProviderConfigurationException extends BrowserSessionException {

  private static final long serialVersionUID = 1L;

  /** The configuration key at fault, or {@code null}. */
  private final String key;

  /**
   * Creates the exception.
   *
   * @param message what is wrong and how to fix it
   * @param provider the provider's name, or {@code null}
   * @param key the configuration key at fault, or {@code null}
   */
  public ProviderConfigurationException(String message, String provider, String key) {
    super(message, provider);
    this.key = key;
  }

  /**
   * The configuration key at fault.
   *
   * @return the key, when one key is at fault
   */
  public java.util.Optional<String> key() {
    return java.util.Optional.ofNullable(key);
  }
}
