package dev.jotter.kernel.it;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** {@code %%test} through a real Jupyter client: the table, the points, and the faults a student's code can bring. */
class JUnitMagicIT {
    @TestFactory
    Stream<DynamicTest> junitMagic() throws Exception {
        return JupyterHarness.unittest("test_junit_magic.py", 2, 300);
    }
}
