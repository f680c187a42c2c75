package dev.jotter.kernel.it;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * MIME renderers driven through a real Jupyter client against the installed kernel: charts
 * (PNG with size metadata, SVG on request), tables, images and the live training display.
 */
class RenderersIT {
    @TestFactory
    Stream<DynamicTest> renderers() throws Exception {
        return JupyterHarness.unittest("test_renderers.py", 6, 300);
    }
}
