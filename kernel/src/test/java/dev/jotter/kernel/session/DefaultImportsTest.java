package dev.jotter.kernel.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarOutputStream;
import java.util.zip.ZipEntry;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * A notebook's own imports win over the on-demand imports Jotter adds (issue 19, point 4): each
 * name the issue found ambiguous, with the real library where the kernel bundles it and with a
 * small jar added by {@code %jars} where it does not (Tablesaw's plotly components, Tribuo).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DefaultImportsTest {
    @RegisterExtension
    static final LiveSession live = new LiveSession();
    @TempDir
    static Path dir;

    private static Recorder run(String code) {
        return live.run(code);
    }

    private static String ok(String code) {
        Recorder r = run(code);
        assertNull(r.ename, () -> code + "\n" + r.ename + ": " + r.evalue);
        return r.result == null ? null : (String) r.result.get("text/plain");
    }

    /** Which class a simple name means now, asked once as an expression and once as a declaration. */
    private static void means(String simpleName, String qualified) {
        assertEquals(qualified, ok(simpleName + ".class.getName()"), simpleName);
        ok(simpleName + " declared" + simpleName + " = null;");
        assertEquals(qualified, ok("Class<?> c = " + simpleName + ".class;\nc.getName()"), simpleName);
    }

    /** The toolkit's, Tablesaw's and Display's names that no import of the notebook took. */
    private static void othersStillResolve() {
        assertEquals("dev.jotter.toolkit.prep.OneHotEncoder", ok("OneHotEncoder.class.getName()"));
        assertEquals("dev.jotter.toolkit.data.Datasets", ok("Datasets.class.getName()"));
        assertEquals("dev.jotter.toolkit.plot.Plots", ok("Plots.class.getName()"));
        assertEquals("dev.jotter.toolkit.metrics.ConfusionMatrix", ok("ConfusionMatrix.class.getName()"));
        assertEquals("dev.jotter.toolkit.train.EarlyStopping", ok("EarlyStopping.class.getName()"));
        assertEquals("tech.tablesaw.api.Table", ok("Table.class.getName()"));
        assertEquals("java.time.LocalDate", ok("LocalDate.class.getName()"));
        assertEquals("dev.jotter.kernel.MimeBundle", ok("render(\"<b>x</b>\", \"text/html\").getClass().getName()"));
    }

    @Test
    @Order(2)
    void aNotebooksOnDemandImportWinsOverJottersForEveryNameTheIssueFound() throws Exception {
        // Each name with the package a notebook imports it from; the bundled libraries first.
        Map<String, String> bundled = new LinkedHashMap<>();
        bundled.put("TrainingListener", "ai.djl.training.listener");
        bundled.put("Pipeline", "ai.djl.translate");
        bundled.put("Metrics", "ai.djl.metric");
        bundled.put("Vocabulary", "ai.djl.modality.nlp");
        bundled.put("Tokenizer", "ai.djl.modality.nlp.preprocess");
        bundled.put("MinMaxScaler", "ai.djl.training.util");
        bundled.put("LogisticRegression", "smile.classification");
        bundled.put("LinearModel", "smile.regression");
        bundled.put("Standardizer", "smile.feature.transform");
        bundled.put("Matrix", "smile.tensor");
        bundled.put("Row", "smile.data");
        // Before any import of the notebook, the toolkit's names are the toolkit's.
        assertEquals("dev.jotter.toolkit.train.TrainingListener", ok("TrainingListener.class.getName()"));
        assertEquals("tech.tablesaw.api.Row", ok("Row.class.getName()"));
        for (Map.Entry<String, String> e : bundled.entrySet()) {
            ok("import " + e.getValue() + ".*;");
            means(e.getKey(), e.getValue() + "." + e.getKey());
            othersStillResolve();
        }
        // Libraries the kernel does not bundle: the same names in a jar the notebook adds.
        Path jar = jar(Map.of(
                "tech/tablesaw/plotly/components/Figure.java",
                "package tech.tablesaw.plotly.components; public class Figure { public Figure() {} }",
                "org/tribuo/transform/Transformer.java",
                "package org.tribuo.transform; public interface Transformer { double transform(double v); }",
                "org/tribuo/Model.java",
                "package org.tribuo; public abstract class Model<T> { }",
                "demo/show/Show.java",
                "package demo.show; public final class Show { private Show() {} "
                        + "public static String display(Object value, String... mimeTypes) { return \"shown by demo\"; } }"));
        assertNull(run("%jars " + jar).ename);
        ok("import tech.tablesaw.plotly.components.*;");
        means("Figure", "tech.tablesaw.plotly.components.Figure");
        ok("import org.tribuo.transform.*;");
        means("Transformer", "org.tribuo.transform.Transformer");
        ok("import org.tribuo.*;");
        assertEquals("org.tribuo.Model", ok("Model.class.getName()"));
        othersStillResolve();
        // A static on-demand import of the notebook wins over Jotter's static Display.* too.
        ok("import static demo.show.Show.*;");
        // (A display call alone shows nothing: keep its value.)
        assertEquals("shown by demo", ok("String shownBy = display(\"x\");\nshownBy"));
        assertEquals("dev.jotter.kernel.MimeBundle", ok("render(\"<b>x</b>\", \"text/html\").getClass().getName()"));
        // A name of a class the notebook declares already wins: JShell declares it in the session's own scope.
        ok("class Figure { }");
        assertEquals("Figure", ok("new Figure().getClass().getSimpleName()"));
    }

    @Test
    @Order(3)
    void ambiguitiesJotterDidNotCauseStayJavasCompileErrors() {
        // java.awt.List against java.util.List: JShell's defaults never give way, as in IJava.
        ok("import java.awt.*;");
        Recorder r = run("List<String> names = null;");
        assertEquals("CompilationException", r.ename);
        assertTrue(r.evalue.contains("reference to List is ambiguous"), r.evalue);
        ok("import java.util.List;");
        ok("List<String> names = new ArrayList<>();");
    }

    @Test
    @Order(1)
    void jottersDefaultImportsBringNoNameTwice() {
        // Each package's type names and each class's static member names as the compiler sees
        // them, through JShell's completion; types and members are apart in Java, so compared apart.
        Map<String, Set<String>> types = new LinkedHashMap<>();
        Map<String, Set<String>> members = new LinkedHashMap<>();
        for (String place : DefaultImports.JSHELL_DEFAULTS) {
            types.put(place, names(place, true));
        }
        for (String imp : Session.DEFAULT_IMPORTS) {
            String place = imp.replaceFirst("^static\\s+", "").replaceFirst("\\.\\*$", "");
            if (imp.startsWith("static ")) {
                members.put(place, names(place, false));
            } else {
                types.put(place, names(place, true));
            }
        }
        List<String> clashes = new ArrayList<>();
        clashes.addAll(clashes(types));
        clashes.addAll(clashes(members));
        assertEquals(List.of(), clashes, "names Jotter's default imports make ambiguous by themselves");
    }

    /** The simple names a package or class offers after a dot: its types, or its members. */
    private static Set<String> names(String place, boolean typesOnly) {
        String code = place + ".";
        Set<String> found = new TreeSet<>();
        live.session().shell().sourceCodeAnalysis().completionSuggestions(code, code.length(), new int[1]).forEach(s -> {
            String name = s.continuation().replaceFirst("\\($", "");
            if (typesOnly ? Character.isUpperCase(name.charAt(0)) : !name.equals("class")) {
                found.add(name);
            }
        });
        assertTrue(!found.isEmpty(), place + " offers no names");
        return found;
    }

    /** Names two places both offer, but for two of JShell's own defaults (as IJava has them). */
    private static List<String> clashes(Map<String, Set<String>> names) {
        List<String> clashes = new ArrayList<>();
        List<String> keys = List.copyOf(names.keySet());
        for (int i = 0; i < keys.size(); i++) {
            for (int j = i + 1; j < keys.size(); j++) {
                Set<String> both = new TreeSet<>(names.get(keys.get(i)));
                both.retainAll(names.get(keys.get(j)));
                if (!both.isEmpty() && !(DefaultImports.JSHELL_DEFAULTS.contains(keys.get(i))
                        && DefaultImports.JSHELL_DEFAULTS.contains(keys.get(j)))) {
                    clashes.add(keys.get(i) + " and " + keys.get(j) + ": " + both);
                }
            }
        }
        return clashes;
    }

    /** Compiles the sources into a jar in the test's folder. */
    private static Path jar(Map<String, String> sources) throws IOException {
        Path src = Files.createDirectories(dir.resolve("src"));
        Path classes = Files.createDirectories(dir.resolve("classes"));
        List<String> args = new ArrayList<>(List.of("-d", classes.toString()));
        for (Map.Entry<String, String> e : sources.entrySet()) {
            Path file = src.resolve(e.getKey());
            Files.createDirectories(file.getParent());
            Files.writeString(file, e.getValue());
            args.add(file.toString());
        }
        assertEquals(0, ToolProvider.getSystemJavaCompiler().run(null, null, null, args.toArray(String[]::new)));
        Path jar = dir.resolve("notebook-libs.jar");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream jos = new JarOutputStream(out)) {
            try (var files = Files.walk(classes)) {
                for (Path p : files.filter(Files::isRegularFile).toList()) {
                    jos.putNextEntry(new ZipEntry(classes.relativize(p).toString().replace('\\', '/')));
                    jos.write(Files.readAllBytes(p));
                    jos.closeEntry();
                }
            }
        }
        return jar;
    }
}
