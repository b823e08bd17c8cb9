/**
 * The HTTP side of the {@code stagehand} provider: Feign interfaces of the two APIs, built on
 * the shared client of {@code browser-sessions-provider-http}, and the decoder that reads
 * Stagehand's event streams.
 */
package dev.browsersessions.stagehand.internal.http;
