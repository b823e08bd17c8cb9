/** Internal machinery of the Notte provider: wire mapping. Not for users. */
package dev.browsersessions.notte.internal;
