package io.github.spencerpark.ijava;

import dev.jotter.api.KernelHost;

/**
 * IJava's entry point for notebook code, implemented by Jotter:
 * {@code IJava.getKernelInstance().getRenderer().createRegistration(...)}, as d2l-java's
 * plot-utils notebook does. Starting a kernel is Jotter's business ({@code jotter kernel}), so
 * there is no {@code main} here.
 */
public final class IJava {
    private static volatile JavaKernel kernel;

    private IJava() {}

    /**
     * The kernel user code runs in: one per kernel session, so render functions registered in
     * one notebook never reach the next one {@code jotter run} runs.
     *
     * @return the running kernel, or null outside a kernel (as IJava returns)
     */
    public static JavaKernel getKernelInstance() {
        KernelHost host = KernelHost.installed();
        if (host == null) {
            return null;
        }
        JavaKernel k = kernel;
        if (k == null || k.host() != host) {
            synchronized (IJava.class) {
                k = kernel;
                if (k == null || k.host() != host) {
                    k = new JavaKernel(host);
                    kernel = k;
                }
            }
        }
        return k;
    }
}
