package dev.jotter.kernel.jshell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The switch between the tuned and the plain JShell machinery, and the one add-opens list. */
class JShellMachineryTest {
    /** Runs {@code body} with the switch set to {@code value} (null: unset), then puts it back. */
    private static <T> T withSwitch(String value, java.util.function.Supplier<T> body) {
        String before = System.getProperty(JShellMachinery.PROPERTY);
        try {
            if (value == null) {
                System.clearProperty(JShellMachinery.PROPERTY);
            } else {
                System.setProperty(JShellMachinery.PROPERTY, value);
            }
            return body.get();
        } finally {
            if (before == null) {
                System.clearProperty(JShellMachinery.PROPERTY);
            } else {
                System.setProperty(JShellMachinery.PROPERTY, before);
            }
        }
    }

    @Test
    void thePropertyChoosesTheMachineryAndTunedIsTheDefault() {
        assertInstanceOf(TunedJShell.class, withSwitch(null, JShellMachinery::fromSystemProperty));
        assertInstanceOf(TunedJShell.class, withSwitch("tuned", JShellMachinery::fromSystemProperty));
        assertInstanceOf(PlainJShell.class, withSwitch("plain", JShellMachinery::fromSystemProperty));
    }

    @Test
    void anUnknownValueIsRefusedByName() {
        var e = assertThrows(IllegalArgumentException.class, () -> withSwitch("fast", JShellMachinery::fromSystemProperty));
        assertTrue(e.getMessage().contains("\"fast\""), e.getMessage());
    }

    @Test
    void theOpensComeFromTheBuildsOneList() {
        // Written by resource filtering from the root pom's jotter.opens, which the manifest uses too.
        assertEquals(List.of("jdk.jshell/jdk.jshell", "jdk.compiler/com.sun.tools.javac.api", "jdk.compiler/com.sun.tools.javac.code"),
                TunedJShell.OPENS);
        assertTrue(TunedJShell.howToOpen().contains("--add-opens jdk.jshell/jdk.jshell=ALL-UNNAMED"), TunedJShell.howToOpen());
    }
}
