package dev.jotter.toolkit.train;

import dev.jotter.toolkit.plot.TrainingProgress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * The listeners every {@code fit} call adds on its own, unless the call says
 * {@code optProgress(false)} or the environment has {@code JOTTER_PROGRESS=off} (for CI).
 * A {@link TrainingProgress} bar is always among them; hosts register more.
 */
public final class DefaultListeners {

    private static final List<Supplier<TrainingListener>> FACTORIES = new CopyOnWriteArrayList<>();

    private DefaultListeners() {}

    /**
     * Adds a listener to every later {@code fit}; the factory is called once per fit, so each
     * training run gets a fresh listener.
     *
     * @param factory makes one listener
     */
    public static void register(Supplier<TrainingListener> factory) {
        FACTORIES.add(Objects.requireNonNull(factory, "factory"));
    }

    /** Removes every registered factory; meant for tests and for hosts that reconfigure. */
    public static void clear() {
        FACTORIES.clear();
    }

    /**
     * @return fresh default listeners for one fit, or none when the environment turns them off;
     *         the system property {@code jotter.progress} overrides {@code JOTTER_PROGRESS}
     */
    static List<TrainingListener> create() {
        String property = System.getProperty("jotter.progress");
        if (property == null) {
            return create(System.getenv());
        }
        Map<String, String> env = new java.util.HashMap<>(System.getenv());
        env.put("JOTTER_PROGRESS", property);
        return create(env);
    }

    static List<TrainingListener> create(Map<String, String> environment) {
        if (!TrainingProgress.enabled(environment)) {
            return List.of();
        }
        List<TrainingListener> listeners = new ArrayList<>();
        for (Supplier<TrainingListener> factory : FACTORIES) {
            listeners.add(factory.get());
        }
        // The progress bar is the default; one registered explicitly takes its place.
        if (listeners.stream().noneMatch(TrainingProgress.class::isInstance)) {
            listeners.addFirst(new TrainingProgress());
        }
        return listeners;
    }
}
