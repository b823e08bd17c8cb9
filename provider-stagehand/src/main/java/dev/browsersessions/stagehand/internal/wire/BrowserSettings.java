package dev.browsersessions.stagehand.internal.wire;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * {@code browserSettings} of a Browserbase session.
 *
 * @param viewport the window size, or {@code null}
 * @param solveCaptchas whether Browserbase solves captchas (its default is {@code true})
 * @param recordSession whether Browserbase records the session (its default is {@code true})
 * @param blockAds whether ads are blocked, or {@code null}
 * @param advancedStealth advanced stealth mode, or {@code null}
 * @param logSession whether Browserbase logs the session, or {@code null}
 * @param os the operating system to present, or {@code null}
 * @param context a persisted browser context, or {@code null}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BrowserSettings(
    ViewportSize viewport,
    Boolean solveCaptchas,
    Boolean recordSession,
    Boolean blockAds,
    Boolean advancedStealth,
    Boolean logSession,
    String os,
    BrowserContext context) {

  /**
   * A window size.
   *
   * @param width the width in CSS pixels
   * @param height the height in CSS pixels
   */
  public record ViewportSize(int width, int height) {}

  /**
   * A Browserbase context: saved cookies and storage.
   *
   * @param id the context's id
   * @param persist whether changes are saved back, or {@code null}
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record BrowserContext(String id, Boolean persist) {}
}
