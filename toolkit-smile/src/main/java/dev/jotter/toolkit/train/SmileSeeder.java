package dev.jotter.toolkit.train;

import dev.jotter.magics.MagicContext;
import dev.jotter.toolkit.notebook.LibrarySeeder;
import java.lang.reflect.Field;
import java.util.SplittableRandom;

/**
 * {@code %seed}'s part for Smile (a {@link LibrarySeeder} service): seeds Smile's generator of the
 * thread that runs cells, which is not the thread that runs magics, by evaluating the call as Java
 * there; also this thread's, for hosts that run both on one thread. The table for new threads is
 * refilled last, as seeding a thread for the first time takes the table's next seed.
 */
public final class SmileSeeder implements LibrarySeeder {
    /** Creates the seeder; found by ServiceLoader. */
    public SmileSeeder() {
    }

    @Override
    public String name() {
        return "Smile";
    }

    @Override
    public boolean seed(int seed, MagicContext context) {
        try {
            smile.math.MathEx.setSeed(seed);
        } catch (Throwable t) {
            return false;
        }
        boolean cells;
        try {
            context.eval("smile.math.MathEx.setSeed(" + seed + ");");
            cells = true;
        } catch (Exception e) {
            // Smile is not visible to the cells' code, so no cell can train a Smile model.
            cells = false;
        }
        reseedNewThreads(seed);
        return cells;
    }

    /**
     * Smile hands each new thread the next seed from its static DEFAULT_SEEDS table. Refilling
     * the table from N and rewinding the counter makes the threads JShell starts for later
     * snippets get a reproducible sequence. Smile internals: if they change, only this part is
     * skipped.
     */
    private static void reseedNewThreads(int seed) {
        try {
            Class<?> mathEx = smile.math.MathEx.class;
            Field seeds = mathEx.getDeclaredField("DEFAULT_SEEDS");
            Field next = mathEx.getDeclaredField("nextSeed");
            seeds.setAccessible(true);
            next.setAccessible(true);
            long[] table = (long[]) seeds.get(null);
            synchronized (table) {
                SplittableRandom derived = new SplittableRandom(seed);
                for (int i = 0; i < table.length; i++) {
                    table[i] = derived.nextLong();
                }
                next.setInt(null, 0);
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            // Best effort: the calling thread is seeded anyway.
        }
    }
}
