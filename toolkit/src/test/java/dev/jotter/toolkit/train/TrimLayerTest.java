package dev.jotter.toolkit.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The build's layer trimming (toolkit/src/build/TrimLayer.java, run at package) for each platform
 * the build can package, on this machine: which natives each platform's layer keeps, and that a
 * layer built for one platform and then for another holds the second one's natives only.
 */
class TrimLayerTest {

    /** Native libraries as the toolkit layer's jars name them (JNA 5.17, DJL's pytorch-jni and natives). */
    static final List<String> NATIVES = List.of(
            "com/sun/jna/linux-x86-64/libjnidispatch.so",
            "com/sun/jna/linux-aarch64/libjnidispatch.so",
            "com/sun/jna/linux-x86/libjnidispatch.so",
            "com/sun/jna/linux-arm/libjnidispatch.so",
            "com/sun/jna/linux-ppc64le/libjnidispatch.so",
            "com/sun/jna/darwin-x86-64/libjnidispatch.jnilib",
            "com/sun/jna/darwin-aarch64/libjnidispatch.jnilib",
            "com/sun/jna/win32-x86-64/jnidispatch.dll",
            "com/sun/jna/win32-x86/jnidispatch.dll",
            "com/sun/jna/win32-aarch64/jnidispatch.dll",
            "com/sun/jna/freebsd-x86-64/libjnidispatch.so",
            "jnilib/linux-x86_64/cpu/libdjl_torch.so",
            "jnilib/linux-x86_64/cu128/libdjl_torch.so",
            "jnilib/linux-aarch64/cpu/libdjl_torch.so",
            "jnilib/osx-aarch64/cpu/libdjl_torch.dylib",
            "jnilib/win-x86_64/cpu/djl_torch.dll",
            "jnilib/win-x86_64/cu128/djl_torch.dll",
            "pytorch/cpu/osx-aarch64/libtorch_cpu.dylib",
            "native/lib/libplain.so");

    static Class<?> trimLayer;

    @BeforeAll
    static void compile(@TempDir Path out) throws Exception {
        Path source = Path.of(System.getProperty("user.dir")).resolve("src/build/TrimLayer.java");
        int rc = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", out.toString(), source.toString());
        assertEquals(0, rc, "javac " + source);
        trimLayer = new URLClassLoader(new java.net.URL[] {out.toUri().toURL()}, null).loadClass("TrimLayer");
    }

    static Set<String> kept(String platform) throws Exception {
        Method other = trimLayer.getDeclaredMethod("forOtherPlatform", String.class, String.class);
        other.setAccessible(true);
        Set<String> kept = new TreeSet<>();
        for (String n : NATIVES) {
            if (!(boolean) other.invoke(null, n, platform)) {
                kept.add(n);
            }
        }
        return kept;
    }

    @Test
    void eachPlatformKeepsItsOwnNativesAndThoseThatNameNoPlatform() throws Exception {
        assertEquals(new TreeSet<>(List.of("com/sun/jna/linux-x86-64/libjnidispatch.so", "jnilib/linux-x86_64/cpu/libdjl_torch.so",
                "jnilib/linux-x86_64/cu128/libdjl_torch.so", "native/lib/libplain.so")), kept("linux-x86_64"));
        assertEquals(new TreeSet<>(List.of("com/sun/jna/linux-aarch64/libjnidispatch.so", "jnilib/linux-aarch64/cpu/libdjl_torch.so",
                "native/lib/libplain.so")), kept("linux-aarch64"));
        assertEquals(new TreeSet<>(List.of("com/sun/jna/darwin-aarch64/libjnidispatch.jnilib", "jnilib/osx-aarch64/cpu/libdjl_torch.dylib",
                "pytorch/cpu/osx-aarch64/libtorch_cpu.dylib", "native/lib/libplain.so")), kept("osx-aarch64"));
        assertEquals(new TreeSet<>(List.of("com/sun/jna/win32-x86-64/jnidispatch.dll", "jnilib/win-x86_64/cpu/djl_torch.dll",
                "jnilib/win-x86_64/cu128/djl_torch.dll", "native/lib/libplain.so")), kept("win-x86_64"));
        // No libtorch for an Intel Mac, but JNA's natives (DJL's and others' plumbing) stay.
        assertEquals(new TreeSet<>(List.of("com/sun/jna/darwin-x86-64/libjnidispatch.jnilib", "native/lib/libplain.so")), kept("osx-x86_64"));
        // A platform it cannot read keeps everything.
        assertEquals(new TreeSet<>(NATIVES), kept("none"));
    }

    @Test
    void aLayerBuiltForOnePlatformThenAnotherHoldsOnlyTheSecondOnesNativesAndNoStaleJar(@TempDir Path tmp) throws Exception {
        Path repo = Files.createDirectories(tmp.resolve("repo"));
        Path jni = jar(repo.resolve("pytorch-jni-2.7.1-0.36.0.jar"), NATIVES);
        Path osx = jar(repo.resolve("pytorch-native-cpu-2.7.1-osx-aarch64.jar"), List.of("pytorch/cpu/osx-aarch64/libtorch_cpu.dylib"));
        Path win = jar(repo.resolve("pytorch-native-cpu-2.7.1-win-x86_64.jar"), List.of("pytorch/cpu/win-x86_64/torch_cpu.dll"));
        Path layer = Files.createDirectories(tmp.resolve("layer"));
        Path list = tmp.resolve("toolkit-layer.classpath");

        build(layer, list, "osx-aarch64", jni, osx);
        assertEquals(Set.of("pytorch-jni-2.7.1-0.36.0.jar", "pytorch-native-cpu-2.7.1-osx-aarch64.jar"), names(layer));
        assertEquals(new TreeSet<>(List.of("com/sun/jna/darwin-aarch64/libjnidispatch.jnilib", "jnilib/osx-aarch64/cpu/libdjl_torch.dylib",
                "pytorch/cpu/osx-aarch64/libtorch_cpu.dylib", "native/lib/libplain.so")), natives(layer.resolve(jni.getFileName())));

        // The same layer folder, built again for Windows (-Djotter.platform=win-x86_64).
        build(layer, list, "win-x86_64", jni, win);
        assertEquals(Set.of("pytorch-jni-2.7.1-0.36.0.jar", "pytorch-native-cpu-2.7.1-win-x86_64.jar"), names(layer));
        assertEquals(new TreeSet<>(List.of("com/sun/jna/win32-x86-64/jnidispatch.dll", "jnilib/win-x86_64/cpu/djl_torch.dll",
                "jnilib/win-x86_64/cu128/djl_torch.dll", "native/lib/libplain.so")), natives(layer.resolve(jni.getFileName())));

        // Built again for the same platform: nothing changes (the mark names the platform).
        long before = Files.getLastModifiedTime(layer.resolve(jni.getFileName())).toMillis();
        build(layer, list, "win-x86_64", jni, win);
        assertEquals(before, Files.getLastModifiedTime(layer.resolve(jni.getFileName())).toMillis());
        assertFalse(natives(layer.resolve(jni.getFileName())).contains("jnilib/osx-aarch64/cpu/libdjl_torch.dylib"));
    }

    /** What the toolkit's build does at prepare-package and package: copy what is missing, then trim. */
    private static void build(Path layer, Path list, String platform, Path... jars) throws Exception {
        List<String> entries = new ArrayList<>();
        for (Path j : jars) {
            entries.add(j.toString());
            if (!Files.exists(layer.resolve(j.getFileName()))) {
                Files.copy(j, layer.resolve(j.getFileName()));
            }
        }
        Files.writeString(list, String.join(java.io.File.pathSeparator, entries));
        Method main = trimLayer.getMethod("main", String[].class);
        main.invoke(null, (Object) new String[] {platform, list.toString(), layer.toString()});
    }

    private static Path jar(Path file, List<String> entries) throws IOException {
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(file))) {
            out.putNextEntry(new ZipEntry("META-INF/MANIFEST.MF"));
            out.write("Manifest-Version: 1.0\n".getBytes());
            for (String e : entries) {
                out.putNextEntry(new ZipEntry(e));
                // Not ELF: strip, when installed, fails on it and the library stays as it is.
                out.write(("not a real library: " + e).getBytes());
            }
        }
        return file;
    }

    private static Set<String> names(Path dir) throws IOException {
        try (var s = Files.list(dir)) {
            return new TreeSet<>(s.map(p -> p.getFileName().toString()).toList());
        }
    }

    private static Set<String> natives(Path jar) throws IOException {
        Set<String> names = new TreeSet<>();
        try (ZipFile z = new ZipFile(jar.toFile())) {
            z.stream().map(ZipEntry::getName).filter(n -> !n.startsWith("META-INF/")).forEach(names::add);
        }
        return names;
    }
}
