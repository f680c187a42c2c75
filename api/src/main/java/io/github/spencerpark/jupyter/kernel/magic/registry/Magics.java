package io.github.spencerpark.jupyter.kernel.magic.registry;

import dev.jotter.api.KernelHost;
import java.util.List;

/**
 * IJava's magics registry as notebooks reach it with {@code IJava.getKernelInstance().getMagics()}:
 * runs Jotter's magics by name. Jotter's magics are plug-ins found by the kernel
 * ({@code dev.jotter.magics.LineMagic}), so registering new ones goes there, not here.
 */
public class Magics {
    private final KernelHost host;

    /** @param host the kernel the magics run in */
    public Magics(KernelHost host) {
        this.host = host;
    }

    /**
     * Runs a line magic, as {@code %name args} would.
     *
     * @param name the magic's name, without {@code %}
     * @param args its arguments, one word each
     * @param <T> what the caller expects back
     * @return what the magic returns, or null
     * @throws Exception an unknown magic, or what the magic threw
     */
    @SuppressWarnings("unchecked")
    public <T> T applyLineMagic(String name, List<String> args) throws Exception {
        return (T) host.lineMagic(name, args);
    }

    /**
     * Runs a cell magic, as a cell starting with {@code %%name args} would.
     *
     * @param name the magic's name, without {@code %%}
     * @param args its arguments, one word each
     * @param body the cell's body
     * @param <T> what the caller expects back
     * @return what the magic returns, or null
     * @throws Exception an unknown magic, or what the magic threw
     */
    @SuppressWarnings("unchecked")
    public <T> T applyCellMagic(String name, List<String> args, String body) throws Exception {
        return (T) host.cellMagic(name, args, body);
    }
}
