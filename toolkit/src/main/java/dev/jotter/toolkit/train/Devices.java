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
 * <p>On a CPU machine DJL's CUDA probe logs "Failed to detect GPU count" warnings when a stray
 * CUDA runtime is installed without a driver. {@link #quiet()} stops that: when the natives on
 * the classpath are a CPU build it tells DJL's PyTorch loader so ({@code PYTORCH_FLAVOR=cpu}),
 * keeps DJL offline ({@code ai.djl.offline=true}, nothing is downloaded at run time), and never
 * asks CUDA for a GPU count.
 */
public final class Devices {

    private static volatile Boolean cpuNatives;

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
        quiet();
        String forced = System.getProperty("jotter.device", System.getenv("JOTTER_DEVICE"));
        if (forced != null && !forced.isBlank()) {
            return parse(forced.trim());
        }
        if (cpuNatives()) {
            return Device.cpu();
        }
        return Engine.getInstance().getGpuCount() > 0 ? Device.gpu(0) : Device.cpu();
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
        throw new IllegalArgumentException("Unknown device '" + name + "': expected cpu, gpu or gpu:N.");
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
    }

    /** @return whether the PyTorch natives jar on the classpath is a CPU-only build */
    static boolean cpuNatives() {
        Boolean v = cpuNatives;
        if (v == null) {
            v = detectCpuNatives();
            cpuNatives = v;
        }
        return v;
    }

    private static boolean detectCpuNatives() {
        URL url = Devices.class.getClassLoader().getResource("native/lib/pytorch.properties");
        if (url == null) {
            return false;
        }
        Properties p = new Properties();
        try (InputStream in = url.openStream()) {
            p.load(in);
        } catch (IOException e) {
            return false;
        }
        return "cpu".equals(p.getProperty("flavor"));
    }
}
