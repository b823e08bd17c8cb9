/**
 * Helpers of the conformance kit: bounded polling, parallel runs, per-capability requests,
 * factory discovery. Not exported; no compatibility promise.
 */
package dev.browsersessions.conformance.internal;
