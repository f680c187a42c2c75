package io.github.spencerpark.ijava;

import dev.jotter.api.DisplayHost;
import dev.jotter.api.KernelHost;
import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import io.github.spencerpark.jupyter.kernel.display.Renderer;
import io.github.spencerpark.jupyter.kernel.magic.registry.Magics;

/**
 * The running kernel as IJava's API shows it to notebook code: its renderer registry, its
 * magics, evaluation and display. Implemented by Jotter over the kernel's {@link KernelHost} and
 * {@link DisplayHost}; get it with {@link IJava#getKernelInstance()}.
 */
public final class JavaKernel {
    private final KernelHost host;
    private final Renderer renderer = new Renderer();
    private final Magics magics;

    JavaKernel(KernelHost host) {
        this.host = host;
        this.magics = new Magics(host);
    }

    KernelHost host() {
        return host;
    }

    /** @return the renderer registry: functions registered here render values everywhere they are shown */
    public Renderer getRenderer() {
        return renderer;
    }

    /** @return the magics, to run by name */
    public Magics getMagics() {
        return magics;
    }

    /**
     * Shows rendered data below the running cell.
     *
     * @param data what to show
     */
    public void display(DisplayData data) {
        DisplayHost display = DisplayHost.installed();
        if (display != null) {
            display.display(data);
        }
    }

    /**
     * Evaluates code as a cell would, magics included, and renders its value.
     *
     * @param code Java snippets and magic lines
     * @return the rendered value, or null when the code has none
     * @throws Exception a compile error or what the code threw
     */
    public DisplayData eval(String code) throws Exception {
        Object value = evalRaw(code);
        if (value == null) {
            return null;
        }
        return value instanceof DisplayData d ? d : renderer.render(value);
    }

    /**
     * Evaluates code as a cell would, magics included.
     *
     * @param code Java snippets and magic lines
     * @return the last snippet's value, or null
     * @throws Exception a compile error or what the code threw
     */
    public Object evalRaw(String code) throws Exception {
        return host.eval(code);
    }

    /**
     * Adds a jar or class folder to the class path of the notebook's code.
     *
     * @param path the jar or folder
     */
    public void addToClasspath(String path) {
        host.addToClasspath(path);
    }
}
