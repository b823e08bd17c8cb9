/** A stateful Notte API simulator for the provider's tests. */
package dev.browsersessions.notte.sim;
