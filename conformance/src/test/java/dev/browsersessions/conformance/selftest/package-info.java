/**
 * The kit's self-tests: an honest in-memory reference provider that passes every rule, and the
 * Launcher-driven runs that show the kit fails each broken provider.
 */
package dev.browsersessions.conformance.selftest;
