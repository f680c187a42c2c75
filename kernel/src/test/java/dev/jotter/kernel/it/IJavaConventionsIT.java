package dev.jotter.kernel.it;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** IJava's output and error conventions, and a notebook's imports winning, through a real Jupyter client. */
class IJavaConventionsIT {
    @TestFactory
    Stream<DynamicTest> conventions() throws Exception {
        return JupyterHarness.unittest("test_ijava_conventions.py", 6, 300);
    }
}
