package dev.jotter.kernel.jvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class IdleCollectorTest {

    @Test
    void collectsOnceAfterQuietTimeAndNotWhileBusy() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch ran = new CountDownLatch(1);
        try (IdleCollector c = new IdleCollector(200, () -> {
            runs.incrementAndGet();
            ran.countDown();
        })) {
            // A request that starts within the quiet time cancels the pending collection.
            c.idle();
            c.busy();
            Thread.sleep(400);
            assertEquals(0, runs.get());
            // Several requests in a row: one collection, after the last.
            c.idle();
            c.busy();
            c.idle();
            assertTrue(ran.await(5, TimeUnit.SECONDS));
            Thread.sleep(400);
            assertEquals(1, runs.get());
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
