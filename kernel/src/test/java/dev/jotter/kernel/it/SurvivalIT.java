package dev.jotter.kernel.it;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Every way a cell can fail leaves the kernel alive and answering. */
class SurvivalIT {
    @TestFactory
    Stream<DynamicTest> survival() throws Exception {
        return JupyterHarness.unittest("test_survival.py", 15, 400);
    }
}
