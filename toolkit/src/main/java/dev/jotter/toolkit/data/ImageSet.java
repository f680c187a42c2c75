package dev.jotter.toolkit.data;

import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import tech.tablesaw.api.FloatColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/**
 * Labelled grayscale images, ready for an MLP or a CNN.
 *
 * <pre>{@code
 * jshell> ImageSet digits = Datasets.images("digits")
 * jshell> digits.size()          // 1797
 * jshell> digits.pixels()[0]     // 64 floats in [0,1], row-major
 * jshell> digits.classNames().get(digits.labels()[0])   // "0"
 * }</pre>
 *
 * @param name the dataset name
 * @param width image width in pixels
 * @param height image height in pixels
 * @param pixels one array per image, row-major, each {@code width * height} values scaled to [0,1]
 * @param labels class index per image, into {@code classNames}
 * @param classNames the class names; index = label
 */
public record ImageSet(String name, int width, int height, float[][] pixels, int[] labels, List<String> classNames) {

    /**
     * Checks that the arrays agree.
     *
     * @throws IllegalArgumentException if the pixel and label counts differ, an image has the wrong
     *     size, a class name repeats or a label is not an index into {@code classNames}
     */
    public ImageSet {
        Objects.requireNonNull(name, "name");
        classNames = List.copyOf(classNames);
        if (pixels.length != labels.length) {
            throw new IllegalArgumentException("ImageSet " + name + ": expected one label per image, found "
                    + pixels.length + " images and " + labels.length + " labels");
        }
        for (int i = 0; i < pixels.length; i++) {
            if (pixels[i].length != width * height) {
                throw new IllegalArgumentException("ImageSet " + name + ": image " + i + " has " + pixels[i].length
                        + " pixels, expected " + width + "x" + height + " = " + width * height);
            }
        }
        ClassLabels.check("ImageSet", name, "image", labels, classNames);
    }

    /**
     * This set's labels as indices into another class list, matched by name: how a model trained
     * with classes {@code classes} reads this set, whatever order this set lists its classes in.
     *
     * @param classes the class names to index into, e.g. a model's {@code classes()}
     * @return one index into {@code classes} per image
     * @throws IllegalArgumentException naming the classes of this set that {@code classes} lacks
     */
    public int[] labelsIn(List<String> classes) {
        return ClassLabels.labelsIn("ImageSet", name, "images", labels, classNames, classes);
    }

    /** @return the number of images */
    public int size() {
        return labels.length;
    }

    /** @return the number of pixels per image, {@code width * height} */
    public int features() {
        return width * height;
    }

    /** @return the number of classes */
    public int numClasses() {
        return classNames.size();
    }

    /**
     * The first images.
     *
     * @param n how many; more than {@link #size()} gives them all
     * @return a new set sharing the pixel arrays (they are never modified)
     */
    public ImageSet head(int n) {
        return slice(0, Math.min(n, size()));
    }

    /**
     * Same as {@link #head(int)}: a smaller set for quick experiments.
     *
     * @param n how many images
     * @return the first {@code n} images
     */
    public ImageSet subset(int n) {
        return head(n);
    }

    /**
     * A contiguous range of images.
     *
     * @param from first index, inclusive
     * @param to last index, exclusive
     * @return a new set with those images
     */
    public ImageSet slice(int from, int to) {
        Objects.checkFromToIndex(from, to, size());
        return new ImageSet(name, width, height, java.util.Arrays.copyOfRange(pixels, from, to),
                java.util.Arrays.copyOfRange(labels, from, to), classNames);
    }

    /**
     * The images at the given indices, in that order (e.g. from {@link dev.jotter.toolkit.prep.Split}).
     *
     * @param indices row indices
     * @return a new set
     */
    public ImageSet select(int[] indices) {
        float[][] p = new float[indices.length][];
        int[] l = new int[indices.length];
        for (int i = 0; i < indices.length; i++) {
            p[i] = pixels[indices[i]];
            l[i] = labels[indices[i]];
        }
        return new ImageSet(name, width, height, p, l, classNames);
    }

    /**
     * A reproducible random permutation.
     *
     * @param seed random seed (42 is the toolkit's usual default)
     * @return a new, shuffled set
     */
    public ImageSet shuffle(long seed) {
        int[] idx = new int[size()];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i;
        }
        SplittableRandom r = new SplittableRandom(seed);
        for (int i = idx.length - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = idx[i];
            idx[i] = idx[j];
            idx[j] = t;
        }
        return select(idx);
    }

    /**
     * All pixels in one row-major array of {@code size() * features()} values, the layout
     * {@code NDManager.create(float[], new Shape(size(), features()))} expects.
     *
     * @return a new array
     */
    public float[] flatPixels() {
        int f = features();
        float[] out = new float[size() * f];
        for (int i = 0; i < pixels.length; i++) {
            System.arraycopy(pixels[i], 0, out, i * f, f);
        }
        return out;
    }

    /**
     * Counts images per class.
     *
     * @return count per label index
     */
    public int[] classCounts() {
        int[] c = new int[numClasses()];
        for (int l : labels) {
            c[l]++;
        }
        return c;
    }

    /**
     * The images as a table: columns {@code pixel_0 ... pixel_N} (floats in [0,1]) and {@code label}.
     *
     * @return a new table
     */
    public Table toTable() {
        Table t = Table.create(name);
        for (int j = 0; j < features(); j++) {
            float[] col = new float[size()];
            for (int i = 0; i < col.length; i++) {
                col[i] = pixels[i][j];
            }
            t.addColumns(FloatColumn.create("pixel_" + j, col));
        }
        t.addColumns(IntColumn.create("label", labels.clone()));
        return t;
    }

    @Override
    public String toString() {
        return "ImageSet[" + name + ": " + size() + " images " + width + "x" + height + ", " + numClasses() + " classes " + classNames + "]";
    }
}
