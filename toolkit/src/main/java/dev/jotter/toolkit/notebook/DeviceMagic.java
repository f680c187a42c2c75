package dev.jotter.toolkit.notebook;

import dev.jotter.magics.AbstractMagic;
import dev.jotter.magics.LineMagic;
import dev.jotter.magics.MagicArgs;
import dev.jotter.magics.MagicContext;
import dev.jotter.magics.MagicException;
import dev.jotter.toolkit.train.Devices;

/** {@code %device}: which DJL engine and device training will use. */
public final class DeviceMagic extends AbstractMagic implements LineMagic {

    /** Creates the magic; found by ServiceLoader. */
    public DeviceMagic() {
        super("device", "Show the DJL engine, libtorch, GPUs and the training device, and why", """
                %device

                Loads the default DJL engine (PyTorch in Jotter) if it is not loaded yet and
                prints its name and version, the DJL version, where libtorch was loaded from, the
                JNI libraries DJL carries, the NVIDIA driver, the number of GPUs it sees and the
                device that training uses by default, with the reason. When a GPU could be used
                but is not, the last line says the one thing to change (for example: install
                torch 2.7.1 for CUDA 12.8 and set JOTTER_TORCH_LIBRARY to its torch/lib folder).
                """);
    }

    /**
     * What {@code %device} reports; also the cell's result.
     *
     * @param engine the engine's name, e.g. "PyTorch"
     * @param engineVersion the engine's version
     * @param djlVersion DJL's version
     * @param gpus GPUs the engine can use
     * @param device the default training device, e.g. "gpu(0)" or "cpu()"
     * @param details the toolkit's full description: libtorch folder, JNI, driver, why this device, the fix
     */
    public record DeviceInfo(String engine, String engineVersion, String djlVersion, int gpus, String device, Devices.Info details) {
        @Override
        public String toString() {
            return "Engine: " + engine + " " + engineVersion + "\nDJL: " + djlVersion + "\nlibtorch: " + details.libtorch() + " ("
                    + details.natives() + ")\nJNI: " + details.jni() + "\nNVIDIA driver: "
                    + (details.driver() == null ? "none" : details.driver()) + "\nGPUs: " + gpus + "\nTraining device: " + device
                    + "\nWhy: " + details.reason() + (details.fix() == null ? "" : "\nFor a GPU: " + details.fix());
        }
    }

    @Override
    public Object run(String args, MagicContext context) throws Exception {
        if (!args.isBlank()) {
            throw MagicArgs.usageError(this, "%device takes no arguments, got: " + args);
        }
        String problem = Devices.nativesProblem();
        if (problem != null) {
            throw new MagicException(problem);
        }
        Devices.Info info;
        try {
            info = Devices.info();
        } catch (Throwable t) {
            var sel = Devices.selection();
            String chosen = sel.use() ? " It was loading libtorch from " + sel.folder() + " (" + sel.reason()
                    + "); unset JOTTER_TORCH_LIBRARY to go back to the CPU natives." : "";
            throw new MagicException("No DJL engine could be loaded: " + t.getMessage() + "." + chosen
                    + " Check that the PyTorch engine and its native library for this platform are on the classpath.", t);
        }
        return new DeviceInfo(info.engine(), info.engineVersion(), ai.djl.engine.Engine.getDjlVersion(), info.gpuCount(),
                info.preferred().toString(), info);
    }
}
