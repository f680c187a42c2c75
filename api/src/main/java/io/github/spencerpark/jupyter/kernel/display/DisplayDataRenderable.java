package io.github.spencerpark.jupyter.kernel.display;

import io.github.spencerpark.jupyter.kernel.display.mime.MIMEType;
import java.util.Set;

/** A value that renders itself; the kernel shows it as its {@link #render} fills the context's output. */
@FunctionalInterface
public interface DisplayDataRenderable {
    /** Everything: the default supported types. */
    Set<MIMEType> ANY = Set.of(MIMEType.ANY);

    /** @return the types this value can render as */
    default Set<MIMEType> getSupportedRenderTypes() {
        return ANY;
    }

    /** @return the types to render as when nothing particular is asked for */
    default Set<MIMEType> getPreferredRenderTypes() {
        return getSupportedRenderTypes();
    }

    /** @param context what is asked for and where the result goes */
    void render(RenderContext context);
}
