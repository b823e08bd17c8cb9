/**
 * A stateful, loopback-only simulator of Stagehand's start/end API and Browserbase's Sessions API,
 * for wire tests and the conformance kit.
 */
package dev.browsersessions.stagehand.sim;
