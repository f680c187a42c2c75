package dev.jotter.kernel.display;

import dev.jotter.kernel.Display;
import dev.jotter.kernel.session.Session;
import dev.jotter.toolkit.plot.DisplaySink;

/**
 * Lets the toolkit's live displays (training progress bars, live loss charts) update an output
 * area in place when running inside this kernel or the headless runner. Registered with
 * {@link java.util.ServiceLoader}; says it is not a notebook when no session is running, so the
 * toolkit falls back to console output.
 */
public final class KernelDisplaySink implements DisplaySink {

    /** Creates the sink; ServiceLoader calls this. */
    public KernelDisplaySink() {}

    @Override
    public boolean isNotebook() {
        Session s = Session.active();
        return s != null && s.output() != null;
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
