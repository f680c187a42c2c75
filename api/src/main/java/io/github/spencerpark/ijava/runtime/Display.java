package io.github.spencerpark.ijava.runtime;

import io.github.spencerpark.ijava.IJava;
import io.github.spencerpark.ijava.JavaKernel;
import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import io.github.spencerpark.jupyter.kernel.display.Renderer;

/**
 * IJava's display helpers. Jotter's cells import {@link dev.jotter.kernel.Display}'s
 * {@code display}, {@code render} and {@code updateDisplay} statically instead (the same calls;
 * {@code render} there returns a {@link dev.jotter.kernel.MimeBundle}); this class serves code
 * that names IJava's class, {@code Display.render(x)} returning {@link DisplayData}.
 */
public final class Display {
    private Display() {}

    /**
     * @param o a value
     * @return it rendered as its renderer prefers
     */
    public static DisplayData render(Object o) {
        return renderer().render(o);
    }

    /**
     * @param o a value
     * @param as MIME types, e.g. {@code "text/html"}
     * @return it rendered as those types where possible
     */
    public static DisplayData render(Object o, String... as) {
        return renderer().renderAs(o, as);
    }

    /**
     * Shows a value below the running cell.
     *
     * @param o a value
     * @return the display id, for {@link #updateDisplay}
     */
    public static String display(Object o) {
        return dev.jotter.kernel.Display.display(o);
    }

    /**
     * Shows a value below the running cell as the given types.
     *
     * @param o a value
     * @param as MIME types
     * @return the display id, for {@link #updateDisplay}
     */
    public static String display(Object o, String... as) {
        return dev.jotter.kernel.Display.display(o, as);
    }

    /**
     * Replaces what an earlier display showed.
     *
     * @param id the display id
     * @param o the new value
     */
    public static void updateDisplay(String id, Object o) {
        dev.jotter.kernel.Display.updateDisplay(id, o);
    }

    /**
     * Replaces what an earlier display showed, as the given types.
     *
     * @param id the display id
     * @param o the new value
     * @param as MIME types
     */
    public static void updateDisplay(String id, Object o, String... as) {
        dev.jotter.kernel.Display.updateDisplay(id, o, as);
    }

    private static Renderer renderer() {
        JavaKernel kernel = IJava.getKernelInstance();
        // Outside a kernel a fresh registry still renders: text/plain.
        return kernel != null ? kernel.getRenderer() : new Renderer();
    }
}
