/** Reliability tests: a fault-injecting proxy in front of the REST simulators, hostile input and leak soak. */
package dev.browsersessions.reliability;
