package dev.jotter.kernel.session;

import java.time.Instant;

/**
 * Whether the cell being executed was asked to stop, whatever stage it is in: waiting for JShell
 * to start, running magics, compiling, running or rendering its value.
 *
 * <p>Why not just JShell's stop: it only reaches code that is running. An interrupt that came
 * while the cell compiled found nothing to stop, and the code then ran for ever. Here the request
 * belongs to the cell: {@link #check} ends the cell at each stage boundary, and while the cell is
 * open its code is stopped again every {@link #RETRY_MILLIS} ms, so code that starts after the
 * request still stops. Every stop is made under the lock that closes the cell, so none reaches the
 * next one.
 *
 * <p>An interrupt that comes while no cell is open is kept with the time it was sent: a cell whose
 * request was sent before it (and reached the kernel after it) is stopped as it opens, any later
 * cell runs.
 */
final class CellInterrupt {
    /** How often a requested stop is made again while the cell is open. */
    static final long RETRY_MILLIS = 20;

    private final Object lock = new Object();
    private final Runnable stop;
    /** Guarded by {@link #lock}. */
    private boolean open;
    /** Guarded by {@link #lock}; counts cells, so a retry knows whether its cell is still the open one. */
    private long cell;
    /** Guarded by {@link #lock}. */
    private Instant idleRequestSentAt;
    private volatile boolean requested;

    /** @param stop stops the code that runs now, if any (JShell's stop) */
    CellInterrupt(Runnable stop) {
        this.stop = stop;
    }

    /**
     * Opens a cell.
     *
     * @param sentAt when the cell's request was sent, or null when unknown
     */
    void open(Instant sentAt) {
        synchronized (lock) {
            open = true;
            cell++;
            Instant idle = idleRequestSentAt;
            idleRequestSentAt = null;
            requested = idle != null && sentAt != null && !sentAt.isAfter(idle);
        }
    }

    /** Closes the cell: from now on no stop is made on its behalf. */
    void close() {
        synchronized (lock) {
            open = false;
            requested = false;
        }
    }

    /**
     * Ends the cell if it was asked to stop.
     *
     * @throws CellError the interrupted cell's error
     */
    void check() throws CellError {
        if (requested) {
            throw new CellError(ErrorReports.INTERRUPTED);
        }
    }

    /**
     * Asks the open cell to stop, or keeps the request for a cell sent before it.
     *
     * @param sentAt when the interrupt was sent, or null when unknown (then it stops only an open cell)
     */
    void request(Instant sentAt) {
        long target;
        synchronized (lock) {
            if (!open) {
                idleRequestSentAt = sentAt;
                return;
            }
            requested = true;
            target = cell;
            stop.run();
        }
        Thread.ofPlatform().daemon().name("jotter-interrupt").start(() -> retry(target));
    }

    private void retry(long target) {
        while (true) {
            try {
                Thread.sleep(RETRY_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
            synchronized (lock) {
                if (!open || cell != target) {
                    return;
                }
                stop.run();
            }
        }
    }
}
