package io.github.spencerpark.ijava.runtime;

import java.util.List;

/**
 * IJava's magic helpers, statically imported into every cell: {@code lineMagic("maven", List.of("g:a:1.0"))}
 * runs {@code %maven g:a:1.0} and returns what the magic returns.
 */
public final class Magics {
    private Magics() {}

    /**
     * Runs a line magic.
     *
     * @param name its name, without {@code %}
     * @param args its arguments, one word each
     * @param <T> what the caller expects back
     * @return what the magic returns, or null
     * @throws RuntimeException wrapping what the magic threw, naming the magic
     */
    public static <T> T lineMagic(String name, List<String> args) {
        try {
            return Kernel.running().getMagics().applyLineMagic(name, args);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new RuntimeException("%" + name + " failed: " + e.getMessage(), e);
        }
    }

    /**
     * Runs a cell magic.
     *
     * @param name its name, without {@code %%}
     * @param args its arguments, one word each
     * @param body the cell's body
     * @param <T> what the caller expects back
     * @return what the magic returns, or null
     * @throws RuntimeException wrapping what the magic threw, naming the magic
     */
    public static <T> T cellMagic(String name, List<String> args, String body) {
        try {
            return Kernel.running().getMagics().applyCellMagic(name, args, body);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new RuntimeException("%%" + name + " failed: " + e.getMessage(), e);
        }
    }
}
