/**
 * Tests of the {@code stagehand} provider against the loopback simulator: wire tests of every
 * request and answer, the stop procedure, the conformance kit, the vendor swap and the module
 * path.
 */
package dev.browsersessions.stagehand;
