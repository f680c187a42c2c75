package dev.jotter.toolkit.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jotter.toolkit.plot.ChartGrid;
import dev.jotter.toolkit.plot.Plots;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;

class ChartRendererTest {

    private final ChartRenderer renderer = new ChartRenderer();
    private final XYChart chart = Plots.line(new double[] {1, 2, 3}, new double[] {1, 4, 9});

    private static BufferedImage png(Object base64) throws IOException {
        return ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode((String) base64)));
    }

    @Test
    void supportsChartsAndFiguresOnly() {
        assertTrue(renderer.supports(chart));
        assertTrue(renderer.supports(ChartGrid.of(1, chart)));
        assertTrue(renderer.supports(Plots.images(new float[][] {new float[4]}, 2, 2, List.of())));
        assertFalse(renderer.supports("a string"));
        assertFalse(renderer.supports(new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB)), "the kernel's built-in");
    }

    @Test
    void defaultIsAHidpiPngWithText() throws IOException {
        Map<String, Object> bundle = renderer.render(chart, Set.of());

        assertEquals(Set.of("image/png", "text/plain"), bundle.keySet());
        BufferedImage image = png(bundle.get("image/png"));
        assertEquals(1200, image.getWidth());
        assertEquals(800, image.getHeight());
        assertEquals("XYChart 600x400: y", bundle.get("text/plain"));
        assertEquals(Map.of("image/png", Map.of("width", 600, "height", 400)), renderer.metadata(chart, bundle));
    }

    @Test
    void svgOnRequest() {
        Map<String, Object> bundle = renderer.render(chart, Set.of("image/svg+xml"));
        assertEquals(Set.of("image/svg+xml", "text/plain"), bundle.keySet());
        assertTrue(((String) bundle.get("image/svg+xml")).contains("<svg"));
        assertEquals(Map.of(), renderer.metadata(chart, bundle), "no PNG, nothing to size");
    }

    @Test
    void bothWhenBothAreRequested() {
        Map<String, Object> bundle = renderer.render(chart, Set.of("image/svg+xml", "image/png"));
        assertEquals(Set.of("image/png", "image/svg+xml", "text/plain"), bundle.keySet());
    }

    @Test
    void gridsRenderAsOnePicture() throws IOException {
        ChartGrid grid = ChartGrid.of(2, chart, chart);
        Map<String, Object> bundle = renderer.render(grid, Set.of());
        BufferedImage image = png(bundle.get("image/png"));
        assertEquals(2 * 1200, image.getWidth());
        assertTrue(((String) bundle.get("text/plain")).startsWith("ChartGrid 1x2 1200x400"));
    }

    @Test
    void outranksTheKernelsBuiltIns() {
        assertTrue(renderer.priority() > 0);
    }
}
