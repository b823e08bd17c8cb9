/** Internal machinery of the local Chromium provider. Not for users; may change in any release. */
package dev.browsersessions.local.internal;
