package dev.jotter.kernel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code jotter install --torch-library DIR}: checked now, written into kernel.json's env. */
class KernelSpecTorchLibraryTest {

    @TempDir
    Path tmp;

    /** A pip torch 2.7.1 CUDA 12.8 wheel's layout, enough for the check (no real libraries). */
    private Path pipTorch(String version, String cuda) throws IOException {
        Path torch = tmp.resolve("site-packages/torch");
        Files.createDirectories(torch.resolve("lib"));
        Files.writeString(torch.resolve("lib/libtorch.so"), "");
        Files.writeString(torch.resolve("lib/libtorch_cuda.so"), "");
        Files.writeString(torch.resolve("version.py"), "__version__ = '" + version + "'\ncuda: Optional[str] = '" + cuda + "'\n");
        return torch.resolve("lib");
    }

    @Test
    void matchingFolderGoesIntoTheEnv() throws Exception {
        Path lib = pipTorch("2.7.1+cu128", "12.8");
        KernelSpec.Options o = KernelSpec.parse(List.of("--prefix", tmp.toString(), "--torch-library", lib.toString()));
        assertEquals(lib.toAbsolutePath().normalize(), o.torchLibrary());
        assertEquals(lib.toAbsolutePath().normalize().toString(), KernelSpec.env(o).get("JOTTER_TORCH_LIBRARY").getAsString());
        KernelSpec.Options eq = KernelSpec.parse(List.of("--torch-library=" + lib));
        assertEquals(o.torchLibrary(), eq.torchLibrary());
    }

    @Test
    void withoutTheOptionTheEnvHasNoLibtorchFolder() throws Exception {
        KernelSpec.Options o = KernelSpec.parse(List.of("--prefix", tmp.toString()));
        assertNull(o.torchLibrary());
        assertFalse(KernelSpec.env(o).has("JOTTER_TORCH_LIBRARY"));
        // DJL's switches are always there (KernelSpecEnvIT checks the written kernel.json).
        assertEquals("true", KernelSpec.env(o).get("DJL_OFFLINE").getAsString());
        assertEquals("true", KernelSpec.env(o).get("OPT_OUT_TRACKING").getAsString());
    }

    @Test
    void aFolderDjlCannotLoadIsRefusedWithTheReasonAndTheFix() throws Exception {
        Path lib = pipTorch("2.11.0+cu130", "13.0");
        Main.UsageException e = assertThrows(Main.UsageException.class,
                () -> KernelSpec.parse(List.of("--torch-library", lib.toString())));
        assertTrue(e.getMessage().contains("torch 2.11.0+cu130") && e.getMessage().contains("built for torch 2.7.1 only"), e.getMessage());
        assertTrue(e.getMessage().contains("pip install torch==2.7.1 --index-url https://download.pytorch.org/whl/cu128"), e.getMessage());
        Main.UsageException none = assertThrows(Main.UsageException.class,
                () -> KernelSpec.parse(List.of("--torch-library", tmp.resolve("nope").toString())));
        assertTrue(none.getMessage().contains("does not exist"), none.getMessage());
        Main.UsageException missing = assertThrows(Main.UsageException.class, () -> KernelSpec.parse(List.of("--torch-library")));
        assertTrue(missing.getMessage().contains("--torch-library needs a value"), missing.getMessage());
    }
}
