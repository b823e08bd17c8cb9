/** The Selenium Grid provider's implementation; not for users. */
package dev.browsersessions.grid.internal;
