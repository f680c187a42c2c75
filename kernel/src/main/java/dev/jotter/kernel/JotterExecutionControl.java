package dev.jotter.kernel;

import java.lang.classfile.ClassBuilder;
import java.lang.classfile.ClassElement;
import java.lang.classfile.ClassFile;
import java.lang.classfile.CodeBuilder;
import java.lang.classfile.CodeElement;
import java.lang.classfile.CodeTransform;
import java.lang.classfile.MethodModel;
import java.lang.classfile.MethodTransform;
import java.lang.classfile.TypeKind;
import java.lang.classfile.instruction.InvokeInstruction;
import java.lang.classfile.instruction.ReturnInstruction;
import java.lang.constant.ClassDesc;
import java.lang.constant.ConstantDescs;
import java.lang.constant.MethodTypeDesc;
import java.util.Map;
import java.util.stream.Stream;
import jdk.jshell.execution.LocalExecutionControl;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

/**
 * JDK 25's in-process execution (whose stop checks let an interrupt end {@code while(true){}})
 * plus two rewrites of each snippet class before it loads: exits become errors
 * ({@link ExitGuard}) and snippet results are handed to {@link ValueCapture}.
 */
final class JotterExecutionControl extends LocalExecutionControl {
    private static final ClassDesc CD_EXIT_GUARD = ClassDesc.of(ExitGuard.class.getName());
    private static final ClassDesc CD_CAPTURE = ClassDesc.of(ValueCapture.class.getName());
    private static final ClassDesc CD_RUNTIME = ClassDesc.of("java.lang.Runtime");
    private static final MethodTypeDesc MTD_INT = MethodTypeDesc.of(ConstantDescs.CD_void, ConstantDescs.CD_int);
    private static final MethodTypeDesc MTD_RUNTIME_INT =
            MethodTypeDesc.of(ConstantDescs.CD_void, CD_RUNTIME, ConstantDescs.CD_int);
    private static final MethodTypeDesc MTD_OBJECT = MethodTypeDesc.of(ConstantDescs.CD_void, ConstantDescs.CD_Object);

    JotterExecutionControl() {
        super(JotterExecutionControl.class.getClassLoader());
    }

    @Override
    public void load(ClassBytecodes[] cbcs) throws ClassInstallException, NotImplementedException, EngineTerminationException {
        super.load(Stream.of(cbcs).map(c -> new ClassBytecodes(c.name(), rewrite(c.bytecodes()))).toArray(ClassBytecodes[]::new));
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
        super.redefine(Stream.of(cbcs).map(c -> new ClassBytecodes(c.name(), rewrite(c.bytecodes()))).toArray(ClassBytecodes[]::new));
    }

    /** The snippet class whose code ran last: the class of the snippet JShell just evaluated. */
    private volatile String lastInvoked;

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
        java.lang.reflect.Field f = findClass(className).getField(field);
        // Snippet classes are package-private, in the unnamed module of JShell's class loader.
        f.setAccessible(true);
        f.set(null, null);
    }

    /**
     * Rewrites exits in every method of a snippet class and captures what {@code do_it$} returns.
     * One code transform per method: chaining two class-level {@code transformingMethodBodies}
     * with {@code andThen} kept the first one's changes only in methods the second one changed
     * too, so exits in a declared method or a nested class went through and ended the kernel.
     */
    static byte[] rewrite(byte[] classFile) {
        ClassFile cf = ClassFile.of();
        CodeTransform exits = JotterExecutionControl::rewriteExit;
        CodeTransform exitsAndResults = (cb, e) -> {
            if (e instanceof ReturnInstruction r && r.typeKind() == TypeKind.REFERENCE) {
                cb.dup();
                cb.invokestatic(CD_CAPTURE, "capture", MTD_OBJECT);
            }
            rewriteExit(cb, e);
        };
        return cf.transformClass(cf.parse(classFile), (ClassBuilder cb, ClassElement e) -> {
            if (e instanceof MethodModel m) {
                cb.transformMethod(m, MethodTransform.transformingCode(m.methodName().equalsString("do_it$") ? exitsAndResults : exits));
            } else {
                cb.with(e);
            }
        });
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
