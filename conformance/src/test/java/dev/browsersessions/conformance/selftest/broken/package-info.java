/** Deliberately broken providers the kit must fail, each a decorator of the reference provider. */
package dev.browsersessions.conformance.selftest.broken;
