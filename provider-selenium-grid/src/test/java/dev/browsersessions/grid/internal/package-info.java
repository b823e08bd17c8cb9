/** Tests of the Selenium Grid provider's internals. */
package dev.browsersessions.grid.internal;
