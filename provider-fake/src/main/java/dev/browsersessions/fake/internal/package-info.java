/**
 * Implementation details of the fake provider: session state, fault plans, call log and
 * configuration parsing. Not part of the API; may change in any release.
 */
package dev.browsersessions.fake.internal;
