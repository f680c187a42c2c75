package dev.jotter.toolkit.train;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Per-epoch training record: one list of values per metric name, one value per epoch.
 *
 * <p>Names follow the Keras convention so that plots and notebooks can pair curves by name:
 * {@code loss}, {@code val_loss}, {@code accuracy}, {@code val_accuracy}, ... A validation
 * metric is the training metric's name prefixed with {@code val_}.
 *
 * <pre>{@code
 * jshell> History h = History.of(Map.of("loss", List.of(0.9, 0.5)));
 * jshell> h.epochs()
 * $2 ==> 2
 * }</pre>
 *
 * @param metrics metric name to per-epoch values, in insertion order; copied and made unmodifiable
 */
public record History(Map<String, List<Double>> metrics) {

    /** Copies {@code metrics} so that a History never changes after it is made. */
    public History {
        Map<String, List<Double>> copy = new LinkedHashMap<>();
        metrics.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        metrics = Collections.unmodifiableMap(copy);
    }

    /**
     * Makes a History from metric name to per-epoch values.
     *
     * @param metrics metric name to per-epoch values
     * @return an immutable History
     */
    public static History of(Map<String, List<Double>> metrics) {
        return new History(metrics);
    }

    /** @return the number of epochs recorded (the length of the longest series) */
    public int epochs() {
        return metrics.values().stream().mapToInt(List::size).max().orElse(0);
    }

    /** @return the metric names, in the order they were first recorded */
    public Set<String> names() {
        return metrics.keySet();
    }

    /**
     * Returns the per-epoch values of one metric.
     *
     * @param name a metric name such as {@code "loss"} or {@code "val_accuracy"}
     * @return the values, one per epoch
     * @throws IllegalArgumentException naming the metric and the available ones when it is absent
     */
    public List<Double> get(String name) {
        List<Double> values = metrics.get(name);
        if (values == null) {
            throw new IllegalArgumentException("No metric '" + name + "' in this history; available: " + metrics.keySet());
        }
        return values;
    }

    /**
     * @param name a metric name
     * @return whether this history recorded {@code name}
     */
    public boolean has(String name) {
        return metrics.containsKey(name);
    }
}
