package dev.jotter.kernel.jshell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** javac compiles against the kernel's jars read through ZipFile, with no zip file system of its own. */
class UnindexedClassPathTest {
    private static final JavaCompiler JAVAC = ToolProvider.getSystemJavaCompiler();

    private static JavaFileObject source(String name, String code) {
        return new SimpleJavaFileObject(java.net.URI.create("string:///" + name.replace('.', '/') + ".java"), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return code;
            }
        };
    }

    /** A jar with p.Greeter and its nested class, compiled here. */
    private static Path greeterJar(Path dir) throws IOException {
        return jar(dir, "greeter", "package p; public class Greeter { public static String hi() { return \"hi\"; } public static class Loud {} }");
    }

    private static Path jar(Path dir, String name, String greeterSource) throws IOException {
        Path classes = Files.createDirectories(dir.resolve(name + "-classes"));
        try (StandardJavaFileManager fm = JAVAC.getStandardFileManager(null, null, null)) {
            fm.setLocationFromPaths(StandardLocation.CLASS_OUTPUT, List.of(classes));
            assertTrue(JAVAC.getTask(null, fm, null, null, null, List.of(source("p.Greeter", greeterSource))).call());
        }
        Path jar = dir.resolve(name + ".jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar)); var files = Files.walk(classes)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
                out.write(Files.readAllBytes(f));
                out.closeEntry();
            }
        }
        return jar;
    }

    @Test
    void theNotebooksJarComesFirstAsOnTheSnippetClassLoadersPath(@TempDir Path dir) throws IOException {
        Path toolkitJar = greeterJar(dir);
        // A jar the notebook adds (%maven, %jars) with another version of the same class.
        Path added = jar(dir, "added", "package p; public class Greeter { public static String other() { return \"other\"; } }");
        Path kernelJar = jar(dir, "kernel", "package p; public class Greeter { public static String kernel() { return \"kernel\"; } }");
        StandardJavaFileManager std = JAVAC.getStandardFileManager(null, null, null);
        // JShell's class path string: the kernel's java.class.path, then each path added.
        try (UnindexedClassPath fm = new UnindexedClassPath(std, List.of(toolkitJar), kernelJar.toString())) {
            fm.handleOption("-classpath", List.of(kernelJar + java.io.File.pathSeparator + added).iterator());
            fm.setLocationFromPaths(StandardLocation.CLASS_OUTPUT, List.of(Files.createDirectories(dir.resolve("out"))));
            DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
            boolean ok = JAVAC.getTask(null, fm, diagnostics, List.of("-proc:none"), null, List.of(source("q.User",
                    "package q; public class User { String s = p.Greeter.other(); }"))).call();
            assertTrue(ok, "compiled against the notebook's Greeter, the one the class loader will run: " + diagnostics.getDiagnostics());
            for (String method : List.of("hi", "kernel")) {
                DiagnosticCollector<JavaFileObject> wrong = new DiagnosticCollector<>();
                assertFalse(JAVAC.getTask(null, fm, wrong, List.of("-proc:none"), null, List.of(source("q.User",
                        "package q; public class User { String s = p.Greeter." + method + "(); }"))).call(),
                        "compiled against a Greeter the snippet class loader never runs: " + method);
            }
        }
    }

    @Test
    void compilesAgainstAHiddenJarThatTheStandardFileManagerNeverOpens(@TempDir Path dir) throws IOException {
        Path jar = greeterJar(dir);
        StandardJavaFileManager std = JAVAC.getStandardFileManager(null, null, null);
        std.setLocationFromPaths(StandardLocation.CLASS_PATH, List.of(jar));
        try (UnindexedClassPath fm = new UnindexedClassPath(std, List.of(jar))) {
            // JShell sets the class path again, the kernel's jar included, whenever a jar is added.
            assertTrue(fm.handleOption("-classpath", List.of(jar.toString()).iterator()));
            Iterable<? extends Path> stdPath = std.getLocationAsPaths(StandardLocation.CLASS_PATH);
            assertFalse(stdPath != null && stdPath.iterator().hasNext(), "the standard file manager keeps out of the jar: " + stdPath);

            List<String> names = new ArrayList<>();
            for (JavaFileObject f : fm.list(StandardLocation.CLASS_PATH, "p", Set.of(JavaFileObject.Kind.CLASS), false)) {
                names.add(fm.inferBinaryName(StandardLocation.CLASS_PATH, f));
                assertTrue(f.isNameCompatible(f.getName().contains("$") ? "Greeter$Loud" : "Greeter", JavaFileObject.Kind.CLASS), f.getName());
            }
            names.sort(null);
            assertEquals(List.of("p.Greeter", "p.Greeter$Loud"), names);
            assertNotNull(fm.getJavaFileForInput(StandardLocation.CLASS_PATH, "p.Greeter$Loud", JavaFileObject.Kind.CLASS));
            assertTrue(fm.hasLocation(StandardLocation.CLASS_PATH));

            Path out = Files.createDirectories(dir.resolve("out"));
            fm.setLocationFromPaths(StandardLocation.CLASS_OUTPUT, List.of(out));
            DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
            boolean ok = JAVAC.getTask(null, fm, diagnostics, List.of("-proc:none"), null, List.of(source("q.User",
                    "package q; import p.Greeter; public class User { String s = Greeter.hi(); Greeter.Loud l = new Greeter.Loud(); }"))).call();
            assertTrue(ok, diagnostics.getDiagnostics().toString());
            // A missing class is still an error that names it.
            diagnostics = new DiagnosticCollector<>();
            assertFalse(JAVAC.getTask(null, fm, diagnostics, List.of("-proc:none"), null, List.of(source("q.Bad",
                    "package q; public class Bad { p.Missing m; }"))).call());
            assertTrue(diagnostics.getDiagnostics().toString().contains("Missing"), diagnostics.getDiagnostics().toString());
        }
    }
}
