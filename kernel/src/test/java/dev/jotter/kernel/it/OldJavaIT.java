package dev.jotter.kernel.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On a Java older than 25, {@code java -jar jotter.jar} and {@code ./jotter} say in one sentence
 * which Java they found, that Jotter needs 25, and how to fix it, and exit non-zero; never the
 * JVM's raw {@code UnsupportedClassVersionError}. Needs an old Java: the first one below
 * /usr/lib/jvm (or the one {@code -Djotter.oldjava=HOME} names); skipped, saying so, without one.
 */
class OldJavaIT {
    @TempDir
    Path tmp;

    /** A Java home older than 25 on this machine, or a skip. */
    static Path oldJava() throws IOException {
        String named = System.getProperty("jotter.oldjava");
        if (named != null) {
            return Path.of(named);
        }
        Path jvms = Path.of("/usr/lib/jvm");
        if (Files.isDirectory(jvms)) {
            try (Stream<Path> homes = Files.list(jvms)) {
                for (Path home : homes.sorted().toList()) {
                    int v = feature(home);
                    if (v > 0 && v < 25 && Files.isExecutable(home.resolve("bin/java"))) {
                        return home;
                    }
                }
            }
        }
        Assumptions.abort("no Java older than 25 in /usr/lib/jvm (or -Djotter.oldjava=HOME): the old-Java message is not checked here");
        return null;
    }

    private static int feature(Path home) {
        Properties p = new Properties();
        try (var in = Files.newInputStream(home.resolve("release"))) {
            p.load(in);
        } catch (IOException e) {
            return 0;
        }
        String v = p.getProperty("JAVA_VERSION", "").replace("\"", "");
        v = v.startsWith("1.") ? v.substring(2) : v;
        try {
            return Integer.parseInt(v.split("\\.")[0]);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    record Outcome(int status, String output) {}

    private static Outcome run(List<String> cmd, Map<String, String> env, Path dir) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        if (dir != null) {
            pb.directory(dir.toFile());
        }
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Outcome(p.waitFor(), out);
    }

    @Test
    void theJarOnAnOldJavaSaysWhichJavaAndHowToFixIt() throws Exception {
        Path old = oldJava();
        for (List<String> args : List.of(List.of("--help"), List.of("kernel", "/tmp/kernel-1.json"), List.of("install", "--user"))) {
            List<String> cmd = new ArrayList<>(List.of(old.resolve("bin/java").toString(), "-jar", JupyterHarness.jar().toString()));
            cmd.addAll(args);
            Outcome o = run(cmd, Map.of(), null);
            assertEquals(1, o.status(), o.output());
            assertFalse(o.output().contains("UnsupportedClassVersionError"), o.output());
            assertEquals(1, o.output().strip().lines().count(), "one line:\n" + o.output());
            assertTrue(o.output().contains("Jotter needs Java 25 or newer, but this is Java " + feature(old)), o.output());
            assertTrue(o.output().contains(old.toRealPath().toString()) || o.output().contains(old.toString()), "names the Java found:\n" + o.output());
            assertTrue(o.output().contains("JAVA_HOME"), "says how to fix it:\n" + o.output());
        }
    }

    @Test
    void theJotterScriptWithOnlyAnOldJavaSaysWhichAndHowToFixIt() throws Exception {
        Path old = oldJava();
        Path repo = Path.of("..").toAbsolutePath().normalize();
        // No folder of JDKs to fall back on, and the old Java as JAVA_HOME and on PATH.
        Path noJdks = Files.createDirectories(tmp.resolve("jvm"));
        Outcome o = run(List.of("bash", repo.resolve("jotter").toString(), "--help"), Map.of("JAVA_HOME", old.toString(),
                "JOTTER_JVM_DIR", noJdks.toString(), "PATH", old.resolve("bin") + ":/usr/bin:/bin"), tmp);
        assertEquals(1, o.status(), o.output());
        assertTrue(o.output().startsWith("error: Jotter needs a JDK 25 or newer, but found only: " + old + " (Java " + feature(old) + ")"), o.output());
        assertTrue(o.output().contains("set JAVA_HOME"), o.output());
        assertFalse(o.output().contains("Building"), "nothing is built with the old Java:\n" + o.output());
    }
}
