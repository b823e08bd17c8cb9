/**
 * Internal machinery of the API: provider discovery and selection, loading services registered
 * with {@link java.util.ServiceLoader}, the listeners of a client, and finding user-info in an
 * address. Not for users; may change in any release.
 */
package dev.browsersessions.internal;
