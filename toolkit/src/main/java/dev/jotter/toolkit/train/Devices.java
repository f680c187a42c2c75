package dev.jotter.toolkit.train;

import ai.djl.Device;
import ai.djl.engine.Engine;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Properties;

/**
 * Chooses where DJL models train: the first GPU when the PyTorch natives on the classpath are a
 * CUDA build and a GPU is present, else the CPU. One device, never all of them: DJL's default
 * training config would spread a small teaching model over every GPU.
 *
 * <p>Override with the system property {@code jotter.device} or environment variable
 * {@code JOTTER_DEVICE} ({@code cpu}, {@code gpu}, {@code gpu:1}), or per trainer with
 * {@code optDevice(Device.cpu())}.
 *
 * <p>On machines with 2 cores or fewer (CI runners, Binder, small laptops) {@link #quiet()} also
 * limits libtorch to one thread unless {@code -Dai.djl.pytorch.num_threads} or
 * {@code OMP_NUM_THREADS} says otherwise: see {@link #defaultThreads}.
 *
 * <p>On a CPU machine DJL's CUDA probe logs "Failed to detect GPU count" warnings when a stray
 * CUDA runtime is installed without a driver. {@link #quiet()} stops that: when the natives on
 * the classpath are a CPU build it tells DJL's PyTorch loader so ({@code PYTORCH_FLAVOR=cpu}),
 * keeps DJL offline ({@code ai.djl.offline=true}, nothing is downloaded at run time), and never
 * asks CUDA for a GPU count.
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
        quiet();
        String property = System.getProperty("jotter.device");
        String forced = property != null ? property : System.getenv("JOTTER_DEVICE");
        if (forced != null && !forced.isBlank()) {
            String source = property != null ? "the system property jotter.device" : "the environment variable JOTTER_DEVICE";
            return new Choice(parse(forced.trim()), "set by " + source + " (" + forced.trim() + ")");
        }
        if (cpuNatives()) {
            return new Choice(Device.cpu(), "the PyTorch natives on the class path are a CPU build; build with ./mvnw -Pcuda for a GPU");
        }
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
     *        GPUs:      0
     *        preferred: cpu() (the PyTorch natives on the class path are a CPU build; ...)
     * }</pre>
     *
     * @param engine DJL's engine name, e.g. {@code PyTorch}
     * @param engineVersion the native library's version, e.g. {@code 2.7.1}
     * @param natives the flavor of the PyTorch natives jar on the class path: {@code cpu}, {@code cu124}, ...,
     *     or {@code unknown} when DJL would download them (never, as the toolkit keeps DJL offline)
     * @param gpuCount GPUs the engine can use; 0 with CPU natives (CUDA is never asked)
     * @param preferred the device trainers use when none is given ({@link #preferred()})
     * @param reason why that device, in words
     */
    public record Info(String engine, String engineVersion, String natives, int gpuCount, Device preferred, String reason) {

        @Override
        public String toString() {
            return "engine:    " + engine + " " + engineVersion + "\nnatives:   " + natives + "\nGPUs:      " + gpuCount
                    + "\npreferred: " + preferred + " (" + reason + ")";
        }
    }

    /**
     * Loads DJL's engine (quietly, see {@link #quiet()}) and describes it.
     *
     * @return the engine, natives, GPU count and default device with the reason for it
     */
    public static Info info() {
        Choice choice = choose();
        Engine engine = Engine.getInstance();
        int gpus = cpuNatives() ? 0 : engine.getGpuCount();
        return new Info(engine.getEngineName(), engine.getVersion(), nativesFlavor(), gpus, choice.device(), choice.reason());
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
     * Prepares DJL for this machine before its engine loads: offline mode, and with CPU natives
     * the CPU flavor so that no CUDA probing (and its warnings) happens. Idempotent and cheap.
     */
    public static void quiet() {
        if (System.getProperty("ai.djl.offline") == null) {
            System.setProperty("ai.djl.offline", "true");
        }
        if (cpuNatives() && System.getProperty("PYTORCH_FLAVOR") == null && System.getenv("PYTORCH_FLAVOR") == null) {
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

    /** @return whether the PyTorch natives jar on the classpath is a CPU-only build */
    static boolean cpuNatives() {
        return "cpu".equals(nativesFlavor());
    }

    /** @return the {@code flavor} of the PyTorch natives jar on the classpath ({@code cpu}, {@code cu124}, ...) or {@code unknown} */
    static String nativesFlavor() {
        String v = nativesFlavor;
        if (v == null) {
            v = detectFlavor();
            nativesFlavor = v;
        }
        return v;
    }

    private static String detectFlavor() {
        URL url = Devices.class.getClassLoader().getResource("native/lib/pytorch.properties");
        if (url == null) {
            return "unknown";
        }
        Properties p = new Properties();
        try (InputStream in = url.openStream()) {
            p.load(in);
        } catch (IOException e) {
            return "unknown";
        }
        return p.getProperty("flavor", "unknown");
    }
}
