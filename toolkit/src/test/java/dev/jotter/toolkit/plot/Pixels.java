package dev.jotter.toolkit.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/** Pixel checks shared by the plot tests: decoded sizes and colours in regions, never exact bytes. */
final class Pixels {

    private Pixels() {}

    /** Decodes PNG bytes with ImageIO, which also proves they are a valid PNG. */
    static BufferedImage decode(byte[] png) {
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
            assertTrue(image != null, "ImageIO could not decode the PNG");
            return image;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Checks the PNG is the figure's size at 2x. */
    static BufferedImage hidpiPng(Figure figure) {
        BufferedImage image = decode(Charts.toPng(figure));
        assertEquals(2 * figure.width(), image.getWidth(), "PNG width");
        assertEquals(2 * figure.height(), image.getHeight(), "PNG height");
        return image;
    }

    /**
     * Counts pixels within {@code tolerance} (per channel) of {@code color} inside the central
     * part of the image where the plot area lies, as fractions of width and height.
     */
    static int count(BufferedImage image, Color color, int tolerance, double left, double top, double right, double bottom) {
        int n = 0;
        for (int y = (int) (top * image.getHeight()); y < (int) (bottom * image.getHeight()); y++) {
            for (int x = (int) (left * image.getWidth()); x < (int) (right * image.getWidth()); x++) {
                int rgb = image.getRGB(x, y);
                if (Math.abs(((rgb >> 16) & 0xff) - color.getRed()) <= tolerance
                        && Math.abs(((rgb >> 8) & 0xff) - color.getGreen()) <= tolerance
                        && Math.abs((rgb & 0xff) - color.getBlue()) <= tolerance) {
                    n++;
                }
            }
        }
        return n;
    }

    /** Counts pixels of a series colour in the plot area (inside axes, titles and legend margins). */
    static int inPlotArea(BufferedImage image, Color color) {
        return count(image, color, 24, 0.15, 0.12, 0.95, 0.85);
    }

    /** Counts pixels that are not white in the plot area. */
    static int nonWhite(BufferedImage image) {
        int white = 0;
        int all = 0;
        for (int y = (int) (0.12 * image.getHeight()); y < (int) (0.85 * image.getHeight()); y++) {
            for (int x = (int) (0.15 * image.getWidth()); x < (int) (0.95 * image.getWidth()); x++) {
                all++;
                if ((image.getRGB(x, y) & 0xffffff) == 0xffffff) {
                    white++;
                }
            }
        }
        return all - white;
    }
}
