package dev.jotter.toolkit.data;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.zip.GZIPInputStream;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.csv.CsvReadOptions;

/**
 * The real datasets shipped in the {@code jotter-datasets} jar; nothing is downloaded.
 * Provenance, licences and checksums are in {@code datasets/README.md}.
 *
 * <pre>{@code
 * jshell> Datasets.list()
 * jshell> Table iris = Datasets.load("iris")          // 150 rows x 5 columns, species is a StringColumn
 * jshell> ImageSet digits = Datasets.images("digits") // 1797 8x8 images in [0,1]
 * jshell> ImageSet train = Datasets.images("fashion-mnist", "train")
 * jshell> TextSet reviews = Datasets.text("sentiment")
 * }</pre>
 */
public final class Datasets {

    private static final String ROOT = "dev/jotter/datasets/";

    private Datasets() {}

    /**
     * Every shipped dataset.
     *
     * @return one entry per dataset, sorted by name
     */
    public static List<DatasetInfo> list() {
        List<DatasetInfo> out = new ArrayList<>();
        for (String name : names()) {
            Properties p = properties(name);
            out.add(new DatasetInfo(name, p.getProperty("kind"), p.getProperty("title"), p.getProperty("target", ""),
                    classes(p)));
        }
        return List.copyOf(out);
    }

    /**
     * The names accepted by {@link #load}, {@link #images} and {@link #text}.
     *
     * @return dataset names, sorted
     */
    public static List<String> names() {
        try (InputStream in = open(ROOT + "index.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(s -> !s.isBlank()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the dataset index from the jotter-datasets jar", e);
        }
    }

    /**
     * Loads a dataset as a table with the column types recorded by the converter (missing
     * values stay missing). Image datasets stored as CSV ({@code digits}) give pixel columns
     * plus {@code label}.
     *
     * @param name a name from {@link #names()}, e.g. {@code "iris"}
     * @return a new table named after the dataset
     * @throws IllegalArgumentException for an unknown name or for {@code fashion-mnist}, which is too big for a table
     */
    public static Table load(String name) {
        Properties p = properties(name);
        if (p.getProperty("types") == null) {
            throw new IllegalArgumentException("Expected a dataset small enough for a Table, found '" + name + "' with " + p.getProperty("title")
                    + "; use Datasets.images(\"" + name + "\") or images(\"" + name + "\", \"train\")");
        }
        ColumnType[] types = Arrays.stream(p.getProperty("types").split(","))
                .map(t -> ColumnType.valueOf(t.strip())).toArray(ColumnType[]::new);
        String file = p.getProperty("file");
        try (InputStream in = data(name, file)) {
            return Table.read().usingOptions(CsvReadOptions.builder(in).tableName(name).columnTypes(types)
                    .missingValueIndicator("").maxCharsPerColumn(1 << 16)
                    // univocity treats a leading # as a comment by default; a review can start with "#1".
                    .commentPrefix('\0'));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + ROOT + name + "/" + file + " from the jotter-datasets jar", e);
        }
    }

    /**
     * Loads an image dataset with pixels scaled to [0,1]. For {@code fashion-mnist} this is all
     * 70000 images, the 60000 training images first; see {@link #images(String, String)}.
     *
     * @param name {@code digits} or {@code fashion-mnist}
     * @return the images and labels
     */
    public static ImageSet images(String name) {
        return images(name, "all");
    }

    /**
     * Loads one part of an image dataset.
     *
     * @param name {@code digits} or {@code fashion-mnist}
     * @param part {@code train}, {@code test} or {@code all}; {@code digits} has no official split, only {@code all}
     * @return the images and labels
     */
    public static ImageSet images(String name, String part) {
        Properties p = properties(name);
        if (!"images".equals(p.getProperty("kind"))) {
            throw new IllegalArgumentException("Expected an image dataset, one of " + namesOfKind("images") + ", found '" + name + "', a "
                    + p.getProperty("kind") + " dataset.");
        }
        int w = Integer.parseInt(p.getProperty("width"));
        int h = Integer.parseInt(p.getProperty("height"));
        float max = Float.parseFloat(p.getProperty("max_value"));
        List<String> classes = classes(p);
        if (p.getProperty("train_images") != null) {
            return switch (part) {
                case "train" -> idx(name, p.getProperty("train_images"), p.getProperty("train_labels"), w, h, max, classes);
                case "test" -> idx(name, p.getProperty("test_images"), p.getProperty("test_labels"), w, h, max, classes);
                case "all" -> concat(idx(name, p.getProperty("train_images"), p.getProperty("train_labels"), w, h, max, classes),
                        idx(name, p.getProperty("test_images"), p.getProperty("test_labels"), w, h, max, classes));
                default -> throw new IllegalArgumentException("Expected a part train, test or all of " + name + ", found '" + part + "'.");
            };
        }
        if (!"all".equals(part)) {
            throw new IllegalArgumentException("Expected the part \"all\" of " + name + ", which has no official split, found '" + part
                    + "'; load \"all\" and use Split.trainTest(...) to split it");
        }
        Table t = load(name);
        int n = t.rowCount();
        int f = w * h;
        float[][] pixels = new float[n][f];
        for (int j = 0; j < f; j++) {
            NumericColumn<?> c = t.numberColumn(j);
            for (int i = 0; i < n; i++) {
                pixels[i][j] = (float) (c.getDouble(i) / max);
            }
        }
        int[] labels = targetCodes(t, p.getProperty("target"), classes);
        return new ImageSet(name, w, h, pixels, labels, classes);
    }

    /**
     * Loads a text classification dataset.
     *
     * @param name {@code sentiment}
     * @return texts, labels (sentiment: 0 = negative, 1 = positive) and sources
     */
    public static TextSet text(String name) {
        Properties p = properties(name);
        if (!"text".equals(p.getProperty("kind"))) {
            throw new IllegalArgumentException("Expected a text dataset, one of " + namesOfKind("text") + ", found '" + name + "', a "
                    + p.getProperty("kind") + " dataset.");
        }
        Table t = load(name);
        List<String> sources = t.containsColumn("source") ? t.stringColumn("source").asList() : null;
        List<String> texts = t.stringColumn("text").asList();
        int[] labels = targetCodes(t, p.getProperty("target"), classes(p));
        return sources == null ? new TextSet(name, texts, labels, classes(p))
                : new TextSet(name, texts, labels, classes(p), sources);
    }

    private static ImageSet concat(ImageSet a, ImageSet b) {
        float[][] p = Arrays.copyOf(a.pixels(), a.size() + b.size());
        System.arraycopy(b.pixels(), 0, p, a.size(), b.size());
        int[] l = Arrays.copyOf(a.labels(), a.size() + b.size());
        System.arraycopy(b.labels(), 0, l, a.size(), b.size());
        return new ImageSet(a.name(), a.width(), a.height(), p, l, a.classNames());
    }

    /** Reads a gzipped IDX pair (the MNIST format: big-endian magic, counts, then unsigned bytes). */
    private static ImageSet idx(String name, String images, String labels, int w, int h, float max, List<String> classes) {
        try (DataInputStream im = new DataInputStream(new BufferedInputStream(new GZIPInputStream(data(name, images), 1 << 16), 1 << 16));
             DataInputStream lb = new DataInputStream(new BufferedInputStream(new GZIPInputStream(data(name, labels))))) {
            int magic = im.readInt();
            int n = im.readInt();
            int rows = im.readInt();
            int cols = im.readInt();
            if (magic != 0x803 || rows != h || cols != w) {
                // A damaged file in the datasets jar is an I/O failure: the catch below wraps it as UncheckedIOException.
                throw new IOException(images + ": expected an IDX image file of " + w + "x" + h
                        + " images (magic 0x803), found magic 0x" + Integer.toHexString(magic) + " and " + cols + "x" + rows);
            }
            int lmagic = lb.readInt();
            int ln = lb.readInt();
            if (lmagic != 0x801 || ln != n) {
                throw new IOException(labels + ": expected an IDX label file with " + n + " labels, found magic 0x"
                        + Integer.toHexString(lmagic) + " and " + ln + " labels");
            }
            float[] scale = new float[256];
            for (int v = 0; v < 256; v++) {
                scale[v] = v / max;
            }
            byte[] buf = new byte[w * h];
            float[][] px = new float[n][];
            int[] lab = new int[n];
            for (int i = 0; i < n; i++) {
                im.readFully(buf);
                float[] img = new float[buf.length];
                for (int j = 0; j < buf.length; j++) {
                    img[j] = scale[buf[j] & 0xff];
                }
                px[i] = img;
                lab[i] = lb.readUnsignedByte();
            }
            return new ImageSet(name, w, h, px, lab, classes);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + ROOT + name + "/" + images + " from the jotter-datasets jar", e);
        }
    }

    private static List<String> namesOfKind(String kind) {
        return list().stream().filter(d -> d.kind().equals(kind)).map(DatasetInfo::name).toList();
    }

    /**
     * A bundled dataset's target column holds class indices 0..k-1 (named by its properties), so
     * its labels are read against the codes "0".."k-1": a sample lacking a class keeps the indices.
     */
    private static int[] targetCodes(Table t, String target, List<String> classes) {
        return Matrix.labels(t, target, Matrix.indexNames(classes.size()));
    }

    private static List<String> classes(Properties p) {
        String c = p.getProperty("classes", "");
        return c.isEmpty() ? List.of() : List.of(c.split(","));
    }

    private static Properties properties(String name) {
        if (name == null || !names().contains(name)) {
            if (looksLikeAFile(name)) {
                throw new IllegalArgumentException("No dataset '" + name + "' among the shipped datasets " + names()
                        + "; to read your own file use " + fileReader(name) + "(\"" + name + "\")" + fileStatus(name));
            }
            String close = Columns.closest(name, names());
            throw new IllegalArgumentException("No dataset '" + name + "'"
                    + (close == null ? "" : "; did you mean '" + close + "'?") + " Available: " + names());
        }
        Properties p = new Properties();
        try (InputStream in = open(ROOT + name + "/dataset.properties")) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the metadata of dataset " + name, e);
        }
        return p;
    }

    /** A name with a folder or a data file's extension was meant as a path, not a dataset name. */
    private static boolean looksLikeAFile(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return name.contains("/") || name.contains("\\") || lower.endsWith(".csv") || lower.endsWith(".json")
                || lower.endsWith(".tsv") || lower.endsWith(".txt") || lower.endsWith(".gz");
    }

    private static String fileReader(String name) {
        return name.toLowerCase(Locale.ROOT).endsWith(".json") ? "Data.json" : "Data.csv";
    }

    /** Whether the file is there, so the user knows if the path itself needs fixing too. */
    private static String fileStatus(String name) {
        try {
            Path path = WorkingDirectory.resolve(name);
            return Files.isRegularFile(path) ? " (the file exists)"
                    : " (no such file in " + WorkingDirectory.get() + " either; check the path)";
        } catch (InvalidPathException e) {
            return "";
        }
    }

    private static InputStream data(String name, String file) throws IOException {
        InputStream in = open(ROOT + name + "/" + file);
        return file.endsWith(".gz") && !file.contains("idx") ? new GZIPInputStream(in, 1 << 16) : in;
    }

    private static InputStream open(String resource) {
        InputStream in = Datasets.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("Resource " + resource + " is missing; is jotter-datasets on the classpath?");
        }
        return in;
    }
}
