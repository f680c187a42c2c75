package dev.jotter.magics;

/**
 * A line magic: {@code %name args} on a line of its own inside a cell. Implementations are
 * registered in {@code META-INF/services/dev.jotter.magics.LineMagic} and found by the kernel
 * with {@link java.util.ServiceLoader}.
 */
public interface LineMagic extends Magic {

    /**
     * Runs the magic.
     *
     * @param args the rest of the line after the magic's name, unparsed (see {@link MagicArgs})
     * @param context the kernel's services
     * @return a value to show as the line's result, or {@code null} for none
     * @throws Exception any failure; a {@link MagicException} is shown as a message without a stack trace
     */
    Object run(String args, MagicContext context) throws Exception;
}
