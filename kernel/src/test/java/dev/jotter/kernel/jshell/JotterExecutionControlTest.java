package dev.jotter.kernel.jshell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.jotter.kernel.ExitGuard;
import java.lang.classfile.ClassFile;
import java.lang.classfile.CodeModel;
import java.lang.classfile.MethodModel;
import java.lang.classfile.instruction.InvokeInstruction;
import java.lang.constant.ClassDesc;
import java.lang.constant.ConstantDescs;
import java.lang.constant.MethodTypeDesc;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The exit rewrite on class files built here, without JShell. */
class JotterExecutionControlTest {
    private static final ClassDesc SYSTEM = ClassDesc.of("java.lang.System");
    private static final ClassDesc RUNTIME = ClassDesc.of("java.lang.Runtime");
    private static final MethodTypeDesc INT_TO_VOID = MethodTypeDesc.of(ConstantDescs.CD_void, ConstantDescs.CD_int);

    /** A class with one static method {@code run()V} whose body {@code code} writes. */
    private static byte[] classWith(Consumer<java.lang.classfile.CodeBuilder> code) {
        return ClassFile.of().build(ClassDesc.of("REPL.Probe"), cb -> cb.withMethodBody("run", ConstantDescs.MTD_void,
                ClassFile.ACC_PUBLIC | ClassFile.ACC_STATIC, code));
    }

    private static List<String> calls(byte[] classFile) {
        MethodModel run = ClassFile.of().parse(classFile).methods().getFirst();
        CodeModel code = run.code().orElseThrow();
        return code.elementStream().filter(e -> e instanceof InvokeInstruction)
                .map(e -> ((InvokeInstruction) e).owner().asInternalName() + "." + ((InvokeInstruction) e).name().stringValue())
                .toList();
    }

    @Test
    void aClassThatCallsNoExitPassesUnchanged() {
        byte[] plain = classWith(b -> b.iconst_1().invokestatic(ClassDesc.of("java.lang.Integer"), "valueOf",
                MethodTypeDesc.of(ClassDesc.of("java.lang.Integer"), ConstantDescs.CD_int)).pop().return_());
        assertSame(plain, JotterExecutionControl.rewrite(plain));
    }

    @Test
    void exitsAndHaltsBecomeCallsOfTheExitGuard() {
        byte[] quits = classWith(b -> b.iconst_2().invokestatic(SYSTEM, "exit", INT_TO_VOID)
                .invokestatic(RUNTIME, "getRuntime", MethodTypeDesc.of(RUNTIME)).iconst_3().invokevirtual(RUNTIME, "halt", INT_TO_VOID)
                .return_());
        byte[] rewritten = JotterExecutionControl.rewrite(quits);
        assertNotSame(quits, rewritten);
        String guard = ExitGuard.class.getName().replace('.', '/');
        assertEquals(List.of(guard + ".systemExit", "java/lang/Runtime.getRuntime", guard + ".runtimeHalt"), calls(rewritten));
    }

    @Test
    void aMethodMerelyNamedExitIsLeftAlone() {
        // The byte search only decides whether to look closer: a user's own exit() stays a call of it.
        ClassDesc own = ClassDesc.of("REPL.Game");
        byte[] game = classWith(b -> b.iconst_0().invokestatic(own, "exit", INT_TO_VOID).return_());
        assertEquals(List.of("REPL/Game.exit"), calls(JotterExecutionControl.rewrite(game)));
    }
}
