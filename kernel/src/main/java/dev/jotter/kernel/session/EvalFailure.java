package dev.jotter.kernel.session;

/** A compile or runtime error in code a magic evaluated. */
public final class EvalFailure extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient CellResult result;

    EvalFailure(CellResult result) {
        super(result.ename() + ": " + result.evalue());
        this.result = result;
    }

    /** @return the formatted error */
    public CellResult result() {
        return result;
    }
}
