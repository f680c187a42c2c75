package dev.jotter.toolkit.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class WarmupTest {

    /** Four line charts, then one each of scatter, histogram, bar, history, confusion matrix, images. */
    private static final int CHARTS = 10;

    @Test
    void startDrawsEveryKindOfChartOnceAndFinishes() throws InterruptedException {
        Warmup.start();
        Warmup.start();
        // A completion check with a generous bound, not a timing assertion.
        assertTrue(Warmup.await(Duration.ofMinutes(2)), "the warm-up thread finished");
        assertTrue(Warmup.isDone());
        // A warm-up that failed on its first chart (the failure is swallowed) would have drawn none.
        assertEquals(CHARTS, Warmup.chartsDrawn());
    }

    @Test
    void itStopsAtTheNextChartOnceTheUserDraws() {
        AtomicInteger checks = new AtomicInteger();
        assertEquals(2, Warmup.drawCharts(() -> checks.incrementAndGet() > 2));
        assertEquals(0, Warmup.drawCharts(() -> true));
    }
}
