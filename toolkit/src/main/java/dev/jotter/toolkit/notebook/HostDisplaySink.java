package dev.jotter.toolkit.notebook;

import dev.jotter.api.DisplayHost;
import dev.jotter.kernel.Display;
import dev.jotter.toolkit.plot.DisplaySink;

/**
 * Lets the toolkit's live displays (training progress bars, live loss charts) update an output
 * area in place when running inside a Jotter kernel or the headless runner. Registered with
 * {@link java.util.ServiceLoader}; says it is not a notebook when no kernel has installed a
 * {@link DisplayHost}, so the toolkit falls back to console output.
 *
 * <p>It lives in the toolkit, not the kernel: the toolkit is loaded by the notebook's class
 * loader, which sees the kernel only through the user API.
 */
public final class HostDisplaySink implements DisplaySink {

    /** Creates the sink; ServiceLoader calls this. */
    public HostDisplaySink() {}

    @Override
    public boolean isNotebook() {
        return DisplayHost.installed() != null;
    }

    @Override
    public String display(Object value) {
        return Display.display(value);
    }

    @Override
    public void update(String displayId, Object value) {
        Display.updateDisplay(displayId, value);
    }
}
