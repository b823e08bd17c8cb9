/**
 * The service provider interface: what a provider author implements. Register a {@link
 * dev.browsersessions.spi.BrowserSessionProviderFactory} with {@link java.util.ServiceLoader}, and
 * prove the provider with the conformance kit ({@code browser-sessions-conformance}).
 */
package dev.browsersessions.spi;
