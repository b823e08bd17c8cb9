package dev.browsersessions.observe;

import java.util.Locale;

/** The client calls a {@link SessionListener} hears about. */
public enum Operation {
  /**
   * {@link dev.browsersessions.BrowserSessions#start}, also when a warm session is handed out; the
   * warm pool's background starts are not reported as calls.
   */
  START,
  /**
   * {@link dev.browsersessions.BrowserSessions#stop} and {@link
   * dev.browsersessions.BrowserSession#stop}.
   */
  STOP,
  /** {@link dev.browsersessions.BrowserSessions#status}, {@code attach} and {@code refresh}. */
  STATUS,
  /** {@link dev.browsersessions.BrowserSessions#list}. */
  LIST;

  private final String tag = name().toLowerCase(Locale.ROOT);

  /**
   * The lower-case name, for metric tags and span names.
   *
   * @return e.g. {@code "start"}
   */
  public String tagValue() {
    return tag;
  }
}
