package dev.jotter.toolkit.plot;

import java.awt.Color;
import java.awt.Graphics2D;
import java.util.List;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * Charts laid out in a grid, left to right then top to bottom, like matplotlib's
 * {@code plt.subplots(rows, columns)}. Each chart keeps its own size and can still be
 * customised through {@link #charts()} or {@link #chart(int)} before the grid is shown.
 *
 * <pre>{@code
 * jshell> ChartGrid g = ChartGrid.of(2, Plots.line(y1), Plots.line(y2));
 * jshell> g.chart(0).setTitle("first");
 * }</pre>
 *
 * @param charts the charts, in reading order; copied
 * @param columns how many charts per row, at least 1
 */
public record ChartGrid(List<Chart<?, ?>> charts, int columns) implements Figure {

    /** Checks the layout and copies the list, so a grid never changes shape after it is made. */
    public ChartGrid {
        if (charts.isEmpty()) {
            throw new IllegalArgumentException("Expected at least one chart in a ChartGrid, found none.");
        }
        if (columns < 1) {
            throw new IllegalArgumentException("Expected at least 1 column, found " + columns + ".");
        }
        charts = List.copyOf(charts);
    }

    /**
     * Lays charts out {@code columns} to a row.
     *
     * @param columns charts per row
     * @param charts the charts, in reading order
     * @return the grid
     */
    public static ChartGrid of(int columns, Chart<?, ?>... charts) {
        return new ChartGrid(List.of(charts), columns);
    }

    /**
     * Returns one chart of the grid, for customising.
     *
     * @param index from 0, in reading order
     * @return the chart
     * @throws IndexOutOfBoundsException naming the index and how many charts there are
     */
    public Chart<?, ?> chart(int index) {
        if (index < 0 || index >= charts.size()) {
            throw new IndexOutOfBoundsException("Expected a chart index from 0 to " + (charts.size() - 1) + " in this grid of "
                    + charts.size() + ", found " + index + ".");
        }
        return charts.get(index);
    }

    /** @return the number of rows */
    public int rows() {
        return (charts.size() + columns - 1) / columns;
    }

    private int cellWidth() {
        return charts.stream().mapToInt(Chart::getWidth).max().orElse(0);
    }

    private int cellHeight() {
        return charts.stream().mapToInt(Chart::getHeight).max().orElse(0);
    }

    @Override
    public int width() {
        return cellWidth() * Math.min(columns, charts.size());
    }

    @Override
    public int height() {
        return cellHeight() * rows();
    }

    @Override
    public void paint(Graphics2D g) {
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width(), height());
        int cw = cellWidth();
        int ch = cellHeight();
        for (int i = 0; i < charts.size(); i++) {
            Chart<?, ?> chart = charts.get(i);
            // XChart leaves its clip, stroke and hints behind; a copy keeps panels independent.
            Graphics2D cell = (Graphics2D) g.create();
            try {
                cell.translate((i % columns) * cw, (i / columns) * ch);
                chart.paint(cell, chart.getWidth(), chart.getHeight());
            } finally {
                cell.dispose();
            }
        }
    }
}
