/**
 * Not for public use: internal plumbing of the REST providers, exported only to them; any type
 * here may change or go away in any release.
 *
 * <p>{@link dev.browsersessions.http.VendorHttp} builds Feign clients from {@link
 * dev.browsersessions.http.HttpSettings}, {@link dev.browsersessions.http.HttpErrorMapper} maps
 * HTTP errors to this library's exceptions, {@link dev.browsersessions.http.VendorCalls} applies
 * the retry rules with Failsafe, {@link dev.browsersessions.http.LostCreates} reconciles creates
 * whose answer was lost and {@link dev.browsersessions.http.TerminalWait} confirms stops.
 */
package dev.browsersessions.http;
