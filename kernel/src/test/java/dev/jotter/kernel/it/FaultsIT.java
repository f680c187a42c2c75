package dev.jotter.kernel.it;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The fault-injection suite of issue 20, read as a list of promises: interrupts at 100 random
 * moments, a 1,000-cell soak, several and unreliable clients, floods and broken messages, a kernel
 * ended while busy, and {@code jotter run} killed mid-write. Tuned JShell only (pom.xml): the
 * plain pass would double its minutes, and the promises are the kernel's, not the machinery's;
 * the one that is the machinery's, the stop of a cell blocked in native code, InterruptIT checks
 * in both modes.
 */
class FaultsIT {
    @TestFactory
    Stream<DynamicTest> faults() throws Exception {
        return JupyterHarness.unittest("test_faults.py", 12, 480);
    }
}
