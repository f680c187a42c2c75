package dev.jotter.toolkit.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;

class ChartsTest {

    private final XYChart chart = Plots.line(new double[] {1, 2, 3}, new double[] {2, 4, 3});

    @Test
    void pngIsTwiceTheChartSizeByDefaultAndExactAtOneX() {
        BufferedImage hidpi = Pixels.decode(Charts.toPng(chart));
        assertEquals(1200, hidpi.getWidth());
        assertEquals(800, hidpi.getHeight());
        BufferedImage plain = Pixels.decode(Charts.toPng(chart, 1));
        assertEquals(600, plain.getWidth());
        assertEquals(400, plain.getHeight());
    }

    @Test
    void pngKeepsTheRenderedPixels() {
        BufferedImage drawn = Charts.toImage(chart, 1);
        BufferedImage decoded = Pixels.decode(Charts.toPng(chart, 1));
        for (int y = 0; y < drawn.getHeight(); y += 7) {
            for (int x = 0; x < drawn.getWidth(); x += 5) {
                assertEquals(drawn.getRGB(x, y), decoded.getRGB(x, y), "pixel " + x + "," + y);
            }
        }
    }

    @Test
    void svgIsAStandaloneDocumentOfTheChartSize() {
        String svg = Charts.toSvg(chart);
        assertTrue(svg.contains("<svg"), svg.substring(0, Math.min(200, svg.length())));
        assertTrue(svg.contains("600") && svg.contains("400"), "declares the chart size");
        assertTrue(!svg.contains("<script") && !svg.contains("http://cdn"), "no scripts, no network");
        String gridSvg = Charts.toSvg(ChartGrid.of(2, chart, Plots.line(new double[] {1, 2})));
        assertTrue(gridSvg.contains("<svg"));
    }

    @Test
    void figureOfAcceptsChartsAndFiguresOnly() {
        assertEquals(600, Charts.figureOf(chart).width());
        ChartGrid grid = ChartGrid.of(1, chart);
        assertSame(grid, Charts.figureOf(grid));
        assertNull(Charts.figureOf("text"));
        assertNull(Charts.figureOf(null));
    }

    @Test
    void describeNamesTypeTitleSizeAndSeries() {
        XYChart c = Plots.history(dev.jotter.toolkit.train.History.of(java.util.Map.of("loss", List.of(1.0))), "loss");
        assertEquals("XYChart \"Loss\" 600x400: train", Charts.describe(c));
        assertTrue(Charts.describe(Plots.history(dev.jotter.toolkit.train.History.of(java.util.Map.of("loss", List.of(1.0)))))
                .startsWith("ChartGrid 1x1 450x320: XYChart \"Loss\""));
    }

    @Test
    void scaleIsChecked() {
        assertEquals("Expected a scale above 0 and at most 8, found 0.0.",
                assertThrows(IllegalArgumentException.class, () -> Charts.toImage(chart, 0)).getMessage());
    }

    @Test
    void gridLaysChartsOutInRows() {
        ChartGrid grid = ChartGrid.of(2, chart, chart, chart);
        assertEquals(2, grid.rows());
        assertEquals(1200, grid.width());
        assertEquals(800, grid.height());
        assertEquals("Expected a chart index from 0 to 2 in this grid of 3, found 3.",
                assertThrows(IndexOutOfBoundsException.class, () -> grid.chart(3)).getMessage());
        BufferedImage image = Pixels.hidpiPng(grid);
        // The empty fourth cell stays white; the third chart has its line.
        assertEquals(0, Pixels.count(image, Theme.COLORS[0], 24, 0.55, 0.55, 0.95, 0.95));
        assertTrue(Pixels.count(image, Theme.COLORS[0], 24, 0.05, 0.55, 0.48, 0.95) > 100);
    }
}
