package dev.jotter.kernel;

import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassTransform;
import java.lang.classfile.CodeBuilder;
import java.lang.classfile.CodeElement;
import java.lang.classfile.instruction.InvokeInstruction;
import java.lang.constant.ClassDesc;
import java.lang.constant.ConstantDescs;
import java.lang.constant.MethodTypeDesc;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.SynchronousQueue;
import jdk.jshell.execution.LocalExecutionControl;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

/**
 * JDK 25's in-process execution (whose stop checks let an interrupt end {@code while(true){}}),
 * with exits in snippet classes rewritten into errors ({@link ExitGuard}) before they load, each
 * snippet's value handed to {@link ValueCapture}, and snippets run on one long-lived thread.
 */
final class JotterExecutionControl extends LocalExecutionControl {
    private static final ClassDesc CD_EXIT_GUARD = ClassDesc.of(ExitGuard.class.getName());
    private static final ClassDesc CD_RUNTIME = ClassDesc.of("java.lang.Runtime");
    private static final MethodTypeDesc MTD_INT = MethodTypeDesc.of(ConstantDescs.CD_void, ConstantDescs.CD_int);
    private static final MethodTypeDesc MTD_RUNTIME_INT =
            MethodTypeDesc.of(ConstantDescs.CD_void, CD_RUNTIME, ConstantDescs.CD_int);

    JotterExecutionControl() {
        super(JotterExecutionControl.class.getClassLoader());
    }

    @Override
    public void load(ClassBytecodes[] cbcs) throws ClassInstallException, NotImplementedException, EngineTerminationException {
        super.load(rewrite(cbcs));
    }

    private static ClassBytecodes[] rewrite(ClassBytecodes[] cbcs) {
        ClassBytecodes[] rewritten = new ClassBytecodes[cbcs.length];
        for (int i = 0; i < cbcs.length; i++) {
            rewritten[i] = new ClassBytecodes(cbcs[i].name(), rewrite(cbcs[i].bytecodes()));
        }
        return rewritten;
    }

    /**
     * Redefinitions JShell asked for. The in-process engine cannot redefine a loaded class, so
     * each one makes JShell rename the class and compile its snippet again; the kernel avoids them
     * (see Session's value variables) and tests count them.
     */
    static final java.util.concurrent.atomic.AtomicInteger REDEFINE_ATTEMPTS = new java.util.concurrent.atomic.AtomicInteger();

    @Override
    public void redefine(ClassBytecodes[] cbcs) throws ClassInstallException, NotImplementedException, EngineTerminationException {
        REDEFINE_ATTEMPTS.incrementAndGet();
        super.redefine(rewrite(cbcs));
    }

    /** The snippet class whose code ran last: the class of the snippet JShell just evaluated. */
    private volatile String lastInvoked;

    /** The class JShell's stop checks read their flag from; made by JShell on its first invocation. */
    private static final String CANCEL_CLASS = "REPL.$Cancel$";
    /** Guards {@link #running} against a stop that comes as a cell ends. */
    private final Object stopLock = new Object();
    private boolean running;
    /** {@code REPL.$Cancel$.allStop}, which every stop check reads; null before the first snippet ran. */
    private volatile Field stopFlag;
    /** Threads started by cells belong to this group, as they belonged to JShell's per-cell group. */
    private final ThreadGroup cellThreads = new ThreadGroup("jotter cells");
    private final SynchronousQueue<FutureTask<Object>> cells = new SynchronousQueue<>();
    private volatile Thread cellThread;

    /**
     * Runs a snippet's method on one long-lived thread, where JShell starts a thread (in a new
     * thread group) for every snippet and waits for it to end.
     *
     * <p>Why: starting, scheduling and joining a new thread took 0.6-1.0 ms of a cell at the median
     * and 2.2-3.7 ms at the 90th percentile on two cores, more than loading the cell's class. The
     * semantics stay JShell's: a stop sets the flag its stop checks read and interrupts the thread
     * running the cell; an exception comes back wrapped as JShell's invocation wraps it. The
     * thread's interrupt status is cleared between cells, so an interrupt a cell leaves set does not
     * end the next one. JShell's own invocation runs once, first, to make the stop-check class.
     *
     * <p>The value goes to {@link ValueCapture} as well as back as JShell's string: the kernel
     * renders charts, tables and images from the object.
     */
    @Override
    protected String invoke(Method doit) throws Exception {
        Field flag = stopFlag;
        if (flag == null) {
            // JShell's own path, once, with a method that does nothing: it makes the stop-check class.
            Method nothing = JotterExecutionControl.class.getDeclaredMethod("nothing");
            nothing.setAccessible(true);
            super.invoke(nothing);
            flag = findClass(CANCEL_CLASS).getField("allStop");
            stopFlag = flag;
        }
        flag.setBoolean(null, false);
        var cell = new FutureTask<Object>(() -> doit.invoke(null));
        handOver(cell);
        Object value;
        try {
            value = awaitCell(cell);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof InvocationTargetException ite && ite.getCause() instanceof ThreadDeath
                    || cause instanceof ThreadDeath) {
                throw new StoppedException();
            }
            if (cause instanceof Exception ex) {
                throw ex;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new InternalException("the cell ended with " + cause);
        }
        ValueCapture.capture(value);
        return valueString(value);
    }

    /** What JShell's invocation runs once, so that it makes its stop-check class. */
    @SuppressWarnings("unused") // called reflectively
    private static void nothing() {}

    private void handOver(FutureTask<Object> cell) throws InterruptedException {
        if (cellThread == null || !cellThread.isAlive()) {
            cellThread = new Thread(cellThreads, this::runCells, "jotter-cell");
            cellThread.setDaemon(true);
            cellThread.start();
        }
        cells.put(cell);
    }

    private void runCells() {
        while (true) {
            Thread.interrupted();
            try {
                // No local variable: the finished cell, and the value it holds, must not stay
                // reachable from this thread's stack while it waits for the next.
                cells.take().run();
            } catch (InterruptedException e) {
                // An interrupt meant for a cell that has ended: wait on.
            }
        }
    }

    /** Waits for the cell however often the waiting thread is interrupted: the cell decides when it ends. */
    private static Object awaitCell(FutureTask<Object> cell) throws ExecutionException {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return cell.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void stop() throws EngineTerminationException, InternalException {
        Field flag = stopFlag;
        if (flag == null) {
            super.stop();
            return;
        }
        synchronized (stopLock) {
            if (!running) {
                return;
            }
            try {
                flag.setBoolean(null, true);
            } catch (IllegalAccessException e) {
                throw new InternalException("cannot stop the cell: " + e);
            }
            Thread t = cellThread;
            if (t != null) {
                t.interrupt();
            }
        }
    }

    @Override
    protected void clientCodeEnter() {
        synchronized (stopLock) {
            running = true;
        }
        super.clientCodeEnter();
    }

    @Override
    protected void clientCodeLeave() {
        synchronized (stopLock) {
            running = false;
        }
        super.clientCodeLeave();
    }

    @Override
    public String invoke(String className, String methodName) throws RunException, EngineTerminationException, InternalException {
        lastInvoked = className;
        return super.invoke(className, methodName);
    }

    /** @return the class of the snippet that ran last, or null before the first */
    String lastInvoked() {
        return lastInvoked;
    }

    /**
     * Sets a snippet class's static field to null, so that the object it held can be collected:
     * JShell keeps every snippet class loaded, with whatever its fields hold, even once the
     * snippet is dropped.
     *
     * @param className the snippet class, as JShell names it
     * @param field the field's name
     * @throws ReflectiveOperationException when there is no such class or field
     */
    void clearField(String className, String field) throws ReflectiveOperationException {
        Field f = findClass(className).getField(field);
        // Snippet classes are package-private, in the unnamed module of JShell's class loader.
        f.setAccessible(true);
        f.set(null, null);
    }

    /**
     * Rewrites exits in every method of a snippet class. Most classes call no exit, and their
     * bytes pass unchanged: a class that names no method {@code exit} or {@code halt} in its
     * constant pool cannot call one, and that is a search of its bytes, where a transformation
     * parses and writes the whole class again (its stack maps included).
     */
    static byte[] rewrite(byte[] classFile) {
        if (!names(classFile, EXIT) && !names(classFile, HALT)) {
            return classFile;
        }
        ClassFile cf = ClassFile.of();
        return cf.transformClass(cf.parse(classFile),
                ClassTransform.transformingMethodBodies(JotterExecutionControl::rewriteExit));
    }

    /** A class file's constant-pool entry for the name {@code exit}: tag 1 (UTF-8), length 4, the bytes. */
    private static final byte[] EXIT = {1, 0, 4, 'e', 'x', 'i', 't'};
    private static final byte[] HALT = {1, 0, 4, 'h', 'a', 'l', 't'};

    private static boolean names(byte[] classFile, byte[] entry) {
        outer:
        for (int i = 0, end = classFile.length - entry.length; i <= end; i++) {
            for (int j = 0; j < entry.length; j++) {
                if (classFile[i + j] != entry[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private static void rewriteExit(CodeBuilder cb, CodeElement e) {
        if (e instanceof InvokeInstruction i) {
            String owner = i.owner().asInternalName();
            String name = i.name().stringValue();
            String desc = i.type().stringValue();
            if (owner.equals("java/lang/System") && name.equals("exit") && desc.equals("(I)V")) {
                cb.invokestatic(CD_EXIT_GUARD, "systemExit", MTD_INT);
                return;
            }
            if (owner.equals("java/lang/Runtime") && desc.equals("(I)V") && (name.equals("exit") || name.equals("halt"))) {
                cb.invokestatic(CD_EXIT_GUARD, name.equals("exit") ? "runtimeExit" : "runtimeHalt", MTD_RUNTIME_INT);
                return;
            }
        }
        cb.with(e);
    }

    /** Lets JShell.builder().executionEngine(...) create this control. */
    static final class Provider implements ExecutionControlProvider {
        @Override
        public String name() {
            return "jotter";
        }

        private volatile JotterExecutionControl control;

        @Override
        public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) {
            control = new JotterExecutionControl();
            return control;
        }

        /** @return the control this provider generated last, or null before JShell asked for one */
        JotterExecutionControl control() {
            return control;
        }
    }
}
