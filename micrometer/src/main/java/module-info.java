/**
 * Micrometer observations for browser-sessions: {@link
 * dev.browsersessions.micrometer.MicrometerSessionListener}.
 */
module dev.browsersessions.micrometer {
  requires transitive dev.browsersessions;
  requires transitive micrometer.core;
  requires transitive micrometer.observation;
  requires transitive micrometer.commons;

  exports dev.browsersessions.micrometer;
}
