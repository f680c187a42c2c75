package dev.jotter.kernel.display;

import dev.jotter.kernel.MimeBundle;
import dev.jotter.kernel.session.CellOutput;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

/**
 * Values shown in the running (or last) cell's output area: rendered to MIME bundles, sent as
 * display data, replaced by display id, cleared.
 */
public final class CellDisplays {
    private final OutputRouter router;
    private final Renderers renderers;
    private volatile CellOutput output;

    /**
     * @param router carries printed text, flushed before each display so that the order holds
     * @param renderers the MIME renderer registry
     */
    public CellDisplays(OutputRouter router, Renderers renderers) {
        this.router = router;
        this.renderers = renderers;
    }

    /** @param out the output of the cell that starts now */
    public void setOutput(CellOutput out) {
        this.output = out;
    }

    /** @return the output of the running (or last) cell, or null */
    public CellOutput output() {
        return output;
    }

    /**
     * Renders a value through the registry.
     *
     * @param value the value
     * @param text JShell's text form, or null
     * @param mimeTypes MIME types asked for
     * @return the bundle
     */
    public MimeBundle render(Object value, String text, String... mimeTypes) {
        return renderers.render(value, new LinkedHashSet<>(List.of(mimeTypes)), text);
    }

    /**
     * Shows a value now as display_data.
     *
     * @param value the value
     * @param mimeTypes MIME types to render; none means defaults
     * @return the display id
     */
    public String display(Object value, String... mimeTypes) {
        String id = UUID.randomUUID().toString();
        send(value, id, false, mimeTypes);
        return id;
    }

    /**
     * Replaces an earlier display.
     *
     * @param id the display id
     * @param value the new value
     * @param mimeTypes MIME types to render; none means defaults
     */
    public void update(String id, Object value, String... mimeTypes) {
        send(value, id, true, mimeTypes);
    }

    private void send(Object value, String id, boolean update, String... mimeTypes) {
        CellOutput out = output;
        if (out == null) {
            return;
        }
        router.flush();
        MimeBundle b = render(value, null, mimeTypes);
        out.display(b.data(), b.metadata(), id, update);
    }

    /**
     * Clears the current cell's output.
     *
     * @param wait wait for new output before clearing
     */
    public void clear(boolean wait) {
        CellOutput out = output;
        if (out != null) {
            router.flush();
            out.clear(wait);
        }
    }
}
