/** Tests of the Notte provider's wire mapping. */
package dev.browsersessions.notte.internal;
