package dev.jotter.toolkit.plot;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.util.List;

/**
 * Small greyscale images in a grid, each titled with its label or with the model's prediction,
 * like the digit grids that open and close a classification notebook. Made by
 * {@link Plots#images}; wrong predictions are titled in red as {@code "prediction (true label)"}.
 *
 * <p>Pixels are drawn dark on white (matplotlib's {@code gray_r}). Values in [0, 1] or [0, 255]
 * are taken as they are; any other range is stretched per image.
 *
 * @param pixels one row-major array of {@code imageWidth * imageHeight} values per image; not copied
 * @param imageWidth pixels per image row
 * @param imageHeight pixel rows per image
 * @param labels one title per image (true labels), or an empty list for none
 * @param predictions one predicted label per image, or an empty list to show labels only
 * @param columns images per row
 * @param shown how many of the images are drawn (the rest are counted in the caption)
 */
public record ImageGrid(float[][] pixels, int imageWidth, int imageHeight, List<String> labels,
                        List<String> predictions, int columns, int shown) implements Figure {

    /** The most images drawn; a larger grid is unreadable in a notebook and slow to send. */
    public static final int MAX_SHOWN = 100;

    /**
     * The widest grid {@link Plots#images} lays out, in pixels at 1x: about a notebook page.
     * Long titles widen the cells, and then it puts fewer images in a row.
     */
    public static final int MAX_WIDTH = 1040;

    private static final int PAD = 8;
    private static final int TITLE = 18;
    private static final Color WRONG = Theme.COLORS[3];

    /** Checks that every image has the stated size and that titles match the images. */
    public ImageGrid {
        if (imageWidth < 1 || imageHeight < 1) {
            throw new IllegalArgumentException("Expected a positive image size, found " + imageWidth + "x" + imageHeight + ".");
        }
        if (pixels.length == 0) {
            throw new IllegalArgumentException("Expected at least one image, found pixels with 0 rows.");
        }
        for (int i = 0; i < pixels.length; i++) {
            if (pixels[i].length != imageWidth * imageHeight) {
                throw new IllegalArgumentException("Expected " + imageWidth + "x" + imageHeight + " = " + imageWidth * imageHeight
                        + " pixels per image, found " + pixels[i].length + " in image " + i
                        + "; check the width and height, or reshape the data to one row per image.");
            }
        }
        labels = List.copyOf(labels);
        predictions = List.copyOf(predictions);
        if (!labels.isEmpty() && labels.size() != pixels.length) {
            throw new IllegalArgumentException("Expected one label per image, found " + pixels.length + " images and " + labels.size()
                    + " labels.");
        }
        if (!predictions.isEmpty() && predictions.size() != pixels.length) {
            throw new IllegalArgumentException("Expected one prediction per image, found " + pixels.length + " images and "
                    + predictions.size() + " predictions.");
        }
        if (columns < 1) {
            throw new IllegalArgumentException("Expected at least 1 column, found " + columns + ".");
        }
        shown = Math.max(1, Math.min(shown, Math.min(pixels.length, MAX_SHOWN)));
    }

    /** @return how many times each image pixel is enlarged: small digits are blown up to about 84 px */
    public int zoom() {
        return Math.max(1, (int) Math.round(84.0 / Math.max(imageWidth, imageHeight)));
    }

    /** @return the number of rows of images */
    public int rows() {
        return (shown + columns - 1) / columns;
    }

    /**
     * Says what image {@code i} is titled with.
     *
     * @param i an image index
     * @return the label, {@code "prediction (label)"} for a wrong prediction, or "" without labels
     */
    public String title(int i) {
        if (predictions.isEmpty()) {
            return labels.isEmpty() ? "" : labels.get(i);
        }
        String predicted = predictions.get(i);
        if (labels.isEmpty() || predicted.equals(labels.get(i))) {
            return predicted;
        }
        return predicted + " (" + labels.get(i) + ")";
    }

    /**
     * @param i an image index
     * @return whether image {@code i} has a prediction that differs from its label
     */
    public boolean wrong(int i) {
        return !predictions.isEmpty() && !labels.isEmpty() && !predictions.get(i).equals(labels.get(i));
    }

    private boolean hasTitles() {
        return !labels.isEmpty() || !predictions.isEmpty();
    }

    private int cellWidth() {
        // Wide enough for the longest title ("Sneaker (Ankle boot)"), so neighbours never overlap.
        return Math.max(imageWidth * zoom(), titleWidth() + PAD) + 2 * PAD;
    }

    /** @return the width in pixels of the widest title drawn, 0 without titles */
    int titleWidth() {
        if (!hasTitles()) {
            return 0;
        }
        Graphics2D g = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics();
        try {
            FontMetrics metrics = g.getFontMetrics(Theme.font(Font.PLAIN, 12f));
            int widest = 0;
            for (int i = 0; i < shown; i++) {
                widest = Math.max(widest, metrics.stringWidth(title(i)));
            }
            return widest;
        } finally {
            g.dispose();
        }
    }

    private int cellHeight() {
        return imageHeight * zoom() + PAD + (hasTitles() ? TITLE : PAD);
    }

    private String caption() {
        String wrongNote = !predictions.isEmpty() && !labels.isEmpty() ? "titles: prediction (true label) when wrong" : "";
        String countNote = shown < pixels.length ? "showing " + shown + " of " + pixels.length + " images" : "";
        if (wrongNote.isEmpty() || countNote.isEmpty()) {
            return wrongNote + countNote;
        }
        return wrongNote + "; " + countNote;
    }

    @Override
    public int width() {
        return Math.max(cellWidth() * Math.min(columns, shown), caption().isEmpty() ? 0 : 7 * caption().length() + 2 * PAD);
    }

    @Override
    public int height() {
        return cellHeight() * rows() + PAD + (caption().isEmpty() ? 0 : TITLE);
    }

    @Override
    public void paint(Graphics2D g) {
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width(), height());
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
        Font font = Theme.font(Font.PLAIN, 12f);
        g.setFont(font);
        FontMetrics metrics = g.getFontMetrics();
        int z = zoom();
        int cellWidth = cellWidth();
        for (int i = 0; i < shown; i++) {
            int x = (i % columns) * cellWidth + (cellWidth - imageWidth * z) / 2;
            int y = (i / columns) * cellHeight() + PAD;
            if (hasTitles()) {
                String title = title(i);
                g.setColor(wrong(i) ? WRONG : Theme.INK);
                int tx = x + (imageWidth * z - metrics.stringWidth(title)) / 2;
                g.drawString(title, tx, y + metrics.getAscent());
                y += TITLE;
            }
            g.drawImage(toImage(pixels[i]), x, y, imageWidth * z, imageHeight * z, null);
            g.setColor(Theme.GRID);
            g.drawRect(x, y, imageWidth * z - 1, imageHeight * z - 1);
        }
        if (!caption().isEmpty()) {
            g.setColor(Theme.INK);
            g.drawString(caption(), PAD, height() - PAD);
        }
    }

    private BufferedImage toImage(float[] values) {
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        for (float v : values) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        // Keep the usual scales as they are so a faint digit stays faint; stretch anything else.
        float lo = 0f;
        float hi;
        if (min >= 0f && max <= 1f) {
            hi = 1f;
        } else if (min >= 0f && max <= 255f) {
            hi = 255f;
        } else {
            lo = min;
            hi = max > min ? max : min + 1f;
        }
        BufferedImage image = new BufferedImage(imageWidth, imageHeight, BufferedImage.TYPE_BYTE_GRAY);
        WritableRaster raster = image.getRaster();
        int[] grey = new int[values.length];
        for (int p = 0; p < values.length; p++) {
            float v = Float.isFinite(values[p]) ? (values[p] - lo) / (hi - lo) : 0f;
            grey[p] = 255 - Math.round(255f * Math.clamp(v, 0f, 1f));
        }
        raster.setPixels(0, 0, imageWidth, imageHeight, grey);
        return image;
    }
}
