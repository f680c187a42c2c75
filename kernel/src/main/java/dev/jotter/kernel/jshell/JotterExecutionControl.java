package dev.jotter.kernel.jshell;

import dev.jotter.kernel.ExitGuard;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassTransform;
import java.lang.classfile.CodeBuilder;
import java.lang.classfile.CodeElement;
import java.lang.classfile.CodeTransform;
import java.lang.classfile.Label;
import java.lang.classfile.instruction.BranchInstruction;
import java.lang.classfile.instruction.InvokeInstruction;
import java.lang.classfile.instruction.LabelTarget;
import java.lang.constant.ClassDesc;
import java.lang.constant.ConstantDescs;
import java.lang.constant.MethodTypeDesc;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import jdk.jshell.execution.LocalExecutionControl;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

/**
 * JDK 25's in-process execution (whose stop checks let an interrupt end {@code while(true){}}),
 * with exits in snippet classes rewritten into errors ({@link ExitGuard}) before they load, and
 * classes loaded by the notebook's {@link SnippetClassLoader} (see {@link Libraries}). Public
 * JShell API only: {@link CellThreadExecutionControl} adds what needs JShell's internals.
 *
 * <p>The stop checks are woven here, not by {@link LocalExecutionControl#load}: JDK 25's weaving
 * writes every method's stack maps again with {@code ClassFile.of()}, whose class-hierarchy
 * resolver reads the system class loader only, so a snippet that merges two types of a jar added
 * at run time (a ternary, an if/else, a catch of a library exception) failed to load with
 * "Could not resolve class" (JDK-8366926). This weaving is the same (a call to JShell's
 * {@code REPL.$Cancel$.stopCheck()} at each method's start and before each backward branch), with a
 * resolver that reads what the snippet class loader sees, and the exit rewriting in the same pass.
 */
public class JotterExecutionControl extends LocalExecutionControl {
    private static final ClassDesc CD_EXIT_GUARD = ClassDesc.of(ExitGuard.class.getName());
    private static final ClassDesc CD_RUNTIME = ClassDesc.of("java.lang.Runtime");
    private static final MethodTypeDesc MTD_INT = MethodTypeDesc.of(ConstantDescs.CD_void, ConstantDescs.CD_int);
    private static final MethodTypeDesc MTD_RUNTIME_INT =
            MethodTypeDesc.of(ConstantDescs.CD_void, CD_RUNTIME, ConstantDescs.CD_int);

    private final SnippetLoaderDelegate delegate;
    private final ClassLoader loader;
    /** The caller's context class loader while a snippet runs, restored after. */
    private final ThreadLocal<ClassLoader> callerLoader = new ThreadLocal<>();

    /**
     * Runs snippets in this JVM, loaded by the libraries' snippet class loader.
     *
     * @param libraries the notebook's layers
     */
    JotterExecutionControl(Libraries libraries) {
        this(new SnippetLoaderDelegate(libraries));
    }

    private JotterExecutionControl(SnippetLoaderDelegate delegate) {
        super(delegate);
        this.delegate = delegate;
        this.loader = delegate.loader();
    }

    @Override
    public void load(ClassBytecodes[] cbcs) throws ClassInstallException, NotImplementedException, EngineTerminationException {
        // Straight to the delegate: LocalExecutionControl.load would weave again with a resolver blind to added jars.
        delegate.load(instrument(cbcs));
    }

    private ClassBytecodes[] instrument(ClassBytecodes[] cbcs) throws ClassInstallException {
        ClassBytecodes[] woven = new ClassBytecodes[cbcs.length];
        ClassFile cf = ClassFile.of(ClassFile.ClassHierarchyResolverOption.of(delegate.resolver()));
        for (int i = 0; i < cbcs.length; i++) {
            // Declared first, so that the resolver reads the batch's own classes when one merges another.
            delegate.loader().declare(cbcs[i].name(), cbcs[i].bytecodes());
        }
        for (int i = 0; i < cbcs.length; i++) {
            try {
                woven[i] = new ClassBytecodes(cbcs[i].name(), instrument(cf, cbcs[i].bytecodes()));
            } catch (IllegalArgumentException e) {
                throw new ClassInstallException("Cannot add stop checks to " + cbcs[i].name() + ": " + e.getMessage()
                        + "; a class it names is on no class path this kernel can read", new boolean[cbcs.length]);
            }
        }
        return woven;
    }

    /** Stop checks, and exits rewritten when the class may call one: one parse and one write. */
    private static byte[] instrument(ClassFile cf, byte[] classFile) {
        boolean exits = names(classFile, EXIT) || names(classFile, HALT);
        return cf.transformClass(cf.parse(classFile),
                ClassTransform.transformingMethodBodies(CodeTransform.ofStateful(() -> new Weaver(exits))));
    }

    private static final ClassDesc CD_CANCEL = ClassDesc.of("REPL.$Cancel$");

    /** Inserts JShell's stop check at the start of a method and before each backward branch; rewrites exits. */
    private static final class Weaver implements CodeTransform {
        private final Set<Label> seen = new HashSet<>();
        private final boolean exits;

        Weaver(boolean exits) {
            this.exits = exits;
        }

        @Override
        public void atStart(CodeBuilder cb) {
            cb.invokestatic(CD_CANCEL, "stopCheck", ConstantDescs.MTD_void);
        }

        @Override
        public void accept(CodeBuilder cb, CodeElement e) {
            if (e instanceof LabelTarget t) {
                seen.add(t.label());
            } else if (e instanceof BranchInstruction b && seen.contains(b.target())) {
                cb.invokestatic(CD_CANCEL, "stopCheck", ConstantDescs.MTD_void);
            }
            if (exits) {
                rewriteExit(cb, e);
            } else {
                cb.with(e);
            }
        }
    }

    /** When the running snippet was first asked to stop ({@link System#nanoTime}), or 0. */
    private volatile long stopAskedAt;

    /**
     * JShell's invocation (a new thread for the snippet, joined), waited for on a thread of its
     * own, so that a snippet asked to stop {@link CellThreadExecutionControl#ABANDON_MILLIS} ms ago
     * and still running is abandoned, as the tuned kernel abandons its cell thread.
     *
     * <p>Why: JShell's stop sets the flag its stop checks read and interrupts the snippet's
     * threads; a thread blocked in native code (a read from a process's pipe) sees neither, and
     * JShell's join waits for it for ever: the cell never ends and the kernel answers nothing
     * more. Left to its blocking call here, the thread holds nothing the next cell needs: each
     * invocation makes a thread group of its own.
     */
    @Override
    protected String invoke(Method doit) throws Exception {
        stopAskedAt = 0;
        FutureTask<String> invocation = new FutureTask<>(() -> super.invoke(doit));
        Thread joiner = new Thread(invocation, "jotter-snippet-join");
        joiner.setDaemon(true);
        joiner.start();
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return invocation.get(50, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    // The snippet decides when it ends, as under JShell's own join.
                    interrupted = true;
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof Exception ex) {
                        throw ex;
                    }
                    if (e.getCause() instanceof Error error) {
                        throw error;
                    }
                    throw new InternalException("the snippet ended with " + e.getCause());
                } catch (TimeoutException e) {
                    long asked = stopAskedAt;
                    if (asked != 0 && System.nanoTime() - asked > CellThreadExecutionControl.ABANDON_MILLIS * 1_000_000L) {
                        // Shown in the cell (System.err is the cell's stderr here), as by the tuned kernel.
                        System.err.println("The cell did not stop within " + CellThreadExecutionControl.ABANDON_MILLIS
                                + " ms of the interrupt: a thread of it is blocked in a call no interrupt reaches, such as a"
                                + " read from a process's pipe. It was left behind and the kernel went on; restart the kernel"
                                + " if it holds resources you need.");
                        throw new StoppedException();
                    }
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
        if (stopAskedAt == 0) {
            stopAskedAt = System.nanoTime();
        }
        super.stop();
    }

    @Override
    protected void clientCodeEnter() {
        // Libraries that look up services or resources through the context loader (DJL's engines,
        // SLF4J's providers) must find the notebook's, in the threads a cell starts too.
        callerLoader.set(Thread.currentThread().getContextClassLoader());
        Thread.currentThread().setContextClassLoader(loader);
        super.clientCodeEnter();
    }

    @Override
    protected void clientCodeLeave() {
        super.clientCodeLeave();
        Thread.currentThread().setContextClassLoader(callerLoader.get());
        callerLoader.remove();
    }

    /**
     * Redefinitions JShell asked for. The in-process engine cannot redefine a loaded class, so
     * each one makes JShell rename the class and compile its snippet again; the kernel avoids them
     * (see dev.jotter.kernel.session.ValueVariables) and tests count them.
     */
    public static final java.util.concurrent.atomic.AtomicInteger REDEFINE_ATTEMPTS = new java.util.concurrent.atomic.AtomicInteger();

    @Override
    public void redefine(ClassBytecodes[] cbcs) throws ClassInstallException, NotImplementedException, EngineTerminationException {
        REDEFINE_ATTEMPTS.incrementAndGet();
        super.redefine(cbcs);
    }

    /** The snippet class whose code ran last: the class of the snippet JShell just evaluated. */
    private volatile String lastInvoked;

    @Override
    public String invoke(String className, String methodName) throws RunException, EngineTerminationException, InternalException {
        lastInvoked = className;
        try {
            return super.invoke(className, methodName);
        } finally {
            // Set again: a snippet that evaluated code from inside itself (IJava's Kernel.eval)
            // made the inner snippet's class the last one meanwhile.
            lastInvoked = className;
        }
    }

    /** @return the class of the snippet that ran last, or null before the first */
    public String lastInvoked() {
        return lastInvoked;
    }

    /**
     * Takes the object a snippet class's static field holds and sets the field to null, so that
     * the object can be collected once shown: JShell keeps every snippet class loaded, with
     * whatever its fields hold, even once the snippet is dropped.
     *
     * @param className the snippet class, as JShell names it
     * @param field the field's name
     * @return what the field held
     * @throws ReflectiveOperationException when there is no such class or field
     */
    public Object takeField(String className, String field) throws ReflectiveOperationException {
        Field f = findClass(className).getField(field);
        // Snippet classes are package-private, in the unnamed module of JShell's class loader.
        f.setAccessible(true);
        Object value = f.get(null);
        f.set(null, null);
        return value;
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

    /** Lets JShell.builder().executionEngine(...) create a control. */
    static final class Provider implements ExecutionControlProvider {
        private final java.util.function.Function<Libraries, ? extends JotterExecutionControl> factory;
        private volatile JotterExecutionControl control;
        private volatile Libraries libraries;

        /** @param factory makes the control when JShell asks for one */
        Provider(java.util.function.Function<Libraries, ? extends JotterExecutionControl> factory) {
            this.factory = factory;
        }

        /** @param libraries what the next control loads snippets with */
        Provider with(Libraries libraries) {
            this.libraries = libraries;
            return this;
        }

        @Override
        public String name() {
            return "jotter";
        }

        @Override
        public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) {
            control = factory.apply(java.util.Objects.requireNonNull(libraries, "Expected the libraries before JShell starts the engine"));
            return control;
        }

        /** @return the control this provider generated last, or null before JShell asked for one */
        JotterExecutionControl control() {
            return control;
        }
    }
}
