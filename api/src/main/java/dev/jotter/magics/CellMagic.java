package dev.jotter.magics;

/**
 * A cell magic: {@code %%name args} as the first line of a cell, which takes the rest of the
 * cell as its body. Registered in {@code META-INF/services/dev.jotter.magics.CellMagic}.
 */
public interface CellMagic extends Magic {

    /**
     * Runs the magic.
     *
     * @param args the rest of the first line after the magic's name, unparsed
     * @param body the cell's remaining lines
     * @param context the kernel's services
     * @return a value to show as the cell's result, or {@code null} for none
     * @throws Exception any failure; a {@link MagicException} is shown as a message without a stack trace
     */
    Object run(String args, String body, MagicContext context) throws Exception;
}
