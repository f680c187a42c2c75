package dev.jotter.kernel.cli;

import com.google.gson.JsonObject;
import dev.jotter.kernel.jshell.Libraries;
import dev.jotter.kernel.jvm.IdleCollector;
import dev.jotter.kernel.protocol.Json;
import dev.jotter.kernel.protocol.Kernel;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code jotter install} and {@code jotter uninstall}: the kernelspec folder Jupyter reads to
 * start this kernel (kernel.json, logos, and a copy of the runnable jar and its lib/ folder so that the spec keeps
 * working after the build folder is cleaned).
 */
final class KernelSpec {
    static final String DEFAULT_NAME = "jotter";
    /** The kernel name IJava notebooks carry in their metadata; {@code --ijava} installs Jotter under it too. */
    static final String IJAVA_NAME = "java";
    /**
     * JVM options every kernel gets: headless AWT; native access for the PyTorch and BLAS
     * bindings; the serial collector, whose footprint suits one user's kernel; and a heap that
     * starts small and grows with less headroom (the JVM's default starts at 1/64 of the
     * machine's memory, touched before the first collection), which lowers an idle kernel's
     * resident memory markedly. The young generation is kept at a seventh of the heap (NewRatio 6,
     * default 2): a cell's compilation garbage dies young either way, and every page of eden is
     * touched and stays resident, so the default's larger eden cost an idle kernel memory for no
     * measurable gain in cell latency (checked on {@code 1+1} and a large table cell; figures in
     * bench/RESULTS.md). A heap found mostly free after a full collection shrinks in one step rather
     * than over four collections (ShrinkHeapInSteps off), so that the {@link IdleCollector}'s one
     * collection gives the memory back. The JVM also hands freed C heap (the JIT compilers'
     * scratch arenas, mostly) back to the system periodically.
     */
    static final List<String> BASE_JVM_OPTS = List.of("-Djava.awt.headless=true", "--enable-native-access=ALL-UNNAMED",
            "--sun-misc-unsafe-memory-access=allow", "-XX:+UseSerialGC", "-Xms16m",
            "-XX:NewRatio=6", "-XX:-ShrinkHeapInSteps", "-XX:MinHeapFreeRatio=20", "-XX:MaxHeapFreeRatio=40", "-XX:TrimNativeHeapInterval=10000");

    /**
     * HotSpot compiler directives, installed next to kernel.json: the kernel's own machinery (javac
     * and JShell, which compile every cell, the class-file API, ZeroMQ, JSON and the kernel) is
     * compiled by C1 only. Why: on a small machine C2's compilations of javac, a very large
     * program, took a core from the kernel's first few hundred cells, and the tier that profiles
     * for C2 runs slower than plain C1 code. The user's code, the toolkit and the JDK's own classes
     * still reach C2. New expressions over a kernel's first cells and warm ones both got faster
     * (bench/RESULTS.md). C1 for everything ({@code --jvm-opt=-XX:TieredStopAtLevel=1}) is faster
     * still for the kernel but leaves collection-heavy user code markedly slower once warm, so it is
     * the user's choice, not the default. (The JVM says "1
     * compiler directives added" on its standard output as it starts; Jupyter shows that line in
     * its server's log.)
     */
    static final String JIT_DIRECTIVES = "jit-directives.json";

    private KernelSpec() {}

    /** Parsed install/uninstall options. */
    record Options(Path kernelsDir, String name, String displayName, List<String> jvmOpts, boolean copyJar, boolean aot, Path torchLibrary, boolean ijava, boolean manyKernels) {}

    /** Where the kernelspec goes and its name: the options install and uninstall share. */
    static final class Location {
        @Option(names = "--user", description = "Jupyter's folder for this user (the default; honours JUPYTER_DATA_DIR)")
        boolean user;

        @Option(names = "--sys-prefix", description = "the Python environment Jupyter runs from (conda, venv, or python3's sys.prefix)")
        boolean sysPrefix;

        @Option(names = "--prefix", paramLabel = "DIR", description = "DIR/share/jupyter/kernels")
        String prefix;

        @Option(names = "--name", paramLabel = "NAME", description = "the kernelspec's name (default: ${DEFAULT-VALUE})", defaultValue = DEFAULT_NAME)
        String name;

        /** @return the folder of all kernelspecs this location names, after checking the name */
        Path kernelsDir() throws Main.UsageException {
            if ((user ? 1 : 0) + (sysPrefix ? 1 : 0) + (prefix != null ? 1 : 0) > 1) {
                throw new Main.UsageException("--user, --sys-prefix and --prefix each say where the kernelspec goes; give one of them");
            }
            if (!name.matches("[a-zA-Z0-9._-]+")) {
                throw new Main.UsageException("kernel name '" + name + "' may only use letters, digits, '.', '_' and '-'");
            }
            if (name.matches("\\.+")) {
                // A folder name: "." or ".." would make install write, and uninstall delete, the folder of all kernels or above it.
                throw new Main.UsageException("kernel name '" + name + "' is not a name but a folder; use letters or digits, e.g. --name jotter");
            }
            return prefix != null ? Path.of(prefix).toAbsolutePath().resolve("share/jupyter/kernels")
                    : sysPrefix ? sysPrefix().resolve("share/jupyter/kernels") : userDir();
        }
    }

    /** {@code jotter install}. */
    @Command(name = "install", description = "Write the kernelspec so that Jupyter can start this kernel.")
    static final class Install implements Callable<Integer> {
        @ParentCommand
        Main.Jotter jotter;

        @Mixin
        Location where = new Location();

        @Option(names = "--display-name", paramLabel = "TEXT", description = "the name Jupyter shows (default: ${DEFAULT-VALUE})", defaultValue = "Java (Jotter)")
        String displayName;

        @Option(names = "--jvm-opt", paramLabel = "OPT", description = "a JVM option for the kernel, e.g. --jvm-opt -Xmx2g; repeat for more")
        List<String> jvmOpts = new ArrayList<>();

        @Option(names = "--no-copy", description = "run the jar where it is instead of copying it and lib/ into the kernelspec")
        boolean noCopy;

        @Option(names = "--no-aot", description = "skip training the start-up cache (about 10 s)")
        boolean noAot;

        @Option(names = "--torch-library", paramLabel = "DIR", description = "a CUDA libtorch's lib folder, for training on the GPU")
        String torchLibrary;

        @Option(names = "--ijava", description = "also install the kernel as \"java\", the name IJava notebooks ask for")
        boolean ijava;

        // For a course's JupyterHub (ManyKernels, docs/teaching-at-scale.md).
        @Option(names = "--max-heap", paramLabel = "SIZE", description = "each kernel's heap limit, e.g. 1g (a course's share per student; at least 256m)")
        String maxHeap;

        @Option(names = "--many-kernels", description = "share memory between the kernels of one host (a course's JupyterHub; docs/teaching-at-scale.md)")
        boolean manyKernels;

        /** @return the options, checked */
        Options options() throws Main.UsageException {
            Path dir = where.kernelsDir();
            if (ijava && where.name.equals(IJAVA_NAME)) {
                throw new Main.UsageException("--ijava adds a kernelspec named '" + IJAVA_NAME + "' beside --name, which is already '"
                        + IJAVA_NAME + "'; drop one of the two");
            }
            Path torch = torchLibrary == null ? null : torchLibrary(torchLibrary);
            List<String> jvm = new ArrayList<>(jvmOpts);
            if (maxHeap != null) {
                jvm.add(ManyKernels.maxHeap(maxHeap));
            }
            return new Options(dir, where.name, displayName, List.copyOf(jvm), !noCopy, !noAot, torch, ijava, manyKernels);
        }

        @Override
        public Integer call() throws Exception {
            return install(options(), jotter.out());
        }
    }

    /** {@code jotter uninstall}. */
    @Command(name = "uninstall", description = "Remove a kernelspec that jotter install wrote, and its --ijava alias.")
    static final class Uninstall implements Callable<Integer> {
        @ParentCommand
        Main.Jotter jotter;

        @Mixin
        Location where = new Location();

        @Option(names = "--ijava", hidden = true, description = "accepted as install takes it; the alias goes in any case")
        boolean ijava;

        @Override
        public Integer call() throws Exception {
            return uninstall(where.kernelsDir(), where.name, jotter.out());
        }
    }

    /**
     * Parses install's options as the command line does; for tests.
     *
     * @param args install's arguments, without the command
     * @return the checked options
     * @throws Main.UsageException for any mistake, in the command line's words
     */
    static Options parse(List<String> args) throws Main.UsageException {
        Install install = new Install();
        String[] line = args.toArray(String[]::new);
        try {
            new CommandLine(install).setOverwrittenOptionsAllowed(true).setExpandAtFiles(false).parseArgs(line);
        } catch (CommandLine.ParameterException e) {
            throw new Main.UsageException(Main.describe(e, line));
        }
        return install.options();
    }

    /**
     * Checks a {@code --torch-library} folder the way the kernel will at start-up, so that a folder
     * DJL cannot load is refused now with the reason, not ignored later.
     */
    static Path torchLibrary(String dir) throws Main.UsageException {
        Path folder = Path.of(dir).toAbsolutePath().normalize();
        Object s = torchSelection(folder);
        if (!(Boolean) selectionPart(s, "use")) {
            Object fix = selectionPart(s, "fix");
            throw new Main.UsageException("--torch-library " + folder + " cannot be used: " + selectionPart(s, "reason")
                    + (fix == null ? "" : ". To fix: " + fix));
        }
        return folder;
    }

    /** The toolkit's Devices class, loaded through the toolkit layer on first need. */
    private static Class<?> devices;

    /**
     * The toolkit's verdict on a libtorch folder ({@code Devices.selectionFor}), asked through the
     * toolkit layer's loader: the kernel never links to the toolkit (docs/library-isolation.md).
     */
    private static Object torchSelection(Path folder) throws Main.UsageException {
        try {
            if (devices == null) {
                // One toolkit loader for the option's check and install's report, not one each.
                devices = Class.forName("dev.jotter.toolkit.train.Devices", true, Libraries.forThisKernel().loader());
            }
            return devices.getMethod("selectionFor", Path.class).invoke(null, folder);
        } catch (java.lang.reflect.InvocationTargetException e) {
            throw new Main.UsageException("--torch-library " + folder + " could not be checked: " + e.getCause());
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new Main.UsageException("--torch-library needs the toolkit layer (lib/toolkit beside jotter.jar), which this install lacks: " + e);
        }
    }

    private static Object selectionPart(Object selection, String part) throws Main.UsageException {
        try {
            return selection.getClass().getMethod(part).invoke(selection);
        } catch (ReflectiveOperationException e) {
            throw new Main.UsageException("the toolkit's TorchLibrary.Selection has no " + part + "(): " + e);
        }
    }

    /**
     * The kernel's environment in kernel.json: DJL kept from calling home, and the selected libtorch
     * folder, if any.
     *
     * <p>DJL reads both variables when its first class loads, whoever loads it: setting them in
     * the kernel (as the toolkit also does) comes too late for a cell that touches DJL before the
     * toolkit, and on a cloud-hosted hub DJL's telemetry first asks the EC2 metadata service who
     * the machine is. {@code DJL_OFFLINE} also stops DJL downloading engines and models at run time;
     * remove it from kernel.json to let a notebook fetch from DJL's model zoo (docs/security.md).
     */
    static JsonObject env(Options o) {
        JsonObject env = new JsonObject();
        env.addProperty("OPT_OUT_TRACKING", "true");
        env.addProperty("DJL_OFFLINE", "true");
        if (o.torchLibrary() != null) {
            env.addProperty("JOTTER_TORCH_LIBRARY", o.torchLibrary().toString());
        }
        return env;
    }

    /** Jupyter's per-user data folder, honouring JUPYTER_DATA_DIR as Jupyter does. */
    static Path userDir() {
        return userDir(System.getProperty("os.name"), System::getenv, Path.of(System.getProperty("user.home")));
    }

    /**
     * Jupyter's per-user kernels folder on a platform, where {@code jupyter_core.paths.jupyter_data_dir}
     * puts it: {@code JUPYTER_DATA_DIR}, else {@code ~/Library/Jupyter} on macOS,
     * {@code %APPDATA%\jupyter} on Windows, {@code $XDG_DATA_HOME/jupyter} (default
     * {@code ~/.local/share/jupyter}) elsewhere.
     *
     * @param osName the {@code os.name} system property
     * @param env the environment
     * @param home the user's home folder
     * @return the {@code kernels} folder in it
     */
    static Path userDir(String osName, java.util.function.UnaryOperator<String> env, Path home) {
        String data = env.apply("JUPYTER_DATA_DIR");
        if (data != null && !data.isBlank()) {
            return Path.of(data).resolve("kernels");
        }
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("mac")) {
            return home.resolve("Library/Jupyter/kernels");
        }
        if (os.startsWith("windows")) {
            String appData = env.apply("APPDATA");
            return (appData != null && !appData.isBlank() ? Path.of(appData) : home.resolve("AppData").resolve("Roaming"))
                    .resolve("jupyter").resolve("kernels");
        }
        String xdg = env.apply("XDG_DATA_HOME");
        return (xdg != null && !xdg.isBlank() ? Path.of(xdg) : home.resolve(".local/share")).resolve("jupyter/kernels");
    }

    /** The Python environment Jupyter runs from: conda or venv if active, else python3's sys.prefix. */
    static Path sysPrefix() throws Main.UsageException {
        for (String env : new String[] {"CONDA_PREFIX", "VIRTUAL_ENV"}) {
            String v = System.getenv(env);
            if (v != null && !v.isBlank()) {
                return Path.of(v);
            }
        }
        try {
            Process p = new ProcessBuilder("python3", "-c", "import sys; print(sys.prefix)").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes()).strip();
            if (p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0 && !out.isEmpty()) {
                return Path.of(out);
            }
            throw new Main.UsageException("--sys-prefix: python3 could not report sys.prefix (" + out + "); use --prefix DIR instead");
        } catch (IOException e) {
            throw new Main.UsageException("--sys-prefix needs python3 on PATH to find sys.prefix (" + e.getMessage() + "); use --prefix DIR instead");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Main.UsageException("interrupted while asking python3 for sys.prefix");
        }
    }

    static int install(Options o, PrintStream out) throws Exception {
        Path ijavaTarget = o.kernelsDir().resolve(IJAVA_NAME);
        if (o.ijava() && Files.exists(ijavaTarget.resolve("kernel.json")) && !isJotters(ijavaTarget)) {
            // Checked before anything is written: an IJava install must never be half replaced.
            throw new Main.UsageException("a kernelspec '" + IJAVA_NAME + "' that is not Jotter's is installed in " + ijavaTarget
                    + " (IJava's, probably); remove it with `jupyter kernelspec remove " + IJAVA_NAME
                    + "` to run IJava notebooks on Jotter, or install without --ijava");
        }
        Path jar = runningJar();
        Path target = o.kernelsDir().resolve(o.name());
        Files.createDirectories(target);
        Path kernelJar = jar;
        if (o.copyJar()) {
            kernelJar = target.resolve("jotter.jar");
            if (!jar.equals(kernelJar)) {
                Path tmp = target.resolve("jotter.jar.tmp");
                Files.copy(jar, tmp, StandardCopyOption.REPLACE_EXISTING);
                Files.move(tmp, kernelJar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                copyLibraries(jar.resolveSibling("lib"), target.resolve("lib"));
            }
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> jvm = new ArrayList<>(BASE_JVM_OPTS);
        if (copyResource(JIT_DIRECTIVES, target)) {
            jvm.add("-XX:+UnlockDiagnosticVMOptions");
            jvm.add("-XX:CompilerDirectivesFile=" + target.resolve(JIT_DIRECTIVES));
        }
        if (o.manyKernels()) {
            jvm.addAll(ManyKernels.jvmOpts());
        }
        jvm.addAll(o.jvmOpts());
        JsonObject env = env(o);
        if (o.manyKernels()) {
            Path libtorch = null;
            if (o.torchLibrary() == null) {
                libtorch = ManyKernels.extractLibtorch(kernelJar.resolveSibling("lib"), target.resolve(ManyKernels.LIBTORCH_DIR));
                torchLibrary(libtorch.toString());
            }
            ManyKernels.addEnv(env, libtorch);
        }
        if (o.aot()) {
            Path cache = target.resolve("jotter.aot");
            if (trainAotCache(java, jvm, kernelJar, cache, out)) {
                jvm.add("-XX:AOTCache=" + cache);
            }
        }
        List<String> argv = new ArrayList<>();
        argv.add(java);
        argv.addAll(jvm);
        argv.add("-jar");
        argv.add(kernelJar.toString());
        argv.add("kernel");
        argv.add("{connection_file}");
        JsonObject spec = Json.obj(
                "argv", argv,
                "display_name", o.displayName(),
                "language", "java",
                "interrupt_mode", "message",
                "env", env,
                "metadata", Json.obj("debugger", false, "jotter_version", Kernel.version()));
        Files.writeString(target.resolve("kernel.json"), Json.PRETTY.toJson(spec) + "\n");
        for (String logo : new String[] {"logo-32x32.png", "logo-64x64.png", "logo-svg.svg"}) {
            copyResource(logo, target);
        }
        out.println("Installed kernelspec '" + o.name() + "' (" + o.displayName() + ") in " + target);
        if (o.torchLibrary() != null) {
            out.println("libtorch: " + selectionPart(torchSelection(o.torchLibrary()), "reason") + " (JOTTER_TORCH_LIBRARY in kernel.json)");
        }
        if (o.manyKernels()) {
            out.println("For many kernels on this host: start-up cache mapped shared, MALLOC_ARENA_MAX=2"
                    + (o.torchLibrary() == null ? ", libtorch extracted once into " + target.resolve(ManyKernels.LIBTORCH_DIR) : ""));
        }
        if (o.ijava()) {
            // The same kernel under IJava's name, sharing the jar and start-up cache of the first.
            Files.createDirectories(ijavaTarget);
            String display = o.displayName() + ", for IJava notebooks";
            JsonObject alias = Json.obj(
                    "argv", argv,
                    "display_name", display,
                    "language", "java",
                    "interrupt_mode", "message",
                    "env", env,
                    "metadata", Json.obj("debugger", false, "jotter_version", Kernel.version(), "jotter_alias_of", o.name()));
            Files.writeString(ijavaTarget.resolve("kernel.json"), Json.PRETTY.toJson(alias) + "\n");
            for (String logo : new String[] {"logo-32x32.png", "logo-64x64.png", "logo-svg.svg"}) {
                copyResource(logo, ijavaTarget);
            }
            out.println("Installed kernelspec '" + IJAVA_NAME + "' (" + display + ") in " + ijavaTarget
                    + ": notebooks made with IJava now run on Jotter");
        }
        return 0;
    }

    /** Whether a kernelspec folder holds a kernel.json that Jotter wrote. */
    private static boolean isJotters(Path spec) {
        try {
            JsonObject json = com.google.gson.JsonParser.parseString(Files.readString(spec.resolve("kernel.json"))).getAsJsonObject();
            return json.has("metadata") && json.get("metadata").isJsonObject() && json.getAsJsonObject("metadata").has("jotter_version");
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** The name of the kernelspec a {@code --ijava} alias was installed beside, or null for another spec. */
    private static String aliasOf(Path spec) {
        try {
            JsonObject json = com.google.gson.JsonParser.parseString(Files.readString(spec.resolve("kernel.json"))).getAsJsonObject();
            JsonObject meta = json.has("metadata") && json.get("metadata").isJsonObject() ? json.getAsJsonObject("metadata") : null;
            return meta != null && meta.has("jotter_alias_of") ? meta.get("jotter_alias_of").getAsString() : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * Copies the kernel's libraries (lib/, named by the jar's manifest) and the toolkit layer
     * (lib/toolkit) beside the copied jar, replacing an earlier install's: the toolkit layer is
     * every jar in lib/toolkit, so a stale one must not stay behind.
     */
    private static void copyLibraries(Path from, Path to) throws IOException {
        if (!Files.isDirectory(from)) {
            throw new IOException("Expected the kernel's libraries in " + from + " beside its jar, found none;"
                    + " build the kernel with ./mvnw -pl kernel -am package, which puts them there");
        }
        Path tmp = to.resolveSibling("lib.tmp");
        deleteTree(tmp);
        try (var files = Files.walk(from)) {
            for (Path p : files.toList()) {
                Path dest = tmp.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(dest);
                } else {
                    Files.copy(p, dest, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        deleteTree(to);
        Files.move(tmp, to, StandardCopyOption.ATOMIC_MOVE);
    }


    /**
     * Copies one of the jar's kernelspec resources into the kernelspec folder.
     *
     * @return whether the jar has it (a build without it installs without it)
     */
    private static boolean copyResource(String name, Path target) throws IOException {
        try (InputStream in = KernelSpec.class.getResourceAsStream("/kernelspec/" + name)) {
            if (in == null) {
                return false;
            }
            Files.copy(in, target.resolve(name), StandardCopyOption.REPLACE_EXISTING);
            return true;
        }
    }

    /**
     * Builds JDK 25's ahead-of-time class cache for this jar and these JVM options by running a
     * short training workload; kernel start-up then drops from about a second to a third of it.
     * A failure only costs that speed-up, so it is reported and install goes on.
     */
    private static boolean trainAotCache(String java, List<String> jvm, Path jar, Path cache, PrintStream out) {
        if (Runtime.version().feature() < 25) {
            return false;
        }
        List<String> cmd = new ArrayList<>();
        cmd.add(java);
        cmd.addAll(jvm);
        cmd.add("-XX:AOTCacheOutput=" + cache);
        cmd.add("-jar");
        cmd.add(jar.toString());
        cmd.add("aot-training");
        out.println("Training the start-up cache (about 10 s; --no-aot skips it)...");
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String log = new String(p.getInputStream().readAllBytes());
            if (p.waitFor(300, TimeUnit.SECONDS) && p.exitValue() == 0 && Files.isRegularFile(cache)) {
                return true;
            }
            out.println("warning: the start-up cache could not be built; the kernel will start without it.\n" + log.strip());
        } catch (IOException e) {
            out.println("warning: the start-up cache could not be built (" + e.getMessage() + "); the kernel will start without it.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }

    static int uninstall(Path kernelsDir, String name, PrintStream out) throws Exception {
        Path target = kernelsDir.resolve(name);
        if (!Files.isDirectory(target)) {
            throw new Main.UsageException("no kernelspec '" + name + "' in " + kernelsDir
                    + "; `jupyter kernelspec list` shows where kernels are installed");
        }
        if (!isJotters(target)) {
            // Deleting recursively: only what Jotter itself installed.
            throw new Main.UsageException("kernelspec '" + name + "' in " + target + " was not installed by Jotter (its kernel.json has no "
                    + "metadata.jotter_version); nothing removed. Remove it with `jupyter kernelspec remove " + name + "` if you mean to");
        }
        deleteTree(target);
        out.println("Removed kernelspec '" + name + "' from " + target);
        // The --ijava alias runs this spec's jar: it goes with it, whether or not --ijava is given again.
        Path alias = kernelsDir.resolve(IJAVA_NAME);
        if (Files.isDirectory(alias) && name.equals(aliasOf(alias))) {
            deleteTree(alias);
            out.println("Removed kernelspec '" + IJAVA_NAME + "' (installed with --ijava) from " + alias);
        }
        return 0;
    }

    /**
     * Deletes a folder and everything in it; nothing when it is not there.
     *
     * @param dir the folder
     */
    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var files = Files.walk(dir)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** @return the jar this code runs from */
    static Path runningJar() throws Main.UsageException {
        try {
            Path p = Path.of(KernelSpec.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (!Files.isRegularFile(p) || !p.toString().endsWith(".jar")) {
                throw new Main.UsageException("install must run from the runnable jar (found " + p
                        + "); build it with ./mvnw -pl kernel -am package and run java -jar kernel/target/jotter.jar install");
            }
            return p;
        } catch (URISyntaxException e) {
            throw new Main.UsageException("cannot locate the running jar: " + e.getMessage());
        }
    }
}
