package dev.jotter.toolkit.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jotter.toolkit.metrics.Metrics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * This JVM as a Mac with an Intel processor (os.name and os.arch as its JDK reports them), where
 * PyTorch published no libtorch 2.7.1: the first training cell says so in one sentence, before DJL
 * is touched, and what does not train still works.
 */
class UnsupportedPlatformTest {

    private String osName;
    private String osArch;

    @BeforeEach
    void intelMac() {
        osName = System.getProperty("os.name");
        osArch = System.getProperty("os.arch");
        System.setProperty("os.name", "Mac OS X");
        System.setProperty("os.arch", "x86_64");
    }

    @AfterEach
    void back() {
        System.setProperty("os.name", osName);
        System.setProperty("os.arch", osArch);
    }

    @Test
    void theFirstTrainingCellSaysSoInOneSentence() {
        String sentence = Platform.of("Mac OS X", "x86_64").problem(null);
        assertEquals(sentence, Devices.nativesProblem());
        double[][] x = {{1}, {2}, {3}};
        double[] y = {1, 2, 3};
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> SgdRegressor.builder().optEpochs(1).optProgress(false).build().fit(x, y).close());
        assertEquals(sentence, e.getMessage());
        assertEquals(sentence, assertThrows(IllegalStateException.class, Devices::engine).getMessage());
        assertEquals(sentence, assertThrows(IllegalStateException.class, Devices::preferred).getMessage());
    }

    @Test
    void whatDoesNotTrainStillWorks() {
        // Metrics and the platform check itself need no engine.
        assertEquals(1.0, Metrics.accuracy(new int[] {0, 1}, new int[] {0, 1}), 1e-9);
        assertEquals("osx-x86_64", Platform.current().classifier());
    }

    @Test
    void thisMachinesOwnNativesAreNoProblem() {
        back();
        assertNull(Devices.nativesProblem());
    }
}
