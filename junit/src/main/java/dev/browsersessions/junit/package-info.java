/**
 * JUnit Jupiter support: annotate a test class with {@link
 * dev.browsersessions.junit.BrowserSessionsTest} and declare {@code BrowserSessions} or {@code
 * BrowserSession} parameters, or {@link dev.browsersessions.junit.Managed} fields. Sessions are
 * started for you and stopped after their test (instance fields, test-method parameters) or
 * their class (static fields, {@code @BeforeAll} parameters), even when the test fails; a
 * session a test starts itself and leaves running fails that test.
 */
package dev.browsersessions.junit;
