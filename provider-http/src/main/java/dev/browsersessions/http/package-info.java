/**
 * Plumbing shared by REST providers: {@link dev.browsersessions.http.VendorHttp} builds Feign
 * clients from {@link dev.browsersessions.http.HttpSettings}, {@link
 * dev.browsersessions.http.HttpErrorMapper} maps HTTP errors to this library's exceptions, and
 * {@link dev.browsersessions.http.VendorCalls} applies the retry rules with Failsafe. For provider
 * authors, not for users.
 */
package dev.browsersessions.http;
