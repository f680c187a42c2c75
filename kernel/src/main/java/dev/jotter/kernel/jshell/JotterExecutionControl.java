package dev.jotter.kernel.jshell;

import dev.jotter.kernel.ExitGuard;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassTransform;
import java.lang.classfile.CodeBuilder;
import java.lang.classfile.CodeElement;
import java.lang.classfile.instruction.InvokeInstruction;
import java.lang.constant.ClassDesc;
import java.lang.constant.ConstantDescs;
import java.lang.constant.MethodTypeDesc;
import java.lang.reflect.Field;
import java.util.Map;
import jdk.jshell.execution.LocalExecutionControl;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

/**
 * JDK 25's in-process execution (whose stop checks let an interrupt end {@code while(true){}}),
 * with exits in snippet classes rewritten into errors ({@link ExitGuard}) before they load. Public
 * JShell API only: {@link CellThreadExecutionControl} adds what needs JShell's internals.
 */
public class JotterExecutionControl extends LocalExecutionControl {
    private static final ClassDesc CD_EXIT_GUARD = ClassDesc.of(ExitGuard.class.getName());
    private static final ClassDesc CD_RUNTIME = ClassDesc.of("java.lang.Runtime");
    private static final MethodTypeDesc MTD_INT = MethodTypeDesc.of(ConstantDescs.CD_void, ConstantDescs.CD_int);
    private static final MethodTypeDesc MTD_RUNTIME_INT =
            MethodTypeDesc.of(ConstantDescs.CD_void, CD_RUNTIME, ConstantDescs.CD_int);

    /** Runs snippets in this JVM, with the kernel's class loader as their parent. */
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
     * (see dev.jotter.kernel.session.ValueVariables) and tests count them.
     */
    public static final java.util.concurrent.atomic.AtomicInteger REDEFINE_ATTEMPTS = new java.util.concurrent.atomic.AtomicInteger();

    @Override
    public void redefine(ClassBytecodes[] cbcs) throws ClassInstallException, NotImplementedException, EngineTerminationException {
        REDEFINE_ATTEMPTS.incrementAndGet();
        super.redefine(rewrite(cbcs));
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
        private final java.util.function.Supplier<? extends JotterExecutionControl> factory;
        private volatile JotterExecutionControl control;

        /** @param factory makes the control when JShell asks for one */
        Provider(java.util.function.Supplier<? extends JotterExecutionControl> factory) {
            this.factory = factory;
        }

        @Override
        public String name() {
            return "jotter";
        }

        @Override
        public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) {
            control = factory.get();
            return control;
        }

        /** @return the control this provider generated last, or null before JShell asked for one */
        JotterExecutionControl control() {
            return control;
        }
    }
}
