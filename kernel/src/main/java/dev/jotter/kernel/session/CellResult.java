package dev.jotter.kernel.session;

import java.util.List;

/**
 * How a cell ended: {@code ok}, or the error as Jupyter shows it.
 *
 * @param ok whether the cell succeeded
 * @param ename the error's class name, null when ok
 * @param evalue the error's message, null when ok
 * @param traceback the error's lines, with ANSI colours; empty when ok
 */
public record CellResult(boolean ok, String ename, String evalue, List<String> traceback) {
    /** A cell that succeeded. */
    public static final CellResult OK = new CellResult(true, null, null, List.of());
}
