/**
 * Benchmarks of what the browser-sessions abstraction costs compared with a bare
 * {@link java.net.http.HttpClient} plus Jackson, against canned servers in JVMs of their own,
 * the two sides alternated ABBA; and the warm pool's start latency. Entry point: {@link Main}.
 */
package dev.browsersessions.bench;
