package dev.jotter.api;

import java.util.concurrent.atomic.AtomicReference;

/** Holds the installed {@link DisplayHost} and {@link KernelHost}; an interface cannot hold mutable state itself. */
final class InstalledHost {
    /** Read by every display call from the cell's thread, set by the kernel's start-up thread. */
    static final AtomicReference<DisplayHost> HOST = new AtomicReference<>();
    /** Read by IJava's API from the cell's thread, set by the kernel's start-up thread. */
    static final AtomicReference<KernelHost> KERNEL = new AtomicReference<>();

    private InstalledHost() {}
}
