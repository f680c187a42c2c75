package dev.jotter.toolkit.notebook;

import dev.jotter.magics.MagicContext;

/**
 * A library that {@code %seed} seeds besides the toolkit and DJL, found by ServiceLoader
 * ({@code META-INF/services/dev.jotter.toolkit.notebook.LibrarySeeder}) through the toolkit's
 * class loader. This is how the Smile layer (jotter-toolkit-smile, GPL-3.0-or-later) takes part
 * without the toolkit (Apache-2.0) depending on it: without that layer, {@code %seed} seeds the rest.
 */
public interface LibrarySeeder {
    /** @return the library's name, as {@code %seed}'s report lists it, e.g. "Smile" */
    String name();

    /**
     * Seeds the library for the cells that run after this magic.
     *
     * @param seed the seed the notebook gave
     * @param context the magic's context; {@link MagicContext#eval} runs code on the cells' thread
     * @return whether the cells' code is seeded (false when the library is not visible to it)
     */
    boolean seed(int seed, MagicContext context);
}
