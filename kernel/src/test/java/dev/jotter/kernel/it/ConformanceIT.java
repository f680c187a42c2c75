package dev.jotter.kernel.it;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Jupyter's official kernel conformance suite, all 12 tests, none skipped. */
class ConformanceIT {
    @TestFactory
    Stream<DynamicTest> jupyterKernelTest() throws Exception {
        return JupyterHarness.unittest("test_conformance.py", 12, 300);
    }
}
