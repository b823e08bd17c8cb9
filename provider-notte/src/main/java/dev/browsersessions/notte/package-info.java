/**
 * The {@code notte} provider: Notte's cloud browser sessions, and Notte-only extras (cookies,
 * agent stop, legacy close) on {@link dev.browsersessions.notte.NotteProvider}.
 */
package dev.browsersessions.notte;
