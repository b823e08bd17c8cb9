/**
 * The conformance kit for {@link dev.browsersessions.spi.BrowserSessionProvider} implementations.
 *
 * <p>Subclass {@link dev.browsersessions.conformance.BrowserSessionProviderContract} in a test,
 * implement {@code createProvider()}, and the provider is checked against every rule of {@code
 * conformance/RULES.md}. Test names carry the rule id ({@code required_R4_2_...}, {@code
 * optional_R6_1_...}) so a failure points straight at the rule and its "if this fails, check"
 * hints.
 */
package dev.browsersessions.conformance;
