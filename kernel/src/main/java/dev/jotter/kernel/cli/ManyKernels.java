package dev.jotter.kernel.cli;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The install options for a host that runs many kernels at once, a course's JupyterHub
 * (docs/teaching-at-scale.md): {@code --max-heap SIZE} and {@code --many-kernels}. Kept apart
 * from {@link KernelSpec}'s parsing so that they stay opt-in and easy to find; nothing here
 * changes a default install.
 *
 * <p>{@code --many-kernels} makes what every kernel maps the same pages for all of them, measured
 * with bench/class/idle_kernel.py (figures in bench/class/RESULTS.md):
 * <ul>
 *   <li>The start-up cache (JDK 25's AOT cache, about 36 MB) is mapped at the address it was
 *       written for ({@code -XX:ArchiveRelocationMode=0}). JDK 25 by default maps it at a random
 *       address and patches every pointer in it, which turns all of its pages into private memory
 *       of each kernel; mapped where it was written, its read-only part (about 21 MB) stays
 *       file-backed and shared, and an idle kernel holds about 17 MB less private memory. The cost
 *       is the address randomisation of those class data (the JDK's default before JDK 20).</li>
 *   <li>glibc keeps at most two malloc arenas ({@code MALLOC_ARENA_MAX=2}) instead of up to eight
 *       per core, each holding freed memory of the threads that used it: about 10 MB less per
 *       idle kernel.</li>
 *   <li>libtorch is extracted once, into the kernelspec folder, and every kernel loads it from
 *       there ({@code JOTTER_TORCH_LIBRARY}). Without it, DJL extracts its 360 MB into each Unix
 *       user's ~/.djl.ai on first use: a copy on disk per student, and pages that the kernels of
 *       different students cannot share.</li>
 * </ul>
 */
final class ManyKernels {
    /** Where {@code --many-kernels} puts libtorch, inside the kernelspec folder. */
    static final String LIBTORCH_DIR = "libtorch";

    private ManyKernels() {}

    /** @return the JVM options {@code --many-kernels} adds (the unlock must precede the diagnostic flag) */
    static List<String> jvmOpts() {
        return List.of("-XX:+UnlockDiagnosticVMOptions", "-XX:ArchiveRelocationMode=0");
    }

    /** Adds the environment {@code --many-kernels} gives every kernel. */
    static void addEnv(JsonObject env, Path libtorch) {
        env.addProperty("MALLOC_ARENA_MAX", "2");
        if (libtorch != null && !env.has("JOTTER_TORCH_LIBRARY")) {
            env.addProperty("JOTTER_TORCH_LIBRARY", libtorch.toString());
        }
    }

    /**
     * Checks a {@code --max-heap} value.
     *
     * @param value e.g. {@code 1g} or {@code 768m}
     * @return the JVM option, e.g. {@code -Xmx1g}
     */
    static String maxHeap(String value) throws Main.UsageException {
        String v = value.strip();
        if (!v.matches("[0-9]+[kKmMgG]?")) {
            throw new Main.UsageException("--max-heap '" + value + "' is not a size; write it as the JVM's -Xmx does, e.g. --max-heap 1g or --max-heap 768m");
        }
        long bytes = Long.parseLong(v.replaceAll("[^0-9]", "")) << switch (Character.toLowerCase(v.charAt(v.length() - 1))) {
            case 'k' -> 10;
            case 'm' -> 20;
            case 'g' -> 30;
            default -> 0;
        };
        if (bytes < (256L << 20)) {
            // An idle kernel already keeps about 33 MB live (javac's symbol tables, mostly); a notebook's data comes on top.
            throw new Main.UsageException("--max-heap " + value + " is too small for the kernel (an idle one keeps about 33 MB live, before any data); give it at least 256m");
        }
        return "-Xmx" + v;
    }

    /**
     * Extracts DJL's CPU libtorch from the toolkit layer's natives jar (lib/toolkit/pytorch-native-*.jar
     * beside the kernel jar) into {@code target}, with the jar's pytorch.properties next to it, which is
     * how {@code JOTTER_TORCH_LIBRARY} tells its version.
     *
     * @param lib the lib folder beside the installed kernel jar
     * @param target the folder to create (replaced if present)
     * @return the folder
     */
    static Path extractLibtorch(Path lib, Path target) throws IOException, Main.UsageException {
        Path nativesJar = null;
        Path toolkit = lib.resolve("toolkit");
        if (Files.isDirectory(toolkit)) {
            try (DirectoryStream<Path> jars = Files.newDirectoryStream(toolkit, "pytorch-native-*.jar")) {
                for (Path j : jars) {
                    nativesJar = j;
                }
            }
        }
        if (nativesJar == null) {
            throw new Main.UsageException("--many-kernels extracts libtorch from the toolkit layer's pytorch-native jar, but " + toolkit
                    + " has none; build the kernel with ./mvnw -pl kernel -am package, or give --torch-library DIR for a libtorch of your own");
        }
        try (ZipFile zip = new ZipFile(nativesJar.toFile())) {
            ZipEntry propsEntry = zip.getEntry("native/lib/pytorch.properties");
            if (propsEntry == null) {
                throw new Main.UsageException(nativesJar + " has no native/lib/pytorch.properties; it is not one of DJL's pytorch-native jars");
            }
            Properties props = new Properties();
            try (InputStream in = zip.getInputStream(propsEntry)) {
                props.load(in);
            }
            String folder = "pytorch/" + props.getProperty("flavor") + "/" + props.getProperty("classifier") + "/";
            List<String> names = new ArrayList<>();
            for (String name : props.getProperty("libraries", "").split(",")) {
                if (!name.isBlank()) {
                    names.add(name.strip());
                }
            }
            if (names.isEmpty()) {
                throw new Main.UsageException(nativesJar + "'s pytorch.properties lists no libraries: " + props);
            }
            Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
            KernelSpec.deleteTree(tmp);
            Files.createDirectories(tmp);
            for (String name : names) {
                ZipEntry e = zip.getEntry(folder + name);
                if (e == null) {
                    throw new Main.UsageException(nativesJar + " lacks " + folder + name + ", which its pytorch.properties lists");
                }
                try (InputStream in = zip.getInputStream(e)) {
                    Files.copy(in, tmp.resolve(name), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            try (InputStream in = zip.getInputStream(propsEntry)) {
                Files.copy(in, tmp.resolve("pytorch.properties"), StandardCopyOption.REPLACE_EXISTING);
            }
            KernelSpec.deleteTree(target);
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        }
        return target;
    }
}
