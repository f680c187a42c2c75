package dev.jotter.kernel.jshell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jotter.api.DisplayHost;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The layers' class loader and the conflict sentences, on small libraries made by the test. */
class LibrariesTest {
    @TempDir
    Path dir;

    /** Compiles sources (name to code) against a class path into a jar carrying Maven coordinates. */
    private Path jar(String name, String gav, Map<String, String> sources, Path... classPath) throws IOException {
        Path src = Files.createDirectories(dir.resolve(name + "-src"));
        Path classes = Files.createDirectories(dir.resolve(name + "-classes"));
        List<String> args = new ArrayList<>(List.of("-d", classes.toString()));
        if (classPath.length > 0) {
            args.add("-cp");
            args.add(String.join(java.io.File.pathSeparator, java.util.Arrays.stream(classPath).map(Path::toString).toList()));
        }
        for (var e : sources.entrySet()) {
            Path f = src.resolve(e.getKey().replace('.', '/') + ".java");
            Files.createDirectories(f.getParent());
            Files.writeString(f, e.getValue());
            args.add(f.toString());
        }
        assertEquals(0, ToolProvider.getSystemJavaCompiler().run(null, null, null, args.toArray(String[]::new)));
        Path jar = dir.resolve(name + ".jar");
        String[] c = gav.split(":");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar)); var s = Files.walk(classes)) {
            out.putNextEntry(new JarEntry("META-INF/maven/" + c[0] + "/" + c[1] + "/pom.properties"));
            out.write(("groupId=" + c[0] + "\nartifactId=" + c[1] + "\nversion=" + c[2] + "\n").getBytes());
            out.closeEntry();
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(p).toString().replace('\\', '/')));
                out.write(Files.readAllBytes(p));
                out.closeEntry();
            }
        }
        return jar;
    }

    @Test
    void theNotebooksVersionWinsIsNamedAndExplainsTheToolkitsLinkageError() throws Exception {
        Path lib2 = jar("lib-2.0", "org.example:lib:2.0", Map.of("p.Lib", "package p; public class Lib { public static String fresh() { return \"2.0\"; } public static String version() { return \"2.0\"; } }"));
        Path user = jar("tool-1.0", "dev.example:tool:1.0", Map.of("q.Tool", "package q; public class Tool { public static String call() { return p.Lib.fresh(); } }"), lib2);
        Path lib1 = jar("lib-1.0", "org.example:lib:1.0", Map.of("p.Lib", "package p; public class Lib { public static String version() { return \"1.0\"; } }"));
        try (Libraries libs = new Libraries(Libraries.locationOf(DisplayHost.class), List.of(lib2, user))) {
            List<String> notices = new ArrayList<>();
            libs.onNotice(notices::add);
            libs.addNotebook(lib1);
            assertEquals(List.of(), notices, "said once per addition, not per jar");
            libs.takeNotice();
            assertEquals(List.of("Note: org.example:lib 1.0 (toolkit: 2.0) from the notebook replaces the toolkit's version; toolkit code built on"
                    + " the toolkit's versions may fail from here on (to use the toolkit, restart the kernel and drop this line)."), notices);

            SnippetClassLoader loader = libs.loader();
            assertEquals("1.0", loader.loadClass("p.Lib").getMethod("version").invoke(null), "the notebook's version");
            assertEquals(lib1.toUri().toURL(), loader.loadClass("p.Lib").getProtectionDomain().getCodeSource().getLocation());
            var e = assertThrows(InvocationTargetException.class, () -> loader.loadClass("q.Tool").getMethod("call").invoke(null));
            assertInstanceOf(NoSuchMethodError.class, e.getCause());
            String why = libs.explain("java.lang.NoSuchMethodError", e.getCause().getMessage(),
                    List.of("java.lang.NoSuchMethodError: " + e.getCause().getMessage(), "\tat q.Tool.call(Tool.java:1)", "\tat .(#3:1)"));
            assertNotNull(why, "a linkage error from toolkit code is explained");
            assertTrue(why.contains("org.example:lib 1.0 from the notebook instead of the toolkit's 2.0") && why.contains("Restart the kernel"), why);
            assertNull(libs.explain("java.lang.IllegalStateException", "mine", List.of("\tat .(#3:1)")), "other errors are left alone");
        }
    }

    @Test
    void aReplacementAfterTheToolkitsVersionWasLoadedSaysItComesTooLate() throws Exception {
        Path lib2 = jar("lib-2.0", "org.example:lib:2.0", Map.of("p.Lib", "package p; public class Lib { public static String version() { return \"2.0\"; } }"));
        Path lib1 = jar("lib-1.0", "org.example:lib:1.0", Map.of("p.Lib", "package p; public class Lib { public static String version() { return \"1.0\"; } }"));
        try (Libraries libs = new Libraries(Libraries.locationOf(DisplayHost.class), List.of(lib2))) {
            assertEquals("2.0", libs.loader().loadClass("p.Lib").getMethod("version").invoke(null));
            libs.addNotebook(lib1);
            String said = libs.takeNotice();
            assertTrue(said.contains("already loaded") && said.contains("restart the kernel"), said);
            assertEquals("2.0", libs.loader().loadClass("p.Lib").getMethod("version").invoke(null), "a class loader defines a name once");
        }
    }

    @Test
    void theNextSessionOfAJvmGetsTheLibrariesOfOneThatAddedNothing() throws Exception {
        Libraries.startAfresh();
        Libraries first = Libraries.forThisKernel();
        first.release();
        Libraries second = Libraries.forThisKernel();
        assertSame(first, second, "kept: toolkit classes and natives stay with one class loader");
        second.addNotebook(jar("lib-1.0", "org.example:lib:1.0", Map.of("p.Lib", "package p; public class Lib {}")));
        second.release();
        Libraries third = Libraries.forThisKernel();
        assertTrue(third != second, "a notebook's jars never reach the next notebook");
        assertTrue(third.loader().notebook().isEmpty());
        third.close();
    }

    @Test
    void theUserApiIsTheOnlyPartOfTheKernelInSight() throws Exception {
        try (Libraries libs = new Libraries(Libraries.locationOf(DisplayHost.class), List.of())) {
            SnippetClassLoader loader = libs.loader();
            assertSame(DisplayHost.class, loader.loadClass(DisplayHost.class.getName()));
            assertSame(dev.jotter.kernel.ExitGuard.class, loader.loadClass(dev.jotter.kernel.ExitGuard.class.getName()));
            assertThrows(ClassNotFoundException.class, () -> loader.loadClass(Libraries.class.getName()));
            assertThrows(ClassNotFoundException.class, () -> loader.loadClass("com.google.gson.Gson"));
            assertThrows(ClassNotFoundException.class, () -> loader.loadClass("org.zeromq.ZMQ"));
            assertNull(loader.getResource("META-INF/services/dev.jotter.magics.LineMagic"), "the kernel's magics are the kernel's");
        }
    }

    @Test
    void sameVersionIsNoConflictAndAJarWithoutCoordinatesIsNone() throws Exception {
        Path lib2 = jar("lib-2.0", "org.example:lib:2.0", Map.of("p.Lib", "package p; public class Lib {}"));
        Path again = jar("again", "org.example:lib:2.0", Map.of("p.Lib", "package p; public class Lib {}"));
        try (Libraries libs = new Libraries(Libraries.locationOf(DisplayHost.class), List.of(lib2))) {
            List<String> notices = new ArrayList<>();
            libs.onNotice(notices::add);
            libs.addNotebook(again);
            assertNull(libs.takeNotice());
            assertEquals(List.of(), notices);
            assertTrue(!libs.hasConflicts());
        }
    }
}
