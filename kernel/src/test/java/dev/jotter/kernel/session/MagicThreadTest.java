package dev.jotter.kernel.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/** A magic never holds an interrupted cell: it is stopped, or left behind and kept from the session. */
class MagicThreadTest {
    private final MagicThread magics = new MagicThread();
    private final CellInterrupt interrupt = new CellInterrupt(() -> {});

    @Test
    void aMagicThatIgnoresInterruptsIsLeftBehindWithinASecondAndMayChangeNothingAfterwards() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Throwable> lateChange = new CompletableFuture<>();
        interrupt.open(null);
        Thread.ofPlatform().daemon().start(() -> {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(200));
            interrupt.request(null);
        });
        long started = System.nanoTime();
        CellError stopped = assertThrows(CellError.class, () -> magics.call(() -> {
            // A resolver in a socket read: no interrupt reaches it.
            while (release.getCount() > 0) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
            }
            try {
                MagicThread.refuseIfAbandoned("add a jar");
                lateChange.complete(null);
            } catch (IllegalStateException e) {
                lateChange.complete(e);
            }
            return "resolved";
        }, interrupt));
        long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        interrupt.close();
        assertEquals("InterruptedException", stopped.result().ename());
        assertTrue(tookMillis < 1000, "the cell ended " + tookMillis + " ms after it started");
        release.countDown();
        Throwable refused = lateChange.get(5, TimeUnit.SECONDS);
        assertInstanceOf(IllegalStateException.class, refused, "the abandoned magic changed the session");
        assertTrue(refused.getMessage().contains("add a jar") && refused.getMessage().contains("interrupted"), refused.getMessage());
        // The next magic runs on a fresh thread, whole.
        interrupt.open(null);
        try {
            assertEquals("next", magics.call(() -> "next", interrupt));
        } finally {
            interrupt.close();
        }
    }

    @Test
    void aMagicThatAnswersInterruptsIsStoppedAndMagicsShareOneThreadOtherwise() throws Exception {
        interrupt.open(null);
        Thread first;
        try {
            first = (Thread) magics.call(Thread::currentThread, interrupt);
            assertSame(first, magics.call(Thread::currentThread, interrupt), "magics should run on one thread, in order");
            CompletableFuture<Boolean> sawInterrupt = new CompletableFuture<>();
            Thread.ofPlatform().daemon().start(() -> {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
                interrupt.request(null);
            });
            assertThrows(CellError.class, () -> magics.call(() -> {
                try {
                    Thread.sleep(30_000);
                    sawInterrupt.complete(false);
                } catch (InterruptedException e) {
                    sawInterrupt.complete(true);
                }
                return null;
            }, interrupt));
            assertTrue(sawInterrupt.get(1, TimeUnit.SECONDS), "the magic's thread was not interrupted");
        } finally {
            interrupt.close();
        }
        interrupt.open(null);
        try {
            Thread next = (Thread) magics.call(Thread::currentThread, interrupt);
            assertNotSame(first, next, "an interrupted magic's thread must not take the next magic");
            assertEquals("boom", assertThrows(IllegalArgumentException.class, () -> magics.call(() -> {
                throw new IllegalArgumentException("boom");
            }, interrupt)).getMessage());
        } finally {
            interrupt.close();
        }
    }
}
