/**
 * A Spring Boot service that hands out browser sessions: {@code POST /sessions} starts one, {@code
 * GET /sessions} lists those open, {@code DELETE /sessions/{id}} stops one. Health and metrics come
 * from Actuator and browser-sessions-spring-boot-starter; shutting down stops what is still open.
 */
package dev.browsersessions.examples.spring;
