package dev.jotter.kernel.it;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Magics driven through a real Jupyter client against the installed kernel. */
class MagicsIT {
    @TestFactory
    Stream<DynamicTest> magics() throws Exception {
        return JupyterHarness.unittest("test_magics.py", 10, 300);
    }
}
