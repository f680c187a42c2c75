package dev.jotter.kernel.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code jotter install --max-heap SIZE} and {@code --many-kernels}: for a course's JupyterHub. */
class KernelSpecManyKernelsTest {

    @TempDir
    Path tmp;

    @Test
    void maxHeapBecomesTheJvmsLimit() throws Exception {
        assertTrue(KernelSpec.parse(List.of("--max-heap", "1g")).jvmOpts().contains("-Xmx1g"));
        assertTrue(KernelSpec.parse(List.of("--max-heap=768m")).jvmOpts().contains("-Xmx768m"));
        assertFalse(KernelSpec.parse(List.of()).jvmOpts().stream().anyMatch(o -> o.startsWith("-Xmx")), "no limit unless asked for");
    }

    @Test
    void maxHeapRefusesWhatIsNotASizeOrTooSmall() {
        Main.UsageException e = assertThrows(Main.UsageException.class, () -> KernelSpec.parse(List.of("--max-heap", "lots")));
        assertTrue(e.getMessage().contains("'lots'") && e.getMessage().contains("--max-heap 1g"), e.getMessage());
        e = assertThrows(Main.UsageException.class, () -> KernelSpec.parse(List.of("--max-heap", "64m")));
        assertTrue(e.getMessage().contains("at least 256m"), e.getMessage());
        e = assertThrows(Main.UsageException.class, () -> KernelSpec.parse(List.of("--max-heap")));
        assertTrue(e.getMessage().contains("needs a value"), e.getMessage());
    }

    @Test
    void manyKernelsIsOffUnlessAsked() throws Exception {
        assertFalse(KernelSpec.parse(List.of()).manyKernels());
        assertTrue(KernelSpec.parse(List.of("--many-kernels")).manyKernels());
        // The diagnostic flag needs its unlock before it, or the JVM refuses to start.
        assertEquals(List.of("-XX:+UnlockDiagnosticVMOptions", "-XX:ArchiveRelocationMode=0"), ManyKernels.jvmOpts());
    }

    @Test
    void envSharesLibtorchAndCapsMallocArenas() {
        JsonObject env = new JsonObject();
        ManyKernels.addEnv(env, tmp.resolve("libtorch"));
        assertEquals("2", env.get("MALLOC_ARENA_MAX").getAsString());
        assertEquals(tmp.resolve("libtorch").toString(), env.get("JOTTER_TORCH_LIBRARY").getAsString());
        JsonObject own = new JsonObject();
        own.addProperty("JOTTER_TORCH_LIBRARY", "/opt/torch/lib");
        ManyKernels.addEnv(own, null);
        assertEquals("/opt/torch/lib", own.get("JOTTER_TORCH_LIBRARY").getAsString(), "a --torch-library of the user's own stays");
    }

    /** A pytorch-native jar's layout, with small stand-ins for the libraries. */
    private Path nativesJar(String libraries) throws IOException {
        Path toolkit = Files.createDirectories(tmp.resolve("lib/toolkit"));
        Path jar = toolkit.resolve("pytorch-native-cpu-2.7.1-linux-x86_64.jar");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(jar))) {
            put(z, "native/lib/pytorch.properties", "version=2.7.1-20250812\nflavor=cpu\nclassifier=linux-x86_64\nlibraries=" + libraries + "\n");
            put(z, "pytorch/cpu/linux-x86_64/libc10.so", "c10");
            put(z, "pytorch/cpu/linux-x86_64/libtorch_cpu.so", "torch_cpu");
        }
        return tmp.resolve("lib");
    }

    private static void put(ZipOutputStream z, String name, String content) throws IOException {
        z.putNextEntry(new ZipEntry(name));
        OutputStream out = z;
        out.write(content.getBytes(StandardCharsets.UTF_8));
        z.closeEntry();
    }

    @Test
    void libtorchIsExtractedOnceWithItsVersion() throws Exception {
        Path lib = nativesJar("libc10.so,libtorch_cpu.so");
        Path target = tmp.resolve("spec/libtorch");
        Files.createDirectories(target);
        Files.writeString(target.resolve("stale.so"), "from an earlier install");
        assertEquals(target, ManyKernels.extractLibtorch(lib, target));
        assertArrayEquals("torch_cpu".getBytes(StandardCharsets.UTF_8), Files.readAllBytes(target.resolve("libtorch_cpu.so")));
        assertEquals("c10", Files.readString(target.resolve("libc10.so")));
        assertTrue(Files.readString(target.resolve("pytorch.properties")).contains("version=2.7.1-20250812"),
                "JOTTER_TORCH_LIBRARY tells the version from pytorch.properties next to the libraries");
        assertFalse(Files.exists(target.resolve("stale.so")), "an earlier install's libraries are replaced, not mixed");
        assertFalse(Files.exists(tmp.resolve("spec/libtorch.tmp")));
    }

    @Test
    void aMissingLibraryOrJarIsNamed() throws Exception {
        Path lib = nativesJar("libc10.so,libgomp.so.1");
        Main.UsageException e = assertThrows(Main.UsageException.class, () -> ManyKernels.extractLibtorch(lib, tmp.resolve("out")));
        assertTrue(e.getMessage().contains("pytorch/cpu/linux-x86_64/libgomp.so.1"), e.getMessage());
        e = assertThrows(Main.UsageException.class, () -> ManyKernels.extractLibtorch(tmp.resolve("nolib"), tmp.resolve("out")));
        assertTrue(e.getMessage().contains("--torch-library DIR"), e.getMessage());
    }
}
