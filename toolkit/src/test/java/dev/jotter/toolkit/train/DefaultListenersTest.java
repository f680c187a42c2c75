package dev.jotter.toolkit.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jotter.toolkit.plot.TrainingProgress;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DefaultListenersTest {

    /** Registrations are global: none may outlive its test and change another test's fits. */
    @AfterEach
    void forgetRegistrations() {
        DefaultListeners.clear();
    }

    @Test
    void theProgressBarComesFromItsServiceAndNothingWhenTurnedOff() {
        List<TrainingListener> listeners = DefaultListeners.create(Map.of());
        assertEquals(1, listeners.size(), listeners.toString());
        assertTrue(listeners.getFirst() instanceof TrainingProgress, listeners.toString());
        assertTrue(DefaultListeners.create(Map.of()).getFirst() != listeners.getFirst(), "a fresh listener per fit");
        assertEquals(List.of(), DefaultListeners.create(Map.of("JOTTER_PROGRESS", "off")));
    }

    @Test
    void aFitShowsTheProgressBarFoundThroughTheService() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream before = System.out;
        String property = System.getProperty(DefaultListeners.PROPERTY);
        System.setProperty(DefaultListeners.PROPERTY, "on");
        // Outside a notebook the bar prints one line per epoch and a summary to System.out.
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            SgdRegressor.builder().optEpochs(2).build().fit(new double[][] {{1}, {2}, {3}}, new double[] {1, 2, 3}).close();
        } finally {
            System.setOut(before);
            if (property == null) {
                System.clearProperty(DefaultListeners.PROPERTY);
            } else {
                System.setProperty(DefaultListeners.PROPERTY, property);
            }
        }
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(out.contains("Epoch 1/2 [==============================] 1/1 loss "), out);
        assertTrue(out.contains("Epoch 2/2 "), out);
        assertTrue(out.contains("Trained 2 epochs in "), out);
    }

    @Test
    void registeredListenersJoinTheBarWithoutDoublingIt() {
        TrainingListener extra = new TrainingListener() {};
        DefaultListeners.register(() -> extra);
        TrainingProgress.register();
        List<TrainingListener> listeners = DefaultListeners.create(Map.of());
        assertEquals(2, listeners.size(), listeners.toString());
        assertTrue(listeners.contains(extra));
        assertEquals(1, listeners.stream().filter(TrainingProgress.class::isInstance).count());
        DefaultListeners.clear();
        assertEquals(1, DefaultListeners.create(Map.of()).size(), "clear() forgets the registrations, not the services");
    }

    @Test
    void environmentTurnsThemOff() {
        assertTrue(DefaultListeners.enabled(Map.of()));
        assertTrue(DefaultListeners.enabled(Map.of("JOTTER_PROGRESS", "bar")));
        assertFalse(DefaultListeners.enabled(Map.of("JOTTER_PROGRESS", "off")));
        assertFalse(DefaultListeners.enabled(Map.of("JOTTER_PROGRESS", " OFF ")));
        assertFalse(DefaultListeners.enabled(Map.of("JOTTER_PROGRESS", "0")));
    }
}
