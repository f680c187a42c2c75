package dev.jotter.kernel.it;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** An interrupt stops the cell at whatever stage it is, and cells queued behind a failure are aborted. */
class InterruptIT {
    @TestFactory
    Stream<DynamicTest> interrupts() throws Exception {
        return JupyterHarness.unittest("test_interrupts.py", 6, 240);
    }
}
