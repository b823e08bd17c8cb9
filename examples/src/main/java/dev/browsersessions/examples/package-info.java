/** Runnable examples of the browser-sessions API, compiled against the API only. */
package dev.browsersessions.examples;
