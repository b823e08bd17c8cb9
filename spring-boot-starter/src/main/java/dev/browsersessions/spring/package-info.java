/**
 * Spring Boot auto-configuration for browser-sessions: a {@code BrowserSessions} bean configured
 * from {@code browsersessions.*} properties and closed with the context, the Micrometer listener
 * when the application has a {@code MeterRegistry} or {@code ObservationRegistry}, and an Actuator
 * health indicator named {@code browserSessions}.
 */
package dev.browsersessions.spring;
