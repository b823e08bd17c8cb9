package dev.browsersessions;

/**
 * A request asked for an option or operation the selected provider does not offer. Options are
 * never silently dropped: either the provider honours them or this exception is thrown before any
 * session is started.
 */
public class UnsupportedCapabilityException extends BrowserSessionException {

  private static final long serialVersionUID = 1L;

  /** The capability the provider lacks. */
  private final Capability capability;

  /**
   * Creates the exception with a standard message.
   *
   * @param capability what is not supported
   * @param provider the provider's name
   */
  public UnsupportedCapabilityException(Capability capability, String provider) {
    this(
        capability,
        provider,
        "Provider '" + provider + "' does not support " + capability.describe()
            + " (capability " + capability + "); remove that option or choose a provider that"
            + " declares it in capabilities()");
  }

  /**
   * Creates the exception with a specific message.
   *
   * @param capability what is not supported
   * @param provider the provider's name
   * @param message the explanation
   */
  public UnsupportedCapabilityException(Capability capability, String provider, String message) {
    super(message, provider);
    this.capability = capability;
  }

  /**
   * The capability that is missing.
   *
   * @return the capability
   */
  public Capability capability() {
    return capability;
  }
}
