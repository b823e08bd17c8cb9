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
  /** A test's scope, in the store of its method context. */
  private static final String TEST_SCOPE = "testScope";

  /** Created by JUnit. */
  public BrowserSessionsExtension() {}

  @Override
  public void beforeAll(ExtensionContext context) {
    // under PER_CLASS the instance (and its constructor parameters) came first: reuse their state
    ClassState state = classState(context);
    inject(context.getRequiredTestClass(), null, state.client, state.scope, f -> isStatic(f));
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    BrowserSessions client = existingClassState(context).client;
    SessionScope scope =
        new SessionScope(client, "Test " + context.getDisplayName());
    context.getStore(NS).put(TEST_SCOPE, scope);
    for (Object instance : context.getRequiredTestInstances().getAllInstances()) {
      inject(instance.getClass(), instance, client, scope, f -> !isStatic(f));
    }
  }

  @Override
  public void afterEach(ExtensionContext context) {
    SessionScope scope = context.getStore(NS).remove(TEST_SCOPE, SessionScope.class);
    if (scope != null) {
      // tests running concurrently share the client: a test's leaks are then found per class
      scope.finish(options(context).failOnLeak(),
          context.getExecutionMode() == ExecutionMode.SAME_THREAD);
    }
  }

  @Override
  public void afterAll(ExtensionContext context) {
    ClassState state = context.getStore(NS).remove(stateKey(context), ClassState.class);
    if (state == null) {
      return;
    }
    try {
      state.scope.finish(options(context).failOnLeak(), true);
    } finally {
      state.client.close();
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == BrowserSessions.class || type == BrowserSession.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    // a class-level context (@BeforeAll, or the constructor, which under PER_CLASS comes before
    // beforeAll) makes the class's client and scope on first need; a test's context finds them
    if (isClassContext(context)) {
      ClassState state = classState(context);
      return parameter.getParameter().getType() == BrowserSessions.class
          ? state.client
          : state.scope.start();
    }
    if (parameter.getParameter().getType() == BrowserSessions.class) {
      return existingClassState(context).client;
    }
    // the nearest scope: the test's inside a test, else the class's
    SessionScope scope = context.getStore(NS).get(TEST_SCOPE, SessionScope.class);
    if (scope == null) {
      scope = existingClassState(context).scope;
    }
    return scope.start();
  }

  /** The client and class scope of the class of a class-level context, made on first need. */
  private static ClassState classState(ExtensionContext classContext) {
    return classContext.getStore(NS).getOrComputeIfAbsent(
        stateKey(classContext), k -> ClassState.create(classContext), ClassState.class);
  }

  /** The state of the nearest enclosing class context; never made here. */
  private static ClassState existingClassState(ExtensionContext context) {
    for (Optional<ExtensionContext> c = Optional.of(context); c.isPresent();
        c = c.get().getParent()) {
      if (isClassContext(c.get())) {
        ClassState state = c.get().getStore(NS).get(stateKey(c.get()), ClassState.class);
        if (state != null) {
          return state;
        }
        break;
      }
    }
    throw new ExtensionConfigurationException(
        "No BrowserSessions client: register BrowserSessionsExtension on the test class"
            + " (@BrowserSessionsTest or @ExtendWith), not on a single method");
  }

  private static boolean isClassContext(ExtensionContext context) {
    return context.getTestClass().isPresent() && context.getTestMethod().isEmpty();
  }

  /**
   * A key of its own per class context: a store lookup also searches the parents' stores, and a
   * {@code @Nested} class gets its own client, not its enclosing class's.
   */
  private static Object stateKey(ExtensionContext classContext) {
    return new StateKey(classContext.getUniqueId());
  }

  private record StateKey(String classUniqueId) {}

  /**
   * One test class's client and class scope. afterAll removes and closes it; when the class ends
   * without afterAll (a {@code PER_CLASS} constructor failed after a parameter was resolved),
   * JUnit 5.13+ closes it from the store, and closing the client stops its sessions.
   */
  private record ClassState(BrowserSessions client, SessionScope scope) implements AutoCloseable {

    static ClassState create(ExtensionContext classContext) {
      Options options = options(classContext);
      BrowserSessions client =
          options.provider().isEmpty()
              ? BrowserSessions.create()
              : BrowserSessions.create(options.provider());
      return new ClassState(
          client, new SessionScope(client, classContext.getRequiredTestClass().getSimpleName()));
    }

    @Override
    public void close() {
      client.close();
    }
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
