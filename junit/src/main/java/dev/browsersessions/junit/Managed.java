package dev.browsersessions.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a {@code BrowserSessions} or {@code BrowserSession} field for the {@link
 * BrowserSessionsExtension} to fill. A static field is filled once before the class's tests and
 * its session stopped after them; an instance field is filled before each test and its session
 * stopped after it, whether the test passed or not. The field must not be final.
 */
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface Managed {}
