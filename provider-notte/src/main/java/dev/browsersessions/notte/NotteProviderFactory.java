package dev.browsersessions.notte;

import dev.browsersessions.ProviderConfig;
import dev.browsersessions.spi.BrowserSessionProvider;
import dev.browsersessions.spi.BrowserSessionProviderFactory;

/**
 * Registers the {@code notte} provider with {@link java.util.ServiceLoader}.
 *
 * <table>
 *   <caption>Configuration keys (besides the HTTP keys of provider-http)</caption>
 *   <tr><th>Key</th><th>Also</th><th>Default</th><th>Meaning</th></tr>
 *   <tr><td>{@code api-key}</td><td>{@code NOTTE_API_KEY}</td><td>required</td><td>sent as
 *       {@code Authorization: Bearer}</td></tr>
 *   <tr><td>{@code base-url}</td><td>{@code NOTTE_API_URL}</td><td>{@code https://api.notte.cc}
 *       </td><td>the API</td></tr>
 *   <tr><td>{@code stop-confirm-timeout}</td><td></td><td>{@code 30s}</td><td>how long a stop
 *       waits for Notte to report the session ended</td></tr>
 *   <tr><td>{@code stop-poll-interval}</td><td></td><td>{@code 500ms}</td><td>status polling
 *       interval while confirming a stop</td></tr>
 *   <tr><td>{@code page-size}</td><td></td><td>{@code 100}</td><td>sessions per page when
 *       listing</td></tr>
 *   <tr><td>{@code legacy-close}</td><td></td><td>{@code false}</td><td>stop with the legacy
 *       {@code POST /session/close} of older deployments</td></tr>
 *   <tr><td>{@code lost-create}</td><td></td><td>{@code stop}</td><td>a create that failed after
 *       Notte may have started the session: {@code stop} finds and stops it, {@code report} only
 *       names the candidates in the failure, {@code ignore} looks for nothing</td></tr>
 *   <tr><td>{@code lost-create-clock-skew}</td><td></td><td>{@code 5s}</td><td>allowance around
 *       the attempt's window when matching Notte's {@code created_at}; also how long a create
 *       with no answer keeps looking</td></tr>
 * </table>
 */
public final class NotteProviderFactory implements BrowserSessionProviderFactory {

  /** Creates the factory; ServiceLoader calls this. */
  public NotteProviderFactory() {}

  @Override
  public String name() {
    return NotteProvider.NAME;
  }

  @Override
  public BrowserSessionProvider create(ProviderConfig config) {
    return NotteProvider.create(config);
  }
}
