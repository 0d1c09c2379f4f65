// SPDX-License-Identifier: Apache-2.0
package gmm4j;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * A failed candidate stops the selection (issue 15, point 4): when a candidate or a listener
 * throws, the other candidates are cancelled and the original exception is rethrown, unwrapped.
 */
class FailedCandidateTest {
    @Test
    void aListenerThatThrowsStopsEveryCandidateAndItsExceptionComesOutAsThrown() throws Exception {
        IllegalStateException failure = new IllegalStateException("stop");
        AtomicBoolean thrown = new AtomicBoolean();
        AtomicInteger callsAfterThrow = new AtomicInteger();
        // candidates that would run for minutes; K = 1 fails at its third iteration
        ModelSelection selection = ModelSelection.builder().components(1, 6).screeningRows(0)
                .settings(GaussianMixture.builder().tolerance(0).maxIterations(100_000).threads(2).build())
                .iterationListener((k, type, restart, iteration, ll) -> {
                    if (thrown.get()) callsAfterThrow.incrementAndGet();
                    if (k == 1 && iteration == 3) {
                        thrown.set(true);
                        throw failure;
                    }
                }).build();
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> selection.select(Dataset.of(Mixtures.separated(40_000, 4, 4, 3))));
        assertSame(failure, e, "the listener's own exception, not a wrapper: " + e);
        List<Thread> pool = CancellationTest.workers();
        CancellationTest.assertAllEnd(pool);
        int after = callsAfterThrow.get();
        Thread.sleep(200);
        assertEquals(after, callsAfterThrow.get(), "no candidate iterates once select has thrown");
        assertFalse(after > 2, "at most one more iteration per worker under way: " + after);
    }

    @Test
    void aScoreListenerThatThrowsStopsTheSelectionOnOneThread() {
        IllegalArgumentException failure = new IllegalArgumentException("refused");
        AtomicInteger scored = new AtomicInteger();
        ModelSelection selection = ModelSelection.builder().components(1, 4)
                .settings(GaussianMixture.builder().threads(1).build())
                .listener(score -> {
                    scored.incrementAndGet();
                    throw failure;
                }).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> selection.select(Dataset.of(Mixtures.separated(300, 2, 3, 5))));
        assertSame(failure, e);
        assertEquals(1, scored.get(), "no candidate after the one that failed");
    }
}
