package dev.jotter.toolkit.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * Listeners that every fit attaches unless told not to: the plot package registers its live
 * progress bar and loss chart here, so the training code needs no dependency on plotting.
 *
 * <p>A fit calls {@link #create()} once, unless the trainer was built with
 * {@code optProgress(false)} or the environment variable {@code JOTTER_PROGRESS} is {@code off}
 * (the build sets it so test logs stay quiet). Each factory is called once per fit, so a listener
 * may keep per-fit state.
 *
 * <pre>{@code
 * jshell> DefaultListeners.register(() -> new TrainingListener() {
 *    ...>     public void onEpochEnd(int e, Map<String, Double> m, History h) { System.out.println(e + " " + m); }
 *    ...> });
 * }</pre>
 */
public final class DefaultListeners {

    private static final List<Supplier<TrainingListener>> FACTORIES = new CopyOnWriteArrayList<>();

    private DefaultListeners() {}

    /**
     * Adds a factory whose listener every later fit attaches.
     *
     * @param factory makes one fresh listener per fit
     */
    public static void register(Supplier<TrainingListener> factory) {
        if (factory == null) {
            throw new IllegalArgumentException("Expected a listener factory, found null.");
        }
        FACTORIES.add(factory);
    }

    /** Removes every registered factory; meant for tests and for hosts that reconfigure. */
    public static void clear() {
        FACTORIES.clear();
    }

    /**
     * Makes one listener from each registered factory, or none when progress is switched off in
     * the environment ({@code JOTTER_PROGRESS=off}).
     *
     * @return new listeners for one fit, in registration order
     */
    static List<TrainingListener> create() {
        if (!enabledByEnvironment()) {
            return List.of();
        }
        List<TrainingListener> listeners = new ArrayList<>();
        for (Supplier<TrainingListener> f : FACTORIES) {
            TrainingListener l = f.get();
            if (l != null) {
                listeners.add(l);
            }
        }
        return listeners;
    }

    /** @return false when {@code JOTTER_PROGRESS} (env or system property) is off, false, 0 or no */
    static boolean enabledByEnvironment() {
        String v = System.getProperty("jotter.progress", System.getenv("JOTTER_PROGRESS"));
        if (v == null) {
            return true;
        }
        return !List.of("off", "false", "0", "no").contains(v.trim().toLowerCase(Locale.ROOT));
    }
}
