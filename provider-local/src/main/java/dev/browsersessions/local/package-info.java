/**
 * The {@code local} provider: real headless Chromium on this machine, driven over CDP, with no
 * cloud account. See {@link dev.browsersessions.local.LocalProvider}.
 */
package dev.browsersessions.local;
