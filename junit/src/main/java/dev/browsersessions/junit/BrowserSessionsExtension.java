package dev.browsersessions.junit;

import dev.browsersessions.BrowserSession;
import dev.browsersessions.BrowserSessions;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;

/**
 * The JUnit Jupiter extension behind {@link BrowserSessionsTest}; usable on its own with {@code
 * @ExtendWith(BrowserSessionsExtension.class)} (then with the default options).
 *
 * <ul>
 *   <li>One {@link BrowserSessions} client per test class, created before its tests and closed
 *       after them; injected into {@code BrowserSessions} parameters and {@link Managed} fields.
 *   <li>{@code BrowserSession} parameters of test methods (and {@code @BeforeEach}/{@code
 *       @AfterEach} methods) and {@link Managed} instance fields get a session started for the
 *       test and stopped after it, even when the test fails. {@code @BeforeAll} parameters,
 *       constructor parameters under {@code PER_CLASS} and static {@link Managed} fields get one
 *       for the class, stopped after all its tests.
 *   <li>A session the test started itself (through the client) and left running is stopped, and
 *       the test fails naming it (unless {@link BrowserSessionsTest#failOnLeak()} is off). When
 *       the tests of a class run concurrently, such a session is found after the class instead,
 *       and the class fails.
 * </ul>
 *
 * Do not close the injected client: the extension does.
 */
public final class BrowserSessionsExtension
    implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback,
        ParameterResolver {

  private static final Namespace NS = Namespace.create(BrowserSessionsExtension.class);
  private static final String CLIENT = "client";
  private static final String SCOPE = "scope";

  /** Created by JUnit. */
  public BrowserSessionsExtension() {}

  @Override
  public void beforeAll(ExtensionContext context) {
    Options options = options(context);
    BrowserSessions client =
        options.provider().isEmpty()
            ? BrowserSessions.create()
            : BrowserSessions.create(options.provider());
    ExtensionContext.Store store = context.getStore(NS);
    store.put(CLIENT, client);
    SessionScope scope = new SessionScope(client, context.getRequiredTestClass().getSimpleName());
    store.put(SCOPE, scope);
    inject(context.getRequiredTestClass(), null, client, scope, f -> isStatic(f));
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    BrowserSessions client = client(context);
    SessionScope scope =
        new SessionScope(client, "Test " + context.getDisplayName());
    context.getStore(NS).put(SCOPE, scope);
    for (Object instance : context.getRequiredTestInstances().getAllInstances()) {
      inject(instance.getClass(), instance, client, scope, f -> !isStatic(f));
    }
  }

  @Override
  public void afterEach(ExtensionContext context) {
    SessionScope scope = context.getStore(NS).remove(SCOPE, SessionScope.class);
    if (scope != null) {
      // tests running concurrently share the client: a test's leaks are then found per class
      scope.finish(options(context).failOnLeak(),
          context.getExecutionMode() == ExecutionMode.SAME_THREAD);
    }
  }

  @Override
  public void afterAll(ExtensionContext context) {
    ExtensionContext.Store store = context.getStore(NS);
    SessionScope scope = store.remove(SCOPE, SessionScope.class);
    BrowserSessions client = store.remove(CLIENT, BrowserSessions.class);
    if (client == null) {
      return;
    }
    try {
      if (scope != null) {
        scope.finish(options(context).failOnLeak(), true);
      }
    } finally {
      client.close();
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == BrowserSessions.class || type == BrowserSession.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    if (parameter.getParameter().getType() == BrowserSessions.class) {
      return client(context);
    }
    // the nearest scope: the test's inside a test, the class's in @BeforeAll or a constructor
    SessionScope scope = context.getStore(NS).get(SCOPE, SessionScope.class);
    if (scope == null) {
      throw new ExtensionConfigurationException(
          "A BrowserSession parameter of " + parameter.getDeclaringExecutable()
              + " cannot be resolved here: declare it on a test, @BeforeEach, @AfterEach or"
              + " @BeforeAll method");
    }
    return scope.start();
  }

  private static BrowserSessions client(ExtensionContext context) {
    BrowserSessions client = context.getStore(NS).get(CLIENT, BrowserSessions.class);
    if (client == null) {
      throw new ExtensionConfigurationException(
          "No BrowserSessions client: register BrowserSessionsExtension on the test class"
              + " (@BrowserSessionsTest or @ExtendWith), not on a single method");
    }
    return client;
  }

  private static void inject(
      Class<?> type,
      Object instance,
      BrowserSessions client,
      SessionScope scope,
      Predicate<Field> which) {
    List<Field> fields =
        AnnotationSupport.findAnnotatedFields(
            type, Managed.class, which, HierarchyTraversalMode.TOP_DOWN);
    for (Field f : fields) {
      if (Modifier.isFinal(f.getModifiers())) {
        throw new ExtensionConfigurationException(
            "@Managed field " + f + " must not be final: the extension assigns it");
      }
      Object value;
      if (f.getType() == BrowserSessions.class) {
        value = client;
      } else if (f.getType() == BrowserSession.class) {
        value = scope.start();
      } else {
        throw new ExtensionConfigurationException(
            "@Managed field " + f + " has type " + f.getType().getName()
                + "; use BrowserSessions or BrowserSession");
      }
      try {
        f.setAccessible(true);
        f.set(instance, value);
      } catch (ReflectiveOperationException | RuntimeException e) {
        throw new ExtensionConfigurationException("Cannot assign @Managed field " + f, e);
      }
    }
  }

  private static boolean isStatic(Field f) {
    return Modifier.isStatic(f.getModifiers());
  }

  /** The options of the nearest {@link BrowserSessionsTest}, the class's or an enclosing one's. */
  private static Options options(ExtensionContext context) {
    for (Optional<Class<?>> c = context.getTestClass(); c.isPresent();
        c = Optional.ofNullable(c.get().getEnclosingClass())) {
      Optional<BrowserSessionsTest> a =
          AnnotationSupport.findAnnotation(c.get(), BrowserSessionsTest.class);
      if (a.isPresent()) {
        return new Options(a.get().provider(), a.get().failOnLeak());
      }
    }
    return new Options("", true);
  }

  private record Options(String provider, boolean failOnLeak) {}
}
