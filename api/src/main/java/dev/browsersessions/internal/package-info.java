/**
 * Internal machinery of the API: provider discovery and selection. Not for users; may change in
 * any release.
 */
package dev.browsersessions.internal;
