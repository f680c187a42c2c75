package dev.jotter.kernel.session;

/** Thrown inside a cell's execution to end the cell with an already formatted error. */
public final class CellError extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient CellResult result;

    CellError(CellResult result) {
        super(result.evalue(), null, false, false);
        this.result = result;
    }

    /** @return the formatted error */
    public CellResult result() {
        return result;
    }
}
