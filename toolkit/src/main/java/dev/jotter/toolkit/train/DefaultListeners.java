package dev.jotter.toolkit.train;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceLoader;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * The listeners every {@code fit} call adds on its own, unless the call says
 * {@code optProgress(false)} or the environment has {@code JOTTER_PROGRESS=off} (for CI). They come
 * from the {@link TrainingListenerFactory} services on the class path (the toolkit's own is the
 * plot package's progress bar and live loss chart) and from factories a host registers here.
 */
public final class DefaultListeners {

    /** The environment variable that turns the default listeners off ({@code off}, {@code false}, {@code 0}, {@code no}). */
    public static final String ENV = "JOTTER_PROGRESS";

    /** The system property that overrides {@value #ENV}. */
    public static final String PROPERTY = "jotter.progress";

    private static final List<Supplier<TrainingListener>> REGISTERED = new CopyOnWriteArrayList<>();

    private DefaultListeners() {}

    /** Loaded once: the class path of the toolkit does not change while it runs. */
    private static final class Services {
        static final List<TrainingListenerFactory> FACTORIES = ServiceLoader
                .load(TrainingListenerFactory.class, DefaultListeners.class.getClassLoader()).stream()
                .map(ServiceLoader.Provider::get).toList();
    }

    /**
     * Adds a listener to every later {@code fit}; the factory is called once per fit, so each
     * training run gets a fresh listener. A registered listener of the same class as one a service
     * makes takes that one's place, so registering the progress bar again does not show it twice.
     *
     * @param factory makes one listener
     */
    public static void register(Supplier<TrainingListener> factory) {
        REGISTERED.add(Objects.requireNonNull(factory, "factory"));
    }

    /** Removes every factory registered with {@link #register}; the services stay. Meant for tests and hosts that reconfigure. */
    public static void clear() {
        REGISTERED.clear();
    }

    /**
     * Says whether an environment allows the default listeners.
     *
     * @param environment e.g. {@link System#getenv()}
     * @return false when {@value #ENV} is {@code off} (or {@code false}, {@code 0}, {@code no})
     */
    public static boolean enabled(Map<String, String> environment) {
        String value = environment.get(ENV);
        if (value == null) {
            return true;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "off", "false", "0", "no" -> false;
            default -> true;
        };
    }

    /**
     * @return fresh default listeners for one fit, or none when the environment turns them off;
     *         the system property {@value #PROPERTY} overrides {@value #ENV}
     */
    public static List<TrainingListener> create() {
        String property = System.getProperty(PROPERTY);
        if (property == null) {
            return create(System.getenv());
        }
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put(ENV, property);
        return create(env);
    }

    static List<TrainingListener> create(Map<String, String> environment) {
        if (!enabled(environment)) {
            return List.of();
        }
        List<TrainingListener> registered = new ArrayList<>();
        for (Supplier<TrainingListener> factory : REGISTERED) {
            registered.add(factory.get());
        }
        List<TrainingListener> listeners = new ArrayList<>();
        for (TrainingListenerFactory factory : Services.FACTORIES) {
            TrainingListener l = factory.create();
            if (registered.stream().noneMatch(r -> r.getClass() == l.getClass())) {
                listeners.add(l);
            }
        }
        listeners.addAll(registered);
        return listeners;
    }
}
