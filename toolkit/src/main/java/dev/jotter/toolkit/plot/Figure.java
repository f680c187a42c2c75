package dev.jotter.toolkit.plot;

import java.awt.Graphics2D;

/**
 * Something made of several panels that draws itself as one picture, such as the side-by-side
 * loss and accuracy curves of {@link Plots#history} or the digit grid of {@link Plots#images}.
 * Notebooks display a Figure like an XChart chart; {@link Charts} turns it into PNG or SVG.
 */
public interface Figure {

    /** @return the width in pixels at 1x (it is drawn larger on HiDPI screens) */
    int width();

    /** @return the height in pixels at 1x */
    int height();

    /**
     * Draws the figure at 1x into {@code g}, whose transform may scale it up.
     *
     * @param g where to draw, with (0, 0) at the figure's top left corner
     */
    void paint(Graphics2D g);
}
