package dev.jotter.toolkit.grading;

import dev.jotter.magics.AbstractMagic;
import dev.jotter.magics.CellMagic;
import dev.jotter.magics.MagicArgs;
import dev.jotter.magics.MagicContext;
import dev.jotter.magics.MagicException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code %%test}: declares the cell's JUnit 5 test classes and runs them against what the notebook
 * defined so far, showing a table of test, outcome, message and points.
 *
 * <p>Names no JUnit type itself: the kernel finds this magic when it starts, and JUnit's classes
 * load only when a cell first runs tests ({@link JUnitRun}).
 */
public final class TestMagic extends AbstractMagic implements CellMagic {
    /** The time limit of a test method that has no {@code @Timeout} of its own. */
    public static final int DEFAULT_TIMEOUT_SECONDS = 10;

    /** Creates the magic; found by ServiceLoader. */
    public TestMagic() {
        super("test", "Run the cell's JUnit 5 tests against the notebook and show a table with points", """
                %%test [--points P] [--timeout SECONDS]
                CELL BODY: JUnit 5 test classes

                Declares the test classes of the cell (imports may come first) and runs every
                @Test, @ParameterizedTest, @RepeatedTest and @TestFactory method in them with the
                JUnit Platform launcher, against the variables, methods and classes the notebook
                defined so far. Shows one row per test method: its name (@DisplayName is used),
                passed or failed, the assertion's message, and its points.
                  --points P        what the cell's tests are worth together, shared equally
                                    (default: 1 point per test); jotter grade sets it from the
                                    cell's nbgrader points
                  --timeout SECONDS the time limit of each test method without @Timeout (default 10)
                A parameterised test passes when all its cases pass. An endless loop (stopped at
                the limit), System.exit, StackOverflowError and OutOfMemoryError fail the test
                with a sentence that says so; the kernel lives on. JUnit 6.1 (the JUnit 5 API) is in the toolkit
                layer: the cell imports what it uses (a notebook's own %maven JUnit wins, and then
                its version must be 6.1 for the launcher to read its annotations). See
                docs/teaching.md for graded exercises and jotter grade.

                Example:
                  %%test --points 2
                  import org.junit.jupiter.api.*;
                  import static org.junit.jupiter.api.Assertions.*;
                  class MseTests {
                      @Test void zeroForAPerfectFit() { assertEquals(0.0, mse(new double[] {1, 2}, new double[] {1, 2}), 1e-9); }
                  }
                """);
    }

    @Override
    public Object run(String args, String body, MagicContext context) throws Exception {
        MagicArgs a = MagicArgs.parse(args, Set.of("points", "timeout")).allowOnly(this, Set.of("points", "timeout"));
        if (!a.positional().isEmpty()) {
            throw MagicArgs.usageError(this, "%%test takes only --points and --timeout, got: " + String.join(" ", a.positional()));
        }
        double points = a.option("points").isPresent() ? number(a.option("points").get(), "--points", false) : -1;
        double timeout = a.option("timeout").isPresent() ? number(a.option("timeout").get(), "--timeout", true) : DEFAULT_TIMEOUT_SECONDS;
        List<String> names = TestClasses.declaredIn(body);
        if (names.isEmpty()) {
            throw MagicArgs.usageError(this, "The cell declares no class: write the tests in a class, e.g. class MyTests { @Test void works() { ... } }.");
        }
        List<Class<?>> classes = new ArrayList<>();
        try {
            context.eval(body);
            for (String n : names) {
                classes.add((Class<?>) context.eval(n + ".class"));
            }
        } catch (Exception e) {
            // Shown as a table too, so that jotter grade reads a score for a cell whose tests do not compile.
            context.displayBundle(new TestReport(List.of(), Math.max(points, 0), firstLine(e)).bundle());
            throw e;
        }
        TestReport report = JUnitRun.run(classes, points, Duration.ofMillis(Math.round(timeout * 1000)), body);
        context.displayBundle(report.bundle());
        return null;
    }

    private double number(String value, String option, boolean positive) throws MagicException {
        try {
            double d = Double.parseDouble(value);
            if (Double.isFinite(d) && (positive ? d > 0 : d >= 0)) {
                return d;
            }
        } catch (NumberFormatException e) {
            // Reported below with the usage.
        }
        throw MagicArgs.usageError(this, option + " expects a " + (positive ? "positive" : "non-negative") + " number, got '" + value + "'.");
    }

    private static String firstLine(Exception e) {
        String m = e.getMessage() == null ? e.toString() : e.getMessage();
        return m.strip();
    }
}
