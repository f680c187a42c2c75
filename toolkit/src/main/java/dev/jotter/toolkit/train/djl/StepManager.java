package dev.jotter.toolkit.train.djl;

import ai.djl.ndarray.BaseNDManager;
import ai.djl.ndarray.NDManager;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Opens the manager of one training step, and keeps the data of every array closed while
 * gradients are recorded alive until the recording ends, in every manager of the process.
 *
 * <p>Why: on the CPU, DJL's PyTorch engine (0.35, and upstream at the time of writing) makes an
 * array from Java data ({@code manager.create(float[])}, and the number of {@code x.mul(0.5f)},
 * {@code x.div(n)} and the other {@code Number} overloads) as a tensor over a Java direct buffer
 * ({@code torch::from_blob}, which does not own the memory), and {@code PtNDArray.close()} lets
 * go of that buffer. The {@code Number} overloads close their scalar at once, after one use. But
 * PyTorch's autograd keeps the scalar for the backward pass ({@code mul} saves its other operand):
 * if a garbage collection runs between the forward and the backward pass, the JVM frees the buffer
 * and the backward pass reads whatever was put there next, so the gradient of that step is
 * silently wrong. DJL's own {@code L2Loss} ({@code mul(weight)}), the toolkit's transformer
 * ({@code mul(sqrt(d))}) and ordinary user code such as a VAE's {@code logVar.mul(0.5f)} or an L2
 * penalty on the weights all do this. It showed as the seeded VAE notebook giving other numbers in
 * about one kernel run in four (whose heap collects more often than {@code jotter run}'s).
 *
 * <p>The fix reaches into two non-public fields of DJL: every manager's resource table becomes one
 * that, when an array leaves it (is closed) while a {@code GradientCollector} records, keeps the
 * array's direct buffer (PyTorch's {@code dataRef}) until the recording is over (the backward pass
 * runs inside it), and that does the same for every manager later made under it. It is installed
 * on the whole tree of managers the first time a training step opens, so it then covers the
 * user's own DJL loops too; DJL code that records gradients before any toolkit training has
 * trained is not covered (call {@link #guardProcess()} first). If the fields are not there
 * (another engine, another DJL version), a warning is logged once and nothing changes.
 */
public final class StepManager {
    private static final VarHandle RESOURCES;
    private static final VarHandle DATA_REF;
    private static final Class<?> PT_ND_ARRAY;
    /** DJL's flag for a PyTorch {@code GradientCollector} being open (one at a time, process-wide). */
    private static final AtomicBoolean COLLECTING;
    /** The buffers of arrays closed during the current recording. */
    private static final Queue<Object> KEPT = new ConcurrentLinkedQueue<>();
    private static volatile boolean installed;

    static {
        VarHandle resources = null;
        VarHandle dataRef = null;
        Class<?> ptNdArray = null;
        AtomicBoolean collecting = null;
        try {
            resources = MethodHandles.privateLookupIn(BaseNDManager.class, MethodHandles.lookup())
                    .findVarHandle(BaseNDManager.class, "resources", ConcurrentHashMap.class);
            ptNdArray = Class.forName("ai.djl.pytorch.engine.PtNDArray", false, BaseNDManager.class.getClassLoader());
            dataRef = MethodHandles.privateLookupIn(ptNdArray, MethodHandles.lookup())
                    .findVarHandle(ptNdArray, "dataRef", java.nio.ByteBuffer.class);
            Class<?> collector = Class.forName("ai.djl.pytorch.engine.PtGradientCollector", true, BaseNDManager.class.getClassLoader());
            collecting = (AtomicBoolean) MethodHandles.privateLookupIn(collector, MethodHandles.lookup())
                    .findStaticVarHandle(collector, "isCollecting", AtomicBoolean.class).get();
            if (collecting == null) {
                throw new IllegalStateException("PtGradientCollector.isCollecting is null");
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            resources = null;
            System.getLogger(StepManager.class.getName()).log(System.Logger.Level.WARNING,
                    "DJL's NDManager.resources, PtNDArray.dataRef or PtGradientCollector.isCollecting not found (" + e
                            + "): a garbage collection between forward and backward may corrupt a step's gradient"
                            + " when the loss uses x.mul(number); use the DJL version Jotter was built with");
        }
        RESOURCES = resources;
        DATA_REF = dataRef;
        PT_ND_ARRAY = ptNdArray;
        COLLECTING = collecting;
    }

    private StepManager() {}

    /** @return whether arrays closed while gradients are recorded keep their data until the recording ends */
    public static boolean guarded() {
        return RESOURCES != null;
    }

    /**
     * @param parent the trainer's manager
     * @return a new sub-manager of {@code parent} for one step; close it when the step ends
     */
    public static NDManager open(NDManager parent) {
        guardTree(parent);
        return parent.newSubManager();
    }

    /**
     * Guards every manager of the default engine, now and later made: for DJL code that records
     * gradients before any toolkit training has run. Idempotent and cheap once done.
     */
    public static void guardProcess() {
        if (!installed && RESOURCES != null) {
            try (NDManager probe = NDManager.newBaseManager()) {
                guardTree(probe);
            }
        }
    }

    /** Guards the whole tree {@code any} belongs to, from its root (the engine's system manager). */
    private static void guardTree(NDManager any) {
        if (installed || RESOURCES == null) {
            return;
        }
        synchronized (StepManager.class) {
            if (installed) {
                return;
            }
            NDManager root = any;
            while (root.getParentManager() != null && root.getParentManager() != root) {
                root = root.getParentManager();
            }
            if (root instanceof BaseNDManager base) {
                guard(base);
                installed = true;
            }
        }
    }

    /** Gives a manager, and every manager under it, a guarding resource table. */
    @SuppressWarnings("unchecked")
    private static void guard(BaseNDManager manager) {
        Object table = RESOURCES.get(manager);
        if (table instanceof GuardedResources) {
            return;
        }
        GuardedResources guarded = new GuardedResources();
        for (Map.Entry<String, AutoCloseable> e : ((Map<String, AutoCloseable>) table).entrySet()) {
            // put, not putAll: ConcurrentHashMap.putAll does not go through put, where children are guarded.
            guarded.put(e.getKey(), e.getValue());
        }
        RESOURCES.set(manager, guarded);
    }

    /** A manager's resource table: keeps the buffers of arrays closed while gradients are recorded. */
    private static final class GuardedResources extends ConcurrentHashMap<String, AutoCloseable> {
        private static final long serialVersionUID = 1L;

        @Override
        public AutoCloseable put(String key, AutoCloseable value) {
            if (value instanceof BaseNDManager child) {
                // A new sub-manager, attached by its parent as it is made.
                guard(child);
            }
            return super.put(key, value);
        }

        @Override
        public AutoCloseable remove(Object key) {
            AutoCloseable resource = super.remove(key);
            if (COLLECTING.get()) {
                // PtNDArray.close() detaches the array before it drops its buffer: dataRef is still set here.
                if (PT_ND_ARRAY.isInstance(resource)) {
                    Object buffer = DATA_REF.get(resource);
                    if (buffer != null) {
                        KEPT.add(buffer);
                    }
                }
            } else if (!KEPT.isEmpty()) {
                // The recording is over, and with it the backward pass that could read them.
                KEPT.clear();
            }
            return resource;
        }
    }
}
