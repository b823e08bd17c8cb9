/**
 * Benchmarks of what the browser-sessions abstraction costs compared with a bare
 * {@link java.net.http.HttpClient} plus Jackson, on loopback servers. Entry point: {@link Main}.
 */
package dev.browsersessions.bench;
