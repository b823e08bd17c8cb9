/**
 * Records for Notte's JSON on the wire, nothing else. Session answers ({@link
 * dev.browsersessions.notte.internal.wire.SessionResponse}, {@link
 * dev.browsersessions.notte.internal.wire.SessionPage}, {@link
 * dev.browsersessions.notte.internal.wire.SessionDebugResponse}) are read tolerantly: Jackson binds
 * them to plain Java values and their factories pick the fields, leaving out a field of the wrong
 * type and keeping unknown ones for {@code attributes()}. The start request ({@link
 * dev.browsersessions.notte.internal.wire.StartSessionRequest}) writes the same JSON it always did.
 */
package dev.browsersessions.notte.internal.wire;
