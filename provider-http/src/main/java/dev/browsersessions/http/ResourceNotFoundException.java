package dev.browsersessions.http;

import dev.browsersessions.BrowserSessionException;

/**
 * A vendor answered 404. On a session path, {@link VendorCalls#session} turns it into a {@link
 * dev.browsersessions.SessionNotFoundException} naming the id.
 */
public class ResourceNotFoundException extends BrowserSessionException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what was not found
   * @param provider the provider's name
   */
  public ResourceNotFoundException(String message, String provider) {
    super(message, provider, 404, false, null);
  }
}
