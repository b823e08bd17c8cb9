package dev.browsersessions;

/**
 * No provider could be selected: none was found, several were found and none was named, the
 * named one is not on the class path, or two factories share one name. The message lists what was
 * found and what to add or set.
 */
public class ProviderNotFoundException extends BrowserSessionException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what was found and what to do
   */
  public ProviderNotFoundException(String message) {
    super(message, null);
  }
}
