package dev.jotter.toolkit.train;

import ai.djl.Device;
import ai.djl.engine.Engine;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;

/**
 * Chooses where DJL models train: the first GPU when DJL runs on a CUDA build of libtorch and a
 * GPU is present, else the CPU. One device, never all of them: DJL's default training config
 * would spread a small teaching model over every GPU.
 *
 * <p>The build carries libtorch's CPU natives. A CUDA libtorch is chosen without rebuilding, with
 * the environment variable {@code JOTTER_TORCH_LIBRARY} (or the system property
 * {@code jotter.torch.library}, or {@code jotter install --torch-library DIR}) naming its lib
 * folder, e.g. the {@code torch/lib} folder of {@code pip install torch==2.7.1 --index-url
 * https://download.pytorch.org/whl/cu128}. {@link TorchLibrary} decides whether that folder fits
 * DJL's JNI library; {@link #info()} says what was found and why a GPU is or is not used.
 *
 * <p>The build packages one platform's CPU natives ({@link Platform}). Every trainer reaches DJL
 * through {@link #engine()} or {@link #preferred()}, which first check that those natives fit this
 * machine: on a platform without natives (macOS on Intel) the first training cell says so in one
 * sentence ({@link #nativesProblem()}) and the rest of the toolkit works as usual.
 *
 * <p>Override the device with the system property {@code jotter.device} or environment variable
 * {@code JOTTER_DEVICE} ({@code cpu}, {@code gpu}, {@code gpu:1}), or per trainer with
 * {@code optDevice(Device.cpu())}.
 *
 * <p>On machines with 2 cores or fewer (CI runners, Binder, small laptops) {@link #quiet()} also
 * limits libtorch to one thread unless {@code -Dai.djl.pytorch.num_threads} or
 * {@code OMP_NUM_THREADS} says otherwise: see {@link #defaultThreads}.
 *
 * <p>On a CPU machine DJL's CUDA probe logs "Failed to detect GPU count" warnings when a stray
 * CUDA runtime is installed without a driver. {@link #quiet()} stops that: when DJL runs on the
 * CPU natives it tells DJL's PyTorch loader so ({@code PYTORCH_FLAVOR=cpu}), keeps DJL offline
 * ({@code ai.djl.offline=true}, nothing is downloaded at run time), and never asks CUDA for a GPU
 * count.
 */
public final class Devices {

    private static volatile String nativesFlavor;

    private Devices() {}

    /**
     * The device a trainer uses when none is given.
     *
     * <pre>{@code
     * jshell> Devices.preferred()
     * $1 ==> cpu()
     * }</pre>
     *
     * @return {@code gpu(0)} on a CUDA machine with CUDA natives, else {@code cpu()}
     */
    public static Device preferred() {
        return choose().device();
    }

    /** A device and why it was chosen. */
    private record Choice(Device device, String reason) {}

    private static Choice choose() {
        requireNatives();
        String property = System.getProperty("jotter.device");
        String forced = property != null ? property : System.getenv("JOTTER_DEVICE");
        if (forced != null && !forced.isBlank()) {
            String source = property != null ? "the system property jotter.device" : "the environment variable JOTTER_DEVICE";
            return new Choice(parse(forced.trim()), "set by " + source + " (" + forced.trim() + ")");
        }
        TorchLibrary.Selection sel = selection();
        String own = ownLibraryPath();
        if (own != null) {
            int gpus = Engine.getInstance().getGpuCount();
            return gpus > 0 ? new Choice(Device.gpu(0), "libtorch from PYTORCH_LIBRARY_PATH=" + own + " and " + gpus + " GPU(s): the first one")
                    : new Choice(Device.cpu(), "libtorch from PYTORCH_LIBRARY_PATH=" + own + ", but DJL sees no GPU");
        }
        if (sel.cuda()) {
            int gpus = Engine.getInstance().getGpuCount();
            return gpus > 0 ? new Choice(Device.gpu(0), sel.reason() + "; " + gpus + " GPU(s): the first one, never all of them")
                    : new Choice(Device.cpu(), sel.reason() + "; but DJL sees no GPU (its CUDA runtime probe found none)");
        }
        if (sel.use() || cpuNatives()) {
            return new Choice(Device.cpu(), sel.reason());
        }
        // CUDA natives on the class path (a build of one's own): DJL asks the driver.
        int gpus = Engine.getInstance().getGpuCount();
        return gpus > 0 ? new Choice(Device.gpu(0), "CUDA natives and " + gpus + " GPU(s): the first one, never all of them")
                : new Choice(Device.cpu(), "CUDA natives, but the driver shows no GPU");
    }

    /**
     * What DJL found on this machine, and which device trainers use by default and why.
     *
     * <pre>{@code
     * jshell> Devices.info()
     * $1 ==> engine:    PyTorch 2.7.1
     *        natives:   cpu
     *        libtorch:  /home/me/.djl.ai/pytorch/2.7.1-cpu-linux-x86_64
     *        JNI:       pytorch-jni 2.7.1-0.36.0 (cpu, cu128 for linux-x86_64)
     *        driver:    NVIDIA 580.82.07
     *        GPUs:      0
     *        preferred: cpu() (NVIDIA driver 580.82.07, but no CUDA libtorch is selected ...)
     *        for a GPU: install torch 2.7.1 built for CUDA 12.8 (...) and set JOTTER_TORCH_LIBRARY ...
     * }</pre>
     *
     * @param engine DJL's engine name, e.g. {@code PyTorch}
     * @param engineVersion the native library's version, e.g. {@code 2.7.1}
     * @param natives the flavour DJL loads: {@code cpu}, {@code cu128}, ..., or {@code unknown} when DJL would download
     *     the natives (never, as the toolkit keeps DJL offline)
     * @param gpuCount GPUs the engine can use; 0 on the CPU natives (CUDA is never asked)
     * @param preferred the device trainers use when none is given ({@link #preferred()})
     * @param reason why that device, in words
     * @param libtorch the folder DJL loaded libtorch from, or {@code unknown}
     * @param jni the JNI libraries DJL's pytorch-jni jar carries, e.g. {@code pytorch-jni 2.7.1-0.36.0 (cpu, cu128 for linux-x86_64)}
     * @param driver the NVIDIA driver version, or null when the machine has none
     * @param fix the one thing to change to train on the GPU, or null when nothing needs to change
     */
    public record Info(String engine, String engineVersion, String natives, int gpuCount, Device preferred, String reason,
            String libtorch, String jni, String driver, String fix) {

        @Override
        public String toString() {
            return "engine:    " + engine + " " + engineVersion + "\nnatives:   " + natives + "\nlibtorch:  " + libtorch + "\nJNI:       " + jni
                    + "\ndriver:    " + (driver == null ? "none (no /proc/driver/nvidia/version)" : "NVIDIA " + driver) + "\nGPUs:      "
                    + gpuCount + "\npreferred: " + preferred + " (" + reason + ")" + (fix == null ? "" : "\nfor a GPU: " + fix);
        }
    }

    /**
     * Loads DJL's engine (quietly, see {@link #quiet()}) and describes it.
     *
     * @return the engine, natives, GPU count and default device with the reason for it
     */
    public static Info info() {
        Choice choice = choose();
        Engine engine = engine();
        TorchLibrary.Selection sel = selection();
        boolean cpu = ownLibraryPath() == null && (sel.use() ? !sel.cuda() : cpuNatives());
        int gpus = cpu ? 0 : engine.getGpuCount();
        String natives = ownLibraryPath() != null ? flavorSetting() : sel.use() ? sel.pytorchFlavor() : nativesFlavor();
        String fix = choice.device().isGpu() ? null : sel.fix();
        return new Info(engine.getEngineName(), engine.getVersion(), natives, gpus, choice.device(), choice.reason(), loadedFrom(engine),
                jni().toString(), driver(), fix);
    }

    private static String loadedFrom(Engine engine) {
        if (!"PyTorch".equals(engine.getEngineName())) {
            return "unknown";
        }
        try {
            return ai.djl.pytorch.jni.LibUtils.getLibtorchPath();
        } catch (RuntimeException | LinkageError e) {
            return "unknown (" + e + ")";
        }
    }

    private static String flavorSetting() {
        String f = System.getenv("PYTORCH_FLAVOR");
        return f != null ? f : System.getProperty("PYTORCH_FLAVOR", "unknown");
    }

    /** @return the PYTORCH_LIBRARY_PATH someone set before the toolkit did, or null */
    private static String ownLibraryPath() {
        String env = System.getenv("PYTORCH_LIBRARY_PATH");
        if (env != null && !env.isBlank()) {
            return env;
        }
        String p = System.getProperty("PYTORCH_LIBRARY_PATH");
        return p != null && !p.isBlank() && !p.equals(setLibraryPath) ? p : null;
    }

    private static volatile TorchLibrary.Selection selection;
    private static volatile String setLibraryPath;

    /**
     * The libtorch selection for this JVM, made once: {@code JOTTER_TORCH_LIBRARY} (or the system
     * property {@code jotter.torch.library}), the NVIDIA driver and DJL's JNI jar.
     *
     * @return what {@link TorchLibrary#select} decided
     */
    public static TorchLibrary.Selection selection() {
        TorchLibrary.Selection s = selection;
        if (s == null) {
            String p = System.getProperty("jotter.torch.library");
            String configured = p != null ? p : System.getenv("JOTTER_TORCH_LIBRARY");
            Path folder = configured == null || configured.isBlank() ? null : Path.of(configured.trim()).toAbsolutePath();
            s = TorchLibrary.select(folder, driver(), jni(), ai.djl.util.Utils.getEngineCacheDir());
            selection = s;
        }
        return s;
    }

    /**
     * What {@link #selection()} would decide if {@code JOTTER_TORCH_LIBRARY} named this folder, on
     * this machine: for checking a folder before writing it into a kernelspec. Loads no engine.
     *
     * <pre>{@code
     * jshell> Devices.selectionFor(Path.of("/opt/venv/lib/python3.12/site-packages/torch/lib")).reason()
     * $1 ==> "torch 2.7.1+cu128 (cu128) in /opt/venv/lib/python3.12/site-packages/torch/lib with DJL's cu128 JNI"
     * }</pre>
     *
     * @param folder a libtorch lib folder
     * @return whether DJL would load it, and why
     */
    public static TorchLibrary.Selection selectionFor(Path folder) {
        return TorchLibrary.select(folder.toAbsolutePath(), driver(), jni(), ai.djl.util.Utils.getEngineCacheDir());
    }

    private static String driver() {
        Path proc = Path.of("/proc/driver/nvidia/version");
        try {
            return TorchLibrary.driverVersion(Files.isReadable(proc) ? Files.readString(proc) : null);
        } catch (IOException e) {
            return null;
        }
    }

    /** The CUDA flavours a pytorch-jni jar might carry; {@link #jni()} keeps those it has. */
    private static final List<String> JNI_FLAVORS = List.of("cpu", "cu118", "cu121", "cu124", "cu126", "cu128", "cu129", "cu130");

    /** @return what the pytorch-jni jar on the class path carries for this platform */
    static TorchLibrary.Jni jni() {
        String classifier = Platform.current().classifier();
        ClassLoader cl = Devices.class.getClassLoader();
        String version = "unknown";
        URL url = cl.getResource("jnilib/pytorch.properties");
        if (url != null) {
            Properties p = new Properties();
            try (InputStream in = url.openStream()) {
                p.load(in);
                version = p.getProperty("jni_version", "unknown");
            } catch (IOException e) {
                // Reported as unknown below.
            }
        }
        Set<String> flavors = new LinkedHashSet<>();
        for (String f : JNI_FLAVORS) {
            String lib = classifier.startsWith("win") ? "djl_torch.dll" : classifier.startsWith("osx") ? "libdjl_torch.dylib" : "libdjl_torch.so";
            if (cl.getResource("jnilib/" + classifier + "/" + f + "/" + lib) != null) {
                flavors.add(f);
            }
        }
        int dash = version.indexOf('-');
        String torch = dash < 0 ? version : version.substring(0, dash);
        String djl = dash < 0 ? ai.djl.engine.Engine.getDjlVersion() : version.substring(dash + 1);
        return new TorchLibrary.Jni(torch, djl, flavors, classifier);
    }

    /**
     * DJL's engine for training, after {@link #quiet()}: what every toolkit trainer calls before it
     * touches DJL, so that on a platform this Jotter has no natives for the first training cell
     * says so in one sentence ({@link Platform#problem}) instead of failing inside DJL.
     *
     * @return DJL's default engine
     * @throws IllegalStateException when this Jotter's libtorch natives cannot run here, with the sentence that says why
     */
    public static Engine engine() {
        requireNatives();
        return Engine.getInstance();
    }

    /**
     * {@link #quiet()}, then the check of {@link #engine()} without loading the engine.
     *
     * @throws IllegalStateException when this Jotter's libtorch natives cannot run here
     */
    static void requireNatives() {
        String problem = nativesProblem();
        if (problem != null) {
            throw new IllegalStateException(problem);
        }
    }

    /**
     * Why this Jotter's libtorch natives cannot run on this machine, in one sentence, or null when
     * nothing is known to be wrong; calls {@link #quiet()} first and loads no engine.
     *
     * <pre>{@code
     * jshell> Devices.nativesProblem()     // on a Mac with an Intel processor
     * $1 ==> "PyTorch published no libtorch 2.7.1 for macOS on Intel (osx-x86_64), so Jotter cannot train DJL models on this machine: ..."
     * }</pre>
     *
     * @return the sentence, or null
     */
    public static String nativesProblem() {
        quiet();
        // A libtorch folder of one's own (JOTTER_TORCH_LIBRARY or PYTORCH_LIBRARY_PATH) replaces the packaged natives.
        if (ownLibraryPath() != null || selection().use()) {
            return null;
        }
        return Platform.current().problem(nativesClassifier());
    }

    /**
     * Parses a device name.
     *
     * @param name {@code cpu}, {@code gpu} or {@code gpu:N}
     * @return the device
     */
    public static Device parse(String name) {
        String n = name.toLowerCase(java.util.Locale.ROOT);
        if (n.equals("cpu")) {
            return Device.cpu();
        }
        if (n.equals("gpu") || n.equals("cuda")) {
            return Device.gpu(0);
        }
        if (n.startsWith("gpu:") || n.startsWith("cuda:")) {
            return Device.gpu(Integer.parseInt(n.substring(n.indexOf(':') + 1)));
        }
        throw new IllegalArgumentException("Expected a device cpu, gpu or gpu:N, found '" + name + "'.");
    }

    /**
     * Prepares DJL for this machine before its engine loads: offline mode; the libtorch folder
     * {@link #selection()} chose, if any ({@code PYTORCH_LIBRARY_PATH}, {@code PYTORCH_VERSION},
     * {@code PYTORCH_FLAVOR} and the CUDA runtime's folder for DJL's GPU count), else with CPU
     * natives the CPU flavor so that no CUDA probing (and its warnings) happens. Settings made
     * before (environment or system properties) win. Idempotent and cheap.
     */
    public static void quiet() {
        if (System.getProperty("ai.djl.offline") == null) {
            System.setProperty("ai.djl.offline", "true");
        }
        TorchLibrary.Selection sel = ownLibraryPath() == null ? selection() : null;
        if (sel != null && sel.use()) {
            // DJL reads these (environment first, then system properties) when its engine loads.
            if (System.getProperty("PYTORCH_LIBRARY_PATH") == null) {
                setLibraryPath = sel.folder().toString();
                System.setProperty("PYTORCH_LIBRARY_PATH", setLibraryPath);
            }
            if (System.getProperty("PYTORCH_VERSION") == null) {
                System.setProperty("PYTORCH_VERSION", sel.pytorchVersion());
            }
            if (System.getProperty("PYTORCH_FLAVOR") == null) {
                System.setProperty("PYTORCH_FLAVOR", sel.pytorchFlavor());
            }
            addJnaPaths(sel.cudaLibraryDirs());
        } else if (sel != null && cpuNatives() && System.getProperty("PYTORCH_FLAVOR") == null && System.getenv("PYTORCH_FLAVOR") == null) {
            System.setProperty("PYTORCH_FLAVOR", "cpu");
        }
        // slf4j-simple (the kernel's logger) reads per-logger levels as system properties.
        if (System.getProperty("org.slf4j.simpleLogger.log.ai.djl.util.cuda.CudaUtils") == null) {
            System.setProperty("org.slf4j.simpleLogger.log.ai.djl.util.cuda.CudaUtils", "error");
        }
        String threads = defaultThreads(Runtime.getRuntime().availableProcessors(), System.getProperty(THREADS),
                System.getenv("OMP_NUM_THREADS"));
        if (threads != null) {
            System.setProperty(THREADS, threads);
        }
    }

    /**
     * DJL counts GPUs by asking JNA for "cudart"; a pip torch has only a versioned
     * {@code libcudart.so.N} in its {@code nvidia/*}{@code /lib} folders, which JNA finds on
     * {@code jna.library.path}.
     */
    private static void addJnaPaths(List<Path> dirs) {
        if (dirs.isEmpty()) {
            return;
        }
        String current = System.getProperty("jna.library.path");
        StringBuilder sb = new StringBuilder(current == null ? "" : current);
        for (Path d : dirs) {
            String s = d.toString();
            if (current == null || !List.of(current.split(java.io.File.pathSeparator)).contains(s)) {
                if (!sb.isEmpty()) {
                    sb.append(java.io.File.pathSeparator);
                }
                sb.append(s);
            }
        }
        System.setProperty("jna.library.path", sb.toString());
    }

    /** DJL's property for libtorch's intra-op thread count, read once when the engine loads. */
    static final String THREADS = "ai.djl.pytorch.num_threads";

    /**
     * libtorch's default thread count when nobody chose one: 1 on machines with 2 cores or fewer,
     * else libtorch's own default (every core). Its OpenMP threads spin while they wait for each
     * other, so on 2 cores a second thread that shares its core with the JVM or another program
     * makes training many times slower (a notebook's transformer: over 7 minutes instead of
     * 56 s under load) and, on an idle machine, only about 1.3 times faster.
     *
     * @param processors cores available to the JVM (respects container CPU limits)
     * @param property the {@code ai.djl.pytorch.num_threads} system property, or null
     * @param ompEnv the {@code OMP_NUM_THREADS} environment variable, or null
     * @return the value to set, or null to leave libtorch's default
     */
    static String defaultThreads(int processors, String property, String ompEnv) {
        return property == null && ompEnv == null && processors <= 2 ? "1" : null;
    }

    /** @return whether the PyTorch natives jar on the classpath is a CPU-only build (what DJL loads unless a libtorch folder is selected) */
    static boolean cpuNatives() {
        return "cpu".equals(nativesFlavor());
    }

    /** @return the {@code flavor} of the PyTorch natives jar on the classpath ({@code cpu}, {@code cu124}, ...) or {@code unknown} */
    static String nativesFlavor() {
        String v = nativesFlavor;
        if (v == null) {
            Properties p = nativesProperties();
            v = p == null ? "unknown" : p.getProperty("flavor", "unknown");
            nativesFlavor = v;
        }
        return v;
    }

    /** @return the platform the PyTorch natives jar on the classpath is for ({@code linux-x86_64}, ...), or null when there is none */
    static String nativesClassifier() {
        Properties p = nativesProperties();
        return p == null ? null : p.getProperty("classifier");
    }

    /** @return DJL's {@code native/lib/pytorch.properties} of the natives jar on the classpath, or null when there is none */
    private static Properties nativesProperties() {
        URL url = Devices.class.getClassLoader().getResource("native/lib/pytorch.properties");
        if (url == null) {
            return null;
        }
        Properties p = new Properties();
        try (InputStream in = url.openStream()) {
            p.load(in);
        } catch (IOException e) {
            return null;
        }
        return p;
    }
}
