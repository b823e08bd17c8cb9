/**
 * Records for Notte's JSON on the wire, nothing else. Session answers are read tolerantly from
 * bound maps by {@link dev.browsersessions.notte.internal.SessionResponses} (unknown fields land in
 * {@code attributes()}, fields of the wrong type are ignored); the smaller answers are these
 * records.
 */
package dev.browsersessions.notte.internal.wire;
