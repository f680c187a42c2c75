package dev.jotter.toolkit.train.djl;

import ai.djl.ndarray.BaseNDManager;
import ai.djl.ndarray.NDManager;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Opens the manager of one training step, and keeps the data of every array closed during the
 * step alive until the step's manager closes.
 *
 * <p>Why: DJL's PyTorch engine (0.35, and upstream at the time of writing) turns the number of
 * {@code x.mul(0.5f)}, {@code x.div(n)} and the other {@code Number} overloads into a scalar
 * array over a Java direct buffer, uses it, and closes it at once. PyTorch's autograd keeps that
 * scalar for the backward pass ({@code mul} saves its other operand), but the buffer under it is
 * now garbage: if a garbage collection runs between the forward and the backward pass, the JVM
 * frees the memory and the backward pass reads whatever was put there next, so the gradient of
 * that step is silently wrong. DJL's own {@code L2Loss} ({@code mul(weight)}), the toolkit's
 * transformer ({@code mul(sqrt(d))}) and ordinary user code such as a VAE's
 * {@code logVar.mul(0.5f)} all do this. It showed as a seeded notebook that gave different
 * results from run to run in the kernel, whose smaller young generation collects more often.
 *
 * <p>The step manager's resource table is replaced by one that, when an array is detached from
 * it, keeps the array's direct buffer (PyTorch's {@code dataRef}) until the manager itself is
 * garbage. That reaches into two non-public fields of DJL; if they are not there (another engine,
 * another DJL version), a warning is logged once and the step manager is returned as it is.
 */
public final class StepManager {
    private static final VarHandle RESOURCES;
    private static final VarHandle DATA_REF;
    private static final Class<?> PT_ND_ARRAY;

    static {
        VarHandle resources = null;
        VarHandle dataRef = null;
        Class<?> ptNdArray = null;
        try {
            resources = MethodHandles.privateLookupIn(BaseNDManager.class, MethodHandles.lookup())
                    .findVarHandle(BaseNDManager.class, "resources", ConcurrentHashMap.class);
            ptNdArray = Class.forName("ai.djl.pytorch.engine.PtNDArray", false, BaseNDManager.class.getClassLoader());
            dataRef = MethodHandles.privateLookupIn(ptNdArray, MethodHandles.lookup())
                    .findVarHandle(ptNdArray, "dataRef", java.nio.ByteBuffer.class);
        } catch (ReflectiveOperationException | RuntimeException e) {
            resources = null;
            System.getLogger(StepManager.class.getName()).log(System.Logger.Level.WARNING,
                    "DJL's NDManager.resources or PtNDArray.dataRef not found (" + e
                            + "): a garbage collection between forward and backward may corrupt a step's gradient"
                            + " when the loss uses x.mul(number); use the DJL version Jotter was built with");
        }
        RESOURCES = resources;
        DATA_REF = dataRef;
        PT_ND_ARRAY = ptNdArray;
    }

    private StepManager() {}

    /** @return whether arrays closed during a step keep their data until the step ends */
    public static boolean guarded() {
        return RESOURCES != null;
    }

    /**
     * @param parent the trainer's manager
     * @return a new sub-manager of {@code parent} for one step; close it when the step ends
     */
    public static NDManager open(NDManager parent) {
        NDManager step = parent.newSubManager();
        if (RESOURCES != null && step instanceof BaseNDManager base) {
            // A new sub-manager owns nothing yet, so swapping its empty table loses nothing.
            RESOURCES.set(base, new RetainingResources());
        }
        return step;
    }

    /** The resource table of a step manager: detached arrays leave their direct buffers here. */
    private static final class RetainingResources extends ConcurrentHashMap<String, AutoCloseable> {
        private static final long serialVersionUID = 1L;
        // Never read: holding the buffers is the point.
        private final transient Queue<Object> retained = new ConcurrentLinkedQueue<>();

        @Override
        public AutoCloseable remove(Object key) {
            AutoCloseable resource = super.remove(key);
            if (PT_ND_ARRAY.isInstance(resource)) {
                Object buffer = DATA_REF.get(resource);
                if (buffer != null) {
                    retained.add(buffer);
                }
            }
            return resource;
        }
    }
}
