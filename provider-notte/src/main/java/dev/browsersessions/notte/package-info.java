/**
 * The {@code notte} provider: {@link dev.browsersessions.notte.NotteProviderFactory} (found by
 * {@link java.util.ServiceLoader}), its typed {@link dev.browsersessions.notte.NotteSettings}, and
 * {@link dev.browsersessions.notte.NotteExtras} for the Notte-only operations (cookies, cookie
 * files, agent stop). Everything else is in the non-exported {@code internal} package.
 */
package dev.browsersessions.notte;
