package dev.jotter.toolkit.plot;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class WarmupTest {

    @Test
    void startIsIdempotentAndFinishes() throws InterruptedException {
        Warmup.start();
        Warmup.start();
        // A completion check with a generous bound, not a timing assertion.
        assertTrue(Warmup.await(Duration.ofMinutes(2)), "the warm-up thread finished");
        assertTrue(Warmup.isDone());
    }
}
