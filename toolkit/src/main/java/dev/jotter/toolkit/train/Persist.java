package dev.jotter.toolkit.train;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The on-disk format of every fitted model: a directory with {@code model.properties} (kind,
 * architecture, preprocessing, class names, history) and, for DJL models, the parameters that
 * {@link dev.jotter.toolkit.train.djl.DjlNet#writeParams} writes beside it. Plain text for the metadata so a student can read it.
 */
final class Persist {

    static final String PROPS = "model.properties";

    private Persist() {}

    static void writeProps(Path dir, Properties p) throws IOException {
        Files.createDirectories(dir);
        try (Writer w = Files.newBufferedWriter(dir.resolve(PROPS), StandardCharsets.UTF_8)) {
            p.store(w, "Jotter fitted model");
        }
    }

    static Properties readProps(Path dir, String expectedKind) throws IOException {
        Path file = dir.resolve(PROPS);
        if (!Files.isRegularFile(file)) {
            throw new IOException("Expected a saved model directory with " + PROPS + " at " + dir + ", found none.");
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        String kind = p.getProperty("kind");
        if (expectedKind != null && !expectedKind.equals(kind)) {
            throw new IOException("Expected a saved " + expectedKind + " at " + dir + ", found a " + kind + ". Load it with that model's load().");
        }
        return p;
    }

    static String floats(float[] a) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < a.length; i++) {
            sb.append(i == 0 ? "" : ",").append(a[i]);
        }
        return sb.toString();
    }

    static float[] floats(String s) {
        if (s == null || s.isEmpty()) {
            return new float[0];
        }
        String[] parts = s.split(",");
        float[] a = new float[parts.length];
        for (int i = 0; i < parts.length; i++) {
            a[i] = Float.parseFloat(parts[i]);
        }
        return a;
    }

    /** Names are joined with a unit separator, which no column or class name contains. */
    static String names(List<String> names) {
        return String.join("\u001f", names);
    }

    static List<String> names(String s) {
        return s == null || s.isEmpty() ? List.of() : List.of(s.split("\u001f", -1));
    }

    static void storeHistory(Properties p, History h) {
        p.setProperty("history.names", names(new ArrayList<>(h.names())));
        for (String name : h.names()) {
            StringBuilder sb = new StringBuilder();
            for (double v : h.get(name)) {
                sb.append(sb.isEmpty() ? "" : ",").append(v);
            }
            p.setProperty("history." + name, sb.toString());
        }
    }

    static History loadHistory(Properties p) {
        Map<String, List<Double>> m = new LinkedHashMap<>();
        for (String name : names(p.getProperty("history.names", ""))) {
            List<Double> values = new ArrayList<>();
            String s = p.getProperty("history." + name, "");
            if (!s.isEmpty()) {
                for (String v : s.split(",")) {
                    values.add(Double.parseDouble(v));
                }
            }
            m.put(name, values);
        }
        return History.of(m);
    }
}
