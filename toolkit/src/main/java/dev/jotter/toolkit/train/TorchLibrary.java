package dev.jotter.toolkit.train;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides whether DJL loads a libtorch found on the machine (a CUDA build, for the GPU) instead of
 * the CPU natives on the class path, and says why in words. Pure: it reads only the folder it is
 * given and the strings passed in, so tests can run it over fake folder layouts.
 *
 * <p>DJL's PyTorch engine needs two native parts of one version: libtorch, and DJL's JNI library
 * {@code libdjl_torch.so} compiled against it. The {@code pytorch-jni} jar carries JNI libraries
 * for one libtorch version ({@code 2.7.1} for DJL 0.36.0) in a few flavours ({@code cpu},
 * {@code cu128}). A libtorch folder is therefore used when its version is that one, or when a JNI
 * library built for its version sits where DJL looks for one (next to it, or in DJL's cache under
 * {@code pytorch/<version>-<flavour>-<classifier>/<djl version>-libdjl_torch.so}). Anything else
 * would make DJL download a JNI at start-up, which Jotter never lets it do: such a folder is not
 * used, and {@link Selection#fix()} names the one thing to change.
 */
public final class TorchLibrary {

    /** What pip installs for DJL 0.36.0's CUDA JNI: torch 2.7.1 built for CUDA 12.8. */
    static final String PIP_CUDA = "pip install torch==%s --index-url https://download.pytorch.org/whl/cu128";

    private TorchLibrary() {}

    /**
     * What the selection found and decided.
     *
     * @param folder the libtorch folder asked for ({@code JOTTER_TORCH_LIBRARY}), or null
     * @param torchVersion its torch version as written next to it, e.g. {@code 2.7.1+cu128}, or null when unknown
     * @param flavor its build: {@code cpu}, {@code cu128}, ..., or null when unknown
     * @param use whether DJL is pointed at it
     * @param pytorchVersion the {@code PYTORCH_VERSION} DJL gets when used, e.g. {@code 2.7.1}
     * @param pytorchFlavor the {@code PYTORCH_FLAVOR} DJL gets when used: the JNI flavour it loads
     * @param cudaLibraryDirs folders with the CUDA runtime this libtorch uses (for DJL's GPU count), possibly empty
     * @param reason why it is or is not used, in words
     * @param fix the one thing to change to train on the GPU, or null when nothing needs to change
     */
    public record Selection(Path folder, String torchVersion, String flavor, boolean use, String pytorchVersion,
            String pytorchFlavor, List<Path> cudaLibraryDirs, String reason, String fix) {

        /** @return whether the selected libtorch is a CUDA build that DJL loads */
        public boolean cuda() {
            return use && pytorchFlavor != null && pytorchFlavor.startsWith("cu");
        }
    }

    /**
     * What DJL's pytorch-jni jar carries.
     *
     * @param torchVersion the libtorch version its JNI libraries were built for, e.g. {@code 2.7.1}
     * @param djlVersion DJL's version, e.g. {@code 0.36.0}
     * @param flavors the flavours it carries for this platform, e.g. {@code [cpu, cu128]}
     * @param classifier the platform, e.g. {@code linux-x86_64}
     */
    public record Jni(String torchVersion, String djlVersion, Set<String> flavors, String classifier) {

        /** @return e.g. {@code pytorch-jni 2.7.1-0.36.0 (cpu, cu128 for linux-x86_64)} */
        @Override
        public String toString() {
            return "pytorch-jni " + torchVersion + "-" + djlVersion + " (" + String.join(", ", flavors) + " for " + classifier + ")";
        }
    }

    /** A libtorch version and flavour as read next to its folder. */
    record Found(String version, String flavor) {}

    /**
     * Chooses.
     *
     * @param folder the folder asked for ({@code JOTTER_TORCH_LIBRARY}), or null when none is
     * @param driver the NVIDIA driver version, or null when the machine has none
     * @param jni what the pytorch-jni jar carries
     * @param djlCache DJL's cache folder ({@code ~/.djl.ai} or {@code DJL_CACHE_DIR})
     * @return the decision and why
     */
    public static Selection select(Path folder, String driver, Jni jni, Path djlCache) {
        String install = String.format(PIP_CUDA, jni.torchVersion());
        String fixInstall = "install torch " + jni.torchVersion() + " built for CUDA 12.8 (" + install
                + ") and set JOTTER_TORCH_LIBRARY to its torch/lib folder (or: jotter install --torch-library DIR)";
        if (folder == null) {
            return driver == null
                    ? new Selection(null, null, null, false, null, null, List.of(), "no NVIDIA driver on this machine: the CPU natives", null)
                    : new Selection(null, null, null, false, null, null, List.of(),
                            "NVIDIA driver " + driver + ", but no CUDA libtorch is selected (JOTTER_TORCH_LIBRARY is not set)", fixInstall);
        }
        if (!Files.isRegularFile(folder.resolve("libtorch.so"))) {
            return new Selection(folder, null, null, false, null, null, List.of(),
                    "JOTTER_TORCH_LIBRARY=" + folder + (Files.isDirectory(folder) ? " has no libtorch.so" : " does not exist")
                            + ": the CPU natives",
                    "point JOTTER_TORCH_LIBRARY at the lib folder of a torch install, e.g. .../site-packages/torch/lib; " + fixInstall);
        }
        Found found = describe(folder);
        if (found.version() == null) {
            return new Selection(folder, null, found.flavor(), false, null, null, List.of(),
                    "cannot tell the torch version of " + folder + " (no ../version.py, ../build-version or pytorch.properties next to it)"
                            + ": the CPU natives",
                    "point JOTTER_TORCH_LIBRARY at a pip torch's torch/lib or a libtorch download's lib folder; " + fixInstall);
        }
        String plain = plainVersion(found.version());
        boolean cudaBuild = found.flavor() != null && found.flavor().startsWith("cu");
        String what = "torch " + found.version() + " (" + (found.flavor() == null ? "flavour unknown" : found.flavor()) + ") in " + folder;
        String noDriver = driver == null ? "; no NVIDIA driver on this machine, so the CPU" : "";
        if (plain.equals(jni.torchVersion())) {
            String flavor;
            String note = "";
            if (!cudaBuild) {
                flavor = "cpu";
            } else if (jni.flavors().contains(found.flavor())) {
                flavor = found.flavor();
            } else {
                // The CUDA JNI calls libtorch's C++ API only; a torch of the same version built for another CUDA keeps that API.
                flavor = jni.flavors().stream().filter(f -> f.startsWith("cu")).findFirst().orElse(null);
                if (flavor == null) {
                    return new Selection(folder, found.version(), found.flavor(), false, null, null, List.of(),
                            what + ", but " + jni + " has no CUDA flavour: the CPU natives", fixInstall);
                }
                note = " (DJL's " + flavor + " JNI on a " + found.flavor() + " build)";
            }
            if (!jni.flavors().contains(flavor)) {
                return new Selection(folder, found.version(), found.flavor(), false, null, null, List.of(),
                        what + ", but " + jni + " has no " + flavor + " flavour: the CPU natives", fixInstall);
            }
            String reason = what + " with DJL's " + flavor + " JNI" + note + noDriver;
            String fix = cudaBuild || driver == null ? null : "this torch is a CPU build; " + fixInstall;
            return new Selection(folder, found.version(), found.flavor(), true, plain, flavor, cudaBuild ? cudaDirs(folder) : List.of(),
                    reason, fix);
        }
        String flavor = cudaBuild ? found.flavor() : "cpu";
        Path built = builtJni(folder, plain, flavor, jni, djlCache);
        if (built != null) {
            return new Selection(folder, found.version(), found.flavor(), true, plain, flavor, cudaBuild ? cudaDirs(folder) : List.of(),
                    what + " with a JNI built for it (" + built + ")" + noDriver, null);
        }
        return new Selection(folder, found.version(), found.flavor(), false, null, null, List.of(),
                what + ", but DJL " + jni.djlVersion() + "'s JNI is built for torch " + jni.torchVersion() + " only (" + jni
                        + ") and no JNI built for torch " + plain + " was found next to it or in "
                        + djlCache.resolve("pytorch").resolve(plain + "-" + flavor + "-" + jni.classifier()) + ": the CPU natives",
                fixInstall);
    }

    /** @return {@code 2.7.1} of {@code 2.7.1+cu128}, {@code 2.7.1-20250812} or {@code 2.7.1} */
    static String plainVersion(String version) {
        Matcher m = Pattern.compile("^(\\d+\\.\\d+\\.\\d+)").matcher(version);
        return m.find() ? m.group(1) : version;
    }

    /** @return the JNI library built for this version next to the folder or in DJL's cache, or null */
    private static Path builtJni(Path folder, String version, String flavor, Jni jni, Path djlCache) {
        String name = "libdjl_torch.so";
        // The places and order of DJL's LibUtils.findJniLibrary.
        for (Path p : List.of(folder.resolve(jni.djlVersion() + "-" + name), folder.resolve(name),
                djlCache.resolve("pytorch").resolve(version + "-" + flavor + "-" + jni.classifier()).resolve(jni.djlVersion() + "-" + name))) {
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        return null;
    }

    /**
     * Reads the version and flavour written next to a libtorch folder: a pip or conda torch
     * ({@code torch/lib/../version.py}), DJL's natives ({@code pytorch.properties}), a libtorch
     * download ({@code libtorch/build-version}), or DJL's cache folder name
     * ({@code 2.7.1-cu128-linux-x86_64}).
     *
     * @param folder a folder with libtorch.so
     * @return the version (null when none is written) and flavour ({@code cuda} or {@code cpu} from
     *     {@code libtorch_cuda.so} when nothing says)
     */
    static Found describe(Path folder) {
        String version = null;
        String flavor = null;
        Path parent = folder.toAbsolutePath().getParent();
        try {
            if (parent != null && Files.isRegularFile(parent.resolve("version.py"))) {
                for (String line : Files.readAllLines(parent.resolve("version.py"))) {
                    Matcher v = Pattern.compile("^__version__\\s*=\\s*['\"]([^'\"]+)['\"]").matcher(line);
                    if (v.find()) {
                        version = v.group(1);
                    }
                    Matcher c = Pattern.compile("^cuda\\s*(?::[^=]*)?=\\s*(?:['\"]([^'\"]*)['\"]|None)").matcher(line);
                    if (c.find()) {
                        flavor = c.group(1) == null || c.group(1).isEmpty() ? "cpu" : cudaFlavor(c.group(1));
                    }
                }
            } else if (Files.isRegularFile(folder.resolve("pytorch.properties"))) {
                Properties p = new Properties();
                try (var in = Files.newInputStream(folder.resolve("pytorch.properties"))) {
                    p.load(in);
                }
                version = p.getProperty("version");
                flavor = p.getProperty("flavor");
            } else if (parent != null && Files.isRegularFile(parent.resolve("build-version"))) {
                String v = Files.readAllLines(parent.resolve("build-version")).stream().findFirst().orElse("").trim();
                if (!v.isEmpty()) {
                    version = v;
                    int plus = v.indexOf('+');
                    flavor = plus < 0 ? null : v.substring(plus + 1);
                }
            } else {
                Matcher m = Pattern.compile("^(\\d+\\.\\d+\\.\\d+)(?:-\\d+)?-(cpu|cu\\d+)(?:-precxx11)?-[a-z]+-[a-z0-9_]+$")
                        .matcher(folder.getFileName().toString());
                if (m.matches()) {
                    version = m.group(1);
                    flavor = m.group(2);
                }
            }
        } catch (IOException e) {
            // Unreadable files say nothing; the caller reports an unknown version.
        }
        if (flavor != null && flavor.endsWith("-precxx11")) {
            flavor = flavor.substring(0, flavor.length() - "-precxx11".length());
        }
        if (flavor == null) {
            // Nothing says which CUDA: "cuda" still marks a CUDA build.
            flavor = Files.isRegularFile(folder.resolve("libtorch_cuda.so")) ? "cuda" : "cpu";
        }
        return new Found(version, flavor);
    }

    /** @return {@code cu128} for {@code 12.8}, {@code cu130} for {@code 13.0} */
    static String cudaFlavor(String cuda) {
        String[] p = cuda.trim().split("\\.");
        return "cu" + p[0] + (p.length > 1 ? p[1] : "0");
    }

    /**
     * The folders holding the CUDA runtime ({@code libcudart.so.N}) a pip torch uses: the
     * {@code nvidia/*}{@code /lib} folders of its site-packages, and the libtorch folder itself.
     */
    static List<Path> cudaDirs(Path folder) {
        List<Path> dirs = new ArrayList<>();
        Path abs = folder.toAbsolutePath();
        Path sitePackages = abs.getParent() == null ? null : abs.getParent().getParent();
        if (sitePackages != null && Files.isDirectory(sitePackages.resolve("nvidia"))) {
            Set<Path> sorted = new TreeSet<>();
            try (DirectoryStream<Path> s = Files.newDirectoryStream(sitePackages.resolve("nvidia"))) {
                for (Path p : s) {
                    if (hasCudart(p.resolve("lib"))) {
                        sorted.add(p.resolve("lib"));
                    }
                }
            } catch (IOException e) {
                // No readable nvidia folder: no extra search path.
            }
            dirs.addAll(sorted);
        }
        if (hasCudart(abs)) {
            dirs.add(abs);
        }
        return List.copyOf(dirs);
    }

    private static boolean hasCudart(Path dir) {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, "libcudart.so*")) {
            return s.iterator().hasNext();
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * The NVIDIA driver version from {@code /proc/driver/nvidia/version}'s text.
     *
     * @param procVersion the file's text, or null when it does not exist
     * @return e.g. {@code 580.82.07}, or null when there is no driver
     */
    static String driverVersion(String procVersion) {
        if (procVersion == null) {
            return null;
        }
        Matcher m = Pattern.compile("Kernel Module(?: for [^ ]+)?\\s+(\\d+\\.\\d+(?:\\.\\d+)?)").matcher(procVersion);
        return m.find() ? m.group(1) : null;
    }
}
