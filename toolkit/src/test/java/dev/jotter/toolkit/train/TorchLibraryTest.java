package dev.jotter.toolkit.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link TorchLibrary#select} over fake folder layouts: pip wheels, libtorch downloads, DJL's cache. */
class TorchLibraryTest {

    static final TorchLibrary.Jni JNI = new TorchLibrary.Jni("2.7.1", "0.35.1", Set.of("cpu", "cu128"), "linux-x86_64");
    static final String PIP = "pip install torch==2.7.1 --index-url https://download.pytorch.org/whl/cu128";

    @TempDir
    Path tmp;

    private Path cache() {
        return tmp.resolve("djl-cache");
    }

    private static Path touch(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }

    /** A pip wheel: site-packages/torch/lib with version.py next to it, CUDA runtime under site-packages/nvidia. */
    private Path pipTorch(String version, String cuda, String cudartFolder) throws IOException {
        Path site = tmp.resolve("venv/lib/python3.12/site-packages");
        Path lib = site.resolve("torch/lib");
        touch(lib.resolve("libtorch.so"), "");
        touch(lib.resolve("libtorch_cpu.so"), "");
        if (cuda != null) {
            touch(lib.resolve("libtorch_cuda.so"), "");
            touch(site.resolve("nvidia").resolve(cudartFolder).resolve("lib/libcudart.so." + cuda.substring(0, cuda.indexOf('.'))), "");
            touch(site.resolve("nvidia/cublas/lib/libcublas.so.12"), "");
        }
        touch(site.resolve("torch/version.py"), "from typing import Optional\n\n__all__ = ['__version__', 'debug', 'cuda', 'git_version', 'hip']\n"
                + "__version__ = '" + version + "'\ndebug = False\ncuda: Optional[str] = " + (cuda == null ? "None" : "'" + cuda + "'")
                + "\ngit_version = 'abc'\nhip: Optional[str] = None\n");
        return lib;
    }

    @Test
    void cpuMachineWithoutFolderChangesNothing() {
        TorchLibrary.Selection s = TorchLibrary.select(null, null, JNI, cache());
        assertFalse(s.use());
        assertFalse(s.cuda());
        assertNull(s.fix(), "nothing to change on a machine without a GPU");
        assertTrue(s.reason().contains("no NVIDIA driver"), s.reason());
    }

    @Test
    void driverWithoutFolderSaysWhatToInstall() {
        TorchLibrary.Selection s = TorchLibrary.select(null, "580.82.07", JNI, cache());
        assertFalse(s.use());
        assertTrue(s.reason().contains("NVIDIA driver 580.82.07") && s.reason().contains("JOTTER_TORCH_LIBRARY is not set"), s.reason());
        assertTrue(s.fix().contains(PIP) && s.fix().contains("JOTTER_TORCH_LIBRARY"), s.fix());
    }

    @Test
    void missingOrEmptyFolderIsNotUsed() throws IOException {
        TorchLibrary.Selection missing = TorchLibrary.select(tmp.resolve("nope"), "580.82.07", JNI, cache());
        assertFalse(missing.use());
        assertTrue(missing.reason().contains("does not exist"), missing.reason());
        Files.createDirectories(tmp.resolve("empty"));
        TorchLibrary.Selection empty = TorchLibrary.select(tmp.resolve("empty"), "580.82.07", JNI, cache());
        assertFalse(empty.use());
        assertTrue(empty.reason().contains("has no libtorch.so"), empty.reason());
        assertTrue(empty.fix().contains(PIP), empty.fix());
    }

    @Test
    void pipTorchOfDjlsVersionForCuda128IsUsedWithItsCudaRuntime() throws IOException {
        Path lib = pipTorch("2.7.1+cu128", "12.8", "cuda_runtime");
        TorchLibrary.Selection s = TorchLibrary.select(lib, "580.82.07", JNI, cache());
        assertTrue(s.use(), s.reason());
        assertTrue(s.cuda());
        assertEquals("2.7.1", s.pytorchVersion());
        assertEquals("cu128", s.pytorchFlavor());
        assertEquals("2.7.1+cu128", s.torchVersion());
        assertEquals(List.of(lib.getParent().getParent().resolve("nvidia/cuda_runtime/lib")), s.cudaLibraryDirs(),
                "only folders with libcudart, not cublas'");
        assertNull(s.fix());
        assertTrue(s.reason().contains("torch 2.7.1+cu128 (cu128) in " + lib) && s.reason().contains("cu128 JNI"), s.reason());
    }

    @Test
    void cudaBuildOnAMachineWithoutDriverIsLoadedButSaysCpu() throws IOException {
        TorchLibrary.Selection s = TorchLibrary.select(pipTorch("2.7.1+cu128", "12.8", "cuda_runtime"), null, JNI, cache());
        assertTrue(s.use());
        assertTrue(s.reason().contains("no NVIDIA driver"), s.reason());
    }

    @Test
    void newerPipTorchIsNotUsedAndTheFixNamesTheMatchingOne() throws IOException {
        Path lib = pipTorch("2.11.0+cu130", "13.0", "cu13");
        TorchLibrary.Selection s = TorchLibrary.select(lib, "580.82.07", JNI, cache());
        assertFalse(s.use());
        assertEquals("cu130", s.flavor());
        assertTrue(s.reason().contains("torch 2.11.0+cu130") && s.reason().contains("built for torch 2.7.1 only")
                && s.reason().contains("2.11.0-cu130-linux-x86_64"), s.reason());
        assertTrue(s.fix().contains(PIP), s.fix());
    }

    @Test
    void newerPipTorchWithAJniBuiltForItInDjlsCacheIsUsed() throws IOException {
        Path lib = pipTorch("2.11.0+cu130", "13.0", "cu13");
        Path jni = touch(cache().resolve("pytorch/2.11.0-cu130-linux-x86_64/0.35.1-libdjl_torch.so"), "");
        TorchLibrary.Selection s = TorchLibrary.select(lib, "580.82.07", JNI, cache());
        assertTrue(s.use(), s.reason());
        assertEquals("2.11.0", s.pytorchVersion());
        assertEquals("cu130", s.pytorchFlavor());
        assertTrue(s.reason().contains(jni.toString()), s.reason());
        assertEquals(List.of(lib.getParent().getParent().resolve("nvidia/cu13/lib")), s.cudaLibraryDirs());
    }

    @Test
    void jniNextToTheLibraryCountsToo() throws IOException {
        Path lib = pipTorch("2.8.0+cu128", "12.8", "cuda_runtime");
        touch(lib.resolve("libdjl_torch.so"), "");
        assertTrue(TorchLibrary.select(lib, "580.82.07", JNI, cache()).use());
    }

    @Test
    void libtorchDownloadOfAnotherCudaUsesDjlsCudaJni() throws IOException {
        Path lib = tmp.resolve("libtorch/lib");
        touch(lib.resolve("libtorch.so"), "");
        touch(lib.resolve("libtorch_cuda.so"), "");
        touch(tmp.resolve("libtorch/build-version"), "2.7.1+cu126\n");
        TorchLibrary.Selection s = TorchLibrary.select(lib, "570.1", JNI, cache());
        assertTrue(s.use(), s.reason());
        assertEquals("cu126", s.flavor());
        assertEquals("cu128", s.pytorchFlavor());
        assertTrue(s.reason().contains("cu128 JNI on a cu126 build"), s.reason());
    }

    @Test
    void djlCacheFolderOfTheCpuBuildIsUsedAndTheFixSaysItIsCpu() throws IOException {
        Path lib = tmp.resolve(".djl.ai/pytorch/2.7.1-20250812-cpu-linux-x86_64");
        touch(lib.resolve("libtorch.so"), "");
        TorchLibrary.Selection s = TorchLibrary.select(lib, "580.82.07", JNI, cache());
        assertTrue(s.use());
        assertFalse(s.cuda());
        assertEquals("cpu", s.pytorchFlavor());
        assertTrue(s.fix().startsWith("this torch is a CPU build; install torch 2.7.1"), s.fix());
        assertNull(TorchLibrary.select(lib, null, JNI, cache()).fix(), "no driver: nothing to change");
    }

    @Test
    void djlNativesFolderReadsItsProperties() throws IOException {
        Path lib = tmp.resolve("native/lib");
        touch(lib.resolve("libtorch.so"), "");
        touch(lib.resolve("pytorch.properties"), "version=2.7.1-20250812\nflavor=cu128-precxx11\nclassifier=linux-x86_64\n");
        TorchLibrary.Selection s = TorchLibrary.select(lib, "580.82.07", JNI, cache());
        assertEquals("cu128", s.flavor());
        assertTrue(s.cuda(), s.reason());
    }

    @Test
    void cpuPipWheelIsCpu() throws IOException {
        TorchLibrary.Selection s = TorchLibrary.select(pipTorch("2.7.1+cpu", null, null), null, JNI, cache());
        assertTrue(s.use());
        assertEquals("cpu", s.flavor());
        assertEquals(List.of(), s.cudaLibraryDirs());
    }

    @Test
    void folderWithoutAVersionIsNotGuessed() throws IOException {
        Path lib = tmp.resolve("somewhere/lib");
        touch(lib.resolve("libtorch.so"), "");
        touch(lib.resolve("libtorch_cuda.so"), "");
        TorchLibrary.Selection s = TorchLibrary.select(lib, "580.82.07", JNI, cache());
        assertFalse(s.use());
        assertEquals("cuda", s.flavor());
        assertTrue(s.reason().contains("cannot tell the torch version"), s.reason());
    }

    @Test
    void jniWithoutCudaFlavourCannotUseACudaBuild() throws IOException {
        TorchLibrary.Jni cpuOnly = new TorchLibrary.Jni("2.7.1", "0.35.1", Set.of("cpu"), "linux-aarch64");
        TorchLibrary.Selection s = TorchLibrary.select(pipTorch("2.7.1+cu128", "12.8", "cuda_runtime"), "580.82.07", cpuOnly, cache());
        assertFalse(s.use());
        assertTrue(s.reason().contains("has no CUDA flavour"), s.reason());
    }

    @Test
    void driverVersionFromProc() {
        assertEquals("580.82.07", TorchLibrary.driverVersion(
                "NVRM version: NVIDIA UNIX x86_64 Kernel Module  580.82.07  Wed Aug 13 00:00:00 UTC 2025\nGCC version:  gcc version 12.2.0\n"));
        assertEquals("580.95.05", TorchLibrary.driverVersion(
                "NVRM version: NVIDIA UNIX Open Kernel Module for x86_64  580.95.05  Release Build  (dvs-builder@U16-I1-N08-12-3)\n"));
        assertNull(TorchLibrary.driverVersion(null));
        assertNull(TorchLibrary.driverVersion("nothing here"));
    }

    @Test
    void versionsAndFlavours() {
        assertEquals("2.7.1", TorchLibrary.plainVersion("2.7.1+cu128"));
        assertEquals("2.7.1", TorchLibrary.plainVersion("2.7.1-20250812"));
        assertEquals("cu128", TorchLibrary.cudaFlavor("12.8"));
        assertEquals("cu130", TorchLibrary.cudaFlavor("13.0"));
    }
}
