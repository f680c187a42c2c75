package dev.jotter.kernel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What install and uninstall refuse so that they never touch what is not theirs (issue 21). */
class KernelSpecSafetyTest {

    @TempDir
    Path prefix;

    private Path kernels() {
        return prefix.resolve("share/jupyter/kernels");
    }

    private Path spec(String name, String kernelJson) throws Exception {
        Path dir = kernels().resolve(name);
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("kernel.json"), kernelJson);
        return dir;
    }

    /** uninstall's options parsed as the command line parses them, then uninstall itself, its mistakes thrown. */
    private static int uninstall(List<String> args) throws Exception {
        KernelSpec.Uninstall u = new KernelSpec.Uninstall();
        new CommandLine(u).parseArgs(args.toArray(String[]::new));
        return KernelSpec.uninstall(u.where.kernelsDir(), u.where.name, new PrintStream(new ByteArrayOutputStream()));
    }

    @Test
    void dotNamesAreFoldersNotNames() throws Exception {
        Path other = spec("python3", "{\"argv\": [\"python3\"]}");
        for (String name : List.of(".", "..", "...")) {
            Main.UsageException e = assertThrows(Main.UsageException.class,
                    () -> uninstall(List.of("--prefix", prefix.toString(), "--name", name)));
            assertTrue(e.getMessage().contains("'" + name + "'"), e.getMessage());
            assertThrows(Main.UsageException.class, () -> KernelSpec.parse(List.of("--name", name)));
        }
        assertTrue(Files.exists(other.resolve("kernel.json")), "another kernel's spec must survive");
    }

    @Test
    void uninstallLeavesAKernelspecJotterDidNotWrite() throws Exception {
        Path ijava = spec("java", "{\"argv\": [\"java\", \"-jar\", \"ijava.jar\"], \"language\": \"java\"}");
        Main.UsageException e = assertThrows(Main.UsageException.class,
                () -> uninstall(List.of("--prefix", prefix.toString(), "--name", "java")));
        assertTrue(e.getMessage().contains("not installed by Jotter"), e.getMessage());
        assertTrue(Files.exists(ijava.resolve("kernel.json")));
    }

    @Test
    void uninstallRemovesJottersOwnSpec() throws Exception {
        Path mine = spec("jotter", "{\"argv\": [\"java\"], \"metadata\": {\"jotter_version\": \"0.1.0\"}}");
        assertEquals(0, uninstall(List.of("--prefix", prefix.toString(), "--name", "jotter")));
        assertFalse(Files.exists(mine));
    }

    @Test
    void everyOptionTakesBothSpellingsAndHelpIsNotAnError() throws Exception {
        KernelSpec.Options spaced = KernelSpec.parse(List.of("--name", "course", "--display-name", "Java for the course"));
        KernelSpec.Options joined = KernelSpec.parse(List.of("--name=course", "--display-name=Java for the course"));
        assertEquals(spaced.name(), joined.name());
        assertEquals("Java for the course", joined.displayName());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertEquals(0, Main.run(new String[] {"install", "--user", "--help"}, new PrintStream(out), System.err));
        assertTrue(out.toString().startsWith("Usage: jotter install"), out::toString);
    }

    @Test
    void theStartUpCacheTrainingKernelGetsAFreshKey() {
        String a = AotTraining.randomKey();
        assertTrue(a.matches("[0-9a-f]{64}"), a);
        assertNotEquals(a, AotTraining.randomKey());
    }
}
