package dev.jotter.toolkit.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jotter.magics.Renderer;
import dev.jotter.toolkit.plot.ProgressView;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ProgressRendererTest {

    private final ProgressRenderer renderer = new ProgressRenderer();
    private final ProgressView view = new ProgressView("Epoch 1/2 [>....] 1/5", "<div>Epoch 1/2</div>");

    @Test
    void rendersHtmlWithATextFallback() {
        assertTrue(renderer.supports(view));
        assertFalse(renderer.supports("Epoch 1/2"));
        assertEquals(Map.of("text/html", "<div>Epoch 1/2</div>", "text/plain", "Epoch 1/2 [>....] 1/5"),
                renderer.render(view, Set.of()));
        assertEquals(Map.of("text/plain", "Epoch 1/2 [>....] 1/5"), renderer.render(view, Set.of("text/plain")));
    }

    @Test
    void bothRenderersAreRegisteredForTheKernel() {
        List<String> found = ServiceLoader.load(Renderer.class).stream().map(p -> p.type().getName()).toList();
        assertTrue(found.contains(ChartRenderer.class.getName()), found.toString());
        assertTrue(found.contains(ProgressRenderer.class.getName()), found.toString());
    }
}
