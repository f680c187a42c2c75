package dev.jotter.toolkit.plot;

import java.io.PrintStream;
import java.util.ServiceLoader;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Where the toolkit shows things that update in place, such as a training progress bar or a
 * live loss chart. The toolkit knows nothing of Jupyter: in a Jotter kernel,
 * {@code dev.jotter.toolkit.notebook.HostDisplaySink} (registered with {@link ServiceLoader}, on the
 * user API only) says {@link #isNotebook()} and shows through the kernel's display, while a plain
 * program falls back to {@link #console()}, which prints text lines.
 */
public interface DisplaySink {

    /** @return true when output is shown in a notebook that can update an area in place */
    boolean isNotebook();

    /**
     * Shows a value in a new output area.
     *
     * @param value anything the host can render: text, an XChart chart, an image, a Table
     * @return an id to pass to {@link #update}
     */
    String display(Object value);

    /**
     * Replaces what an earlier {@link #display} showed.
     *
     * @param displayId the id that {@link #display} returned
     * @param value the new content
     */
    void update(String displayId, Object value);

    /**
     * The sink in force: the first one registered with {@link ServiceLoader} that says it is
     * {@linkplain #isNotebook() a notebook}, else {@link #console()}.
     *
     * @return the sink to use now
     */
    static DisplaySink current() {
        for (DisplaySink sink : ServiceLoader.load(DisplaySink.class, DisplaySink.class.getClassLoader())) {
            if (sink.isNotebook()) {
                return sink;
            }
        }
        return console();
    }

    /**
     * A sink for terminals and logs: every display and update is printed as one line of text,
     * so nothing is overwritten and CI logs stay readable.
     *
     * @return a sink that prints to {@code System.out}
     */
    static DisplaySink console() {
        return new DisplaySink() {
            private final AtomicInteger ids = new AtomicInteger();

            @Override
            public boolean isNotebook() {
                return false;
            }

            @Override
            public String display(Object value) {
                print(value);
                return "console-" + ids.incrementAndGet();
            }

            @Override
            public void update(String displayId, Object value) {
                print(value);
            }

            private void print(Object value) {
                PrintStream out = System.out;
                // Charts and images have no useful text form in a terminal; say what they are instead.
                if (value instanceof CharSequence || value instanceof Number) {
                    out.println(value);
                } else if (value != null) {
                    out.println("[" + value.getClass().getSimpleName() + "]");
                }
            }
        };
    }
}
