package dev.jotter.toolkit.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jotter.toolkit.plot.TrainingProgress;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DefaultListenersTest {

    @Test
    void progressBarByDefaultNothingWhenTurnedOff() {
        List<TrainingListener> listeners = DefaultListeners.create(Map.of());
        assertEquals(1, listeners.stream().filter(TrainingProgress.class::isInstance).count());
        assertEquals(List.of(), DefaultListeners.create(Map.of("JOTTER_PROGRESS", "off")));
    }

    @Test
    void registeredListenersJoinTheBarWithoutDoublingIt() {
        TrainingListener extra = new TrainingListener() {};
        DefaultListeners.register(() -> extra);
        TrainingProgress.register();
        List<TrainingListener> listeners = DefaultListeners.create(Map.of());
        assertTrue(listeners.contains(extra));
        assertEquals(1, listeners.stream().filter(TrainingProgress.class::isInstance).count());
    }
}
