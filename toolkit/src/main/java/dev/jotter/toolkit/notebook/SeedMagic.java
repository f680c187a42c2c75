package dev.jotter.toolkit.notebook;

import dev.jotter.magics.AbstractMagic;
import dev.jotter.magics.LineMagic;
import dev.jotter.magics.MagicArgs;
import dev.jotter.magics.MagicContext;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

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
                    derived from N, in order (when the Smile layer, jotter-toolkit-smile, is
                    installed, as it is with the kernel)
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
        report.append(seedDjl(seed) ? ", DJL" : "").append(seedLibraries(seed, context)).append('.');
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

    /** The libraries of the {@link LibrarySeeder} services (Smile, when its layer is there), in their names. */
    private static String seedLibraries(int seed, MagicContext context) {
        StringBuilder names = new StringBuilder();
        try {
            for (LibrarySeeder s : ServiceLoader.load(LibrarySeeder.class, SeedMagic.class.getClassLoader())) {
                if (s.seed(seed, context)) {
                    names.append(", ").append(s.name());
                }
            }
        } catch (ServiceConfigurationError | LinkageError e) {
            // A layer whose seeder cannot load (a notebook replaced its library): the report leaves it out.
        }
        return names.toString();
    }
}
