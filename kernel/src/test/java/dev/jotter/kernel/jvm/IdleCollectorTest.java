package dev.jotter.kernel.jvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class IdleCollectorTest {
    /** A scheduler whose time passes only when the test says so. */
    private static final class ManualScheduler implements IdleCollector.Scheduler {
        private final List<FutureTask<?>> tasks = new ArrayList<>();
        private final List<Long> delays = new ArrayList<>();

        @Override
        public Future<?> schedule(Runnable task, long delayMillis) {
            FutureTask<?> f = new FutureTask<>(task, null);
            tasks.add(f);
            delays.add(delayMillis);
            return f;
        }

        /** Lets the quiet time pass: runs every task still scheduled. */
        void elapse() {
            tasks.stream().filter(f -> !f.isDone()).forEach(FutureTask::run);
        }

        List<Long> delays() {
            return delays;
        }
    }

    @Test
    void collectsOnceAfterQuietTimeAndNotWhileBusy() {
        AtomicInteger runs = new AtomicInteger();
        ManualScheduler time = new ManualScheduler();
        try (IdleCollector c = new IdleCollector(200, runs::incrementAndGet, time)) {
            // A request that starts within the quiet time cancels the pending collection.
            c.idle();
            c.busy();
            time.elapse();
            assertEquals(0, runs.get(), "a collection ran while the kernel was busy");
            // Several requests in a row: one collection, after the last, once it has been quiet long enough.
            c.idle();
            c.busy();
            c.idle();
            assertEquals(0, runs.get(), "a collection ran before the quiet time passed");
            time.elapse();
            assertEquals(1, runs.get());
            time.elapse();
            assertEquals(1, runs.get(), "one quiet time, one collection");
            assertEquals(List.of(200L, 200L, 200L), time.delays(), "every idle waits the quiet time");
        }
    }

    @Test
    void collectionRunsTheCollectorAndRestoresTheHeapBounds() {
        HotSpotDiagnosticMXBean hotspot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        String min = hotspot.getVMOption("MinHeapFreeRatio").getValue();
        String max = hotspot.getVMOption("MaxHeapFreeRatio").getValue();
        long before = collections();
        try (IdleCollector c = new IdleCollector()) {
            c.collect();
        }
        assertTrue(collections() > before, "no collection ran");
        assertEquals(min, hotspot.getVMOption("MinHeapFreeRatio").getValue());
        assertEquals(max, hotspot.getVMOption("MaxHeapFreeRatio").getValue());
    }

    private static long collections() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(GarbageCollectorMXBean::getCollectionCount).sum();
    }
}
