package dev.jotter.toolkit.notebook;

import dev.jotter.magics.AbstractMagic;
import dev.jotter.magics.LineMagic;
import dev.jotter.magics.MagicArgs;
import dev.jotter.magics.MagicContext;
import java.lang.reflect.Field;
import java.util.List;
import java.util.SplittableRandom;

/** {@code %seed n}: seeds the random generators that matter for reproducible training runs. */
public final class SeedMagic extends AbstractMagic implements LineMagic {
    /** The system property the toolkit reads for its default seed. */
    public static final String PROPERTY = "jotter.seed";

    /** Creates the magic; found by ServiceLoader. */
    public SeedMagic() {
        super("seed", "Seed DJL, Smile and the toolkit for reproducible runs", """
                %seed N

                Makes later cells reproducible. N is a whole number that fits in an int. Seeds:
                  - the toolkit: sets the system property jotter.seed=N, which the toolkit's
                    shuffles, splits and initialisers use when given no explicit seed
                  - DJL: Engine.getInstance().setRandomSeed(N), which seeds the engine (PyTorch)
                    and DJL's shared java.util.Random (dataset shuffling); skipped with a note if
                    no DJL engine loads
                  - Smile: smile.math.MathEx.setSeed(N) on the thread that runs the cells (one
                    long-lived thread), so Smile models trained in later cells follow N. Smile
                    keeps one generator per thread, so %seed also makes each thread started
                    later (by a cell, or by Smile's parallel training) start from a seed
                    derived from N, in order
                Not seeded: new java.util.Random() and Math.random(). Write
                new Random(Long.getLong("jotter.seed")) to follow %seed.

                Example:
                  %seed 42
                """);
    }

    @Override
    public Object run(String args, MagicContext context) throws Exception {
        List<String> words = MagicArgs.split(args);
        if (words.size() != 1) {
            throw MagicArgs.usageError(this, words.isEmpty() ? "%seed needs a number, e.g. %seed 42."
                    : "%seed takes one number, got: " + args);
        }
        int seed;
        try {
            seed = Integer.parseInt(words.getFirst());
        } catch (NumberFormatException e) {
            throw MagicArgs.usageError(this, "'" + words.getFirst() + "' is not a whole number between "
                    + Integer.MIN_VALUE + " and " + Integer.MAX_VALUE + ".");
        }
        System.setProperty(PROPERTY, Integer.toString(seed));
        StringBuilder report = new StringBuilder("Seeded with " + seed + ": toolkit (jotter.seed)");
        report.append(seedDjl(seed) ? ", DJL" : "").append(seedSmile(seed, context) ? ", Smile" : "").append('.');
        context.out().println(report);
        context.out().flush();
        return null;
    }

    private static boolean seedDjl(int seed) {
        try {
            // The toolkit's preparation first: offline mode and the libtorch folder it selected, if any.
            dev.jotter.toolkit.train.Devices.quiet();
            ai.djl.engine.Engine.getInstance().setRandomSeed(seed);
            return true;
        } catch (Throwable t) {
            // No engine (missing natives, unsupported platform): nothing to seed there.
            return false;
        }
    }

    /**
     * Seeds Smile's generator of the thread that runs cells, which is not the thread that runs
     * magics: evaluating the call as Java runs it there. Also this thread's, for hosts that run
     * both on one thread. The table for new threads is refilled last, as seeding a thread for the
     * first time takes the table's next seed.
     */
    private static boolean seedSmile(int seed, MagicContext context) {
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
        reseedSmileThreads(seed);
        return cells;
    }

    /**
     * Smile hands each new thread the next seed from its static DEFAULT_SEEDS table. Refilling
     * the table from N and rewinding the counter makes the threads JShell starts for later
     * snippets get a reproducible sequence. Smile internals: if they change, only this part is
     * skipped.
     */
    private static void reseedSmileThreads(int seed) {
        try {
            Class<?> mathEx = Class.forName("smile.math.MathEx");
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
