package dev.jotter.toolkit.grading;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.DynamicTestInvocationContext;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Runs every test and lifecycle method of a {@code %%test} cell under a time limit, and turns
 * what would end the launcher or the kernel into a failed test with a sentence: an endless loop
 * (stopped through JShell's stop checks when the limit passes), {@code OutOfMemoryError} (which
 * JUnit would rethrow and so end the whole run), {@code StackOverflowError}.
 *
 * <p>Registered by JUnit's extension autodetection, restricted by {@link JUnitRun} to this class:
 * a notebook's own jars cannot slip other extensions into a graded run.
 */
public final class TestGuard implements InvocationInterceptor {

    /** Created by JUnit's extension autodetection. */
    public TestGuard() {}

    @Override
    public void interceptTestMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> call, ExtensionContext context) throws Throwable {
        guard(invocation, call.getExecutable(), context);
    }

    @Override
    public void interceptTestTemplateMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> call, ExtensionContext context) throws Throwable {
        guard(invocation, call.getExecutable(), context);
    }

    @Override
    public <T> T interceptTestFactoryMethod(Invocation<T> invocation, ReflectiveInvocationContext<Method> call, ExtensionContext context) throws Throwable {
        return guard(invocation, call.getExecutable(), context);
    }

    @Override
    public void interceptDynamicTest(Invocation<Void> invocation, DynamicTestInvocationContext call, ExtensionContext context) throws Throwable {
        // A @TestFactory's tests: limited like the factory, by its @Timeout or its class's.
        guard(invocation, context.getTestMethod().orElse(null), context);
    }

    @Override
    public void interceptBeforeAllMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> call, ExtensionContext context) throws Throwable {
        guard(invocation, call.getExecutable(), context);
    }

    @Override
    public void interceptBeforeEachMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> call, ExtensionContext context) throws Throwable {
        guard(invocation, call.getExecutable(), context);
    }

    @Override
    public void interceptAfterEachMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> call, ExtensionContext context) throws Throwable {
        guard(invocation, call.getExecutable(), context);
    }

    @Override
    public void interceptAfterAllMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> call, ExtensionContext context) throws Throwable {
        guard(invocation, call.getExecutable(), context);
    }

    @Override
    public <T> T interceptTestClassConstructor(Invocation<T> invocation, ReflectiveInvocationContext<Constructor<T>> call, ExtensionContext context) throws Throwable {
        return guard(invocation, null, context);
    }

    private static <T> T guard(Invocation<T> invocation, Method method, ExtensionContext context) throws Throwable {
        JUnitRun run = JUnitRun.current();
        if (run == null) {
            // Autodetected by a JUnit run that is not a %%test cell's: stay out of its way.
            return invocation.proceed();
        }
        if (run.cancelled()) {
            // The cell was interrupted: the tests still to come end at once instead of running on in the background.
            throw new AssertionError("not run: the cell was interrupted");
        }
        Duration limit = limit(method, context, run.defaultTimeout());
        JUnitRun.Alarm alarm = run.arm(limit);
        try {
            return invocation.proceed();
        } catch (Throwable t) {
            throw run.explain(t, alarm, limit);
        } finally {
            alarm.disarm();
        }
    }

    /** A method's {@code @Timeout}, else its class's (or an enclosing class's), else the cell's. */
    private static Duration limit(Method method, ExtensionContext context, Duration fallback) {
        Optional<Timeout> t = method == null ? Optional.empty() : AnnotationSupport.findAnnotation(method, Timeout.class);
        for (Optional<Class<?>> c = context.getTestClass(); t.isEmpty() && c.isPresent(); c = Optional.ofNullable(c.get().getEnclosingClass())) {
            t = AnnotationSupport.findAnnotation(c.get(), Timeout.class);
        }
        return t.map(a -> Duration.of(a.value(), a.unit().toChronoUnit())).orElse(fallback);
    }
}
