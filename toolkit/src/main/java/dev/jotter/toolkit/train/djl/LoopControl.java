package dev.jotter.toolkit.train.djl;

import java.io.IOException;
import java.nio.file.Path;

/**
 * What a fit loop lets its built-in callbacks do besides listen: stop early, remember and
 * restore the best weights, and write checkpoints. Used by the toolkit's own callbacks
 * ({@code EarlyStopping}, {@code Checkpoint}).
 */
public interface LoopControl {

    /** Ends training after the current epoch. */
    void requestStop();

    /** Remembers the current weights as the best so far. */
    void rememberBest();

    /** Puts back the weights last remembered by {@link #rememberBest()}, if any. */
    void restoreBest();

    /**
     * Saves the model as it is now, in the format that the fitted model's {@code load} reads.
     *
     * @param dir the directory to write
     * @throws IOException when writing fails
     */
    void save(Path dir) throws IOException;

    /** A callback that needs the loop's control, handed over before training begins. */
    interface Aware {
        /**
         * @param control this fit's control
         */
        void attach(LoopControl control);
    }
}
