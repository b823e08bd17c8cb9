package dev.browsersessions.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a test class with the {@link BrowserSessionsExtension}.
 *
 * <pre>{@code
 * @BrowserSessionsTest
 * class CheckoutTest {
 *   @Managed BrowserSession session;                 // a new session for each test
 *
 *   @Test
 *   void loads(BrowserSessions sessions) {           // the class's client
 *     connect(session.cdpUrl().orElseThrow());
 *   }
 * }
 * }</pre>
 *
 * The provider is chosen the usual way (the only provider on the test class path, or {@code
 * -Dbrowsersessions.provider}, or {@link #provider()}), so unit tests with {@code
 * browser-sessions-provider-fake} get the fake and integration tests get a real vendor.
 */
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(BrowserSessionsExtension.class)
public @interface BrowserSessionsTest {

  /**
   * The provider to use; empty (the default) chooses it as {@code BrowserSessions.create()} does.
   *
   * @return the provider's name, or empty
   */
  String provider() default "";

  /**
   * Whether a session a test started itself and left running fails that test. The session is
   * stopped either way. Default {@code true}.
   *
   * @return whether leaks fail the test
   */
  boolean failOnLeak() default true;
}
