package dev.jotter.toolkit.notebook;

import dev.jotter.magics.AbstractMagic;
import dev.jotter.magics.LineMagic;
import dev.jotter.magics.MagicArgs;
import dev.jotter.magics.MagicContext;
import dev.jotter.magics.MagicException;

/** {@code %device}: which DJL engine and device training will use. */
public final class DeviceMagic extends AbstractMagic implements LineMagic {

    /** Creates the magic; found by ServiceLoader. */
    public DeviceMagic() {
        super("device", "Show the DJL engine, its version, GPUs and the training device", """
                %device

                Loads the default DJL engine (PyTorch in Jotter) if it is not loaded yet and
                prints its name and version, the DJL version, the number of GPUs it sees and the
                device that training uses by default (a GPU if there is one, else the CPU).
                """);
    }

    /**
     * What {@code %device} reports; also the cell's result.
     *
     * @param engine the engine's name, e.g. "PyTorch"
     * @param engineVersion the engine's version
     * @param djlVersion DJL's version
     * @param gpus GPUs the engine can use
     * @param device the default device, e.g. "gpu(0)" or "cpu()"
     */
    public record DeviceInfo(String engine, String engineVersion, String djlVersion, int gpus, String device) {
        @Override
        public String toString() {
            return "Engine: " + engine + " " + engineVersion + "\nDJL: " + djlVersion + "\nGPUs: " + gpus
                    + "\nTraining device: " + device;
        }
    }

    @Override
    public Object run(String args, MagicContext context) throws Exception {
        if (!args.isBlank()) {
            throw MagicArgs.usageError(this, "%device takes no arguments, got: " + args);
        }
        ai.djl.engine.Engine engine;
        try {
            engine = ai.djl.engine.Engine.getInstance();
        } catch (Throwable t) {
            throw new MagicException("No DJL engine could be loaded: " + t.getMessage()
                    + ". Check that the PyTorch engine and its native library for this platform are on the classpath.", t);
        }
        return new DeviceInfo(engine.getEngineName(), engine.getVersion(), ai.djl.engine.Engine.getDjlVersion(),
                engine.getGpuCount(), engine.defaultDevice().toString());
    }
}
