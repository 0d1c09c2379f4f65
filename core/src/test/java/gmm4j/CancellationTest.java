// SPDX-License-Identifier: Apache-2.0
package gmm4j;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Cancellation stops the work, promptly, and says so (issue 15, point 3): an interrupt
 * ({@code Future.cancel(true)}) ends a fit or a selection with a CancellationException within a
 * second, with no worker thread of its pool left alive a second later; a listener's stop ends a
 * whole selection, marked cancelled.
 */
class CancellationTest {
    /** Rows enough for a fit of many iterations, each of several chunks. */
    private static final Dataset DATA = Dataset.of(Mixtures.separated(40_000, 4, 4, 3));

    /** The live worker threads of gmm4j's pools. */
    static List<Thread> workers() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("gmm4j-worker-") && t.isAlive()).toList();
    }

    static void assertAllEnd(List<Thread> threads) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
        for (Thread t : threads) t.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
        for (Thread t : threads) assertFalse(t.isAlive(), t.getName() + " still runs 1 s after the cancel");
    }

    /** A fit that would run for minutes, the latch counted down at its third iteration; it ends once {@code stop} is set. */
    private static GaussianMixture longFit(int threads, CountDownLatch running, AtomicBoolean stop) {
        return GaussianMixture.builder().components(4).tolerance(0).maxIterations(100_000).threads(threads)
                .listener((restart, iteration, ll) -> {
                    if (iteration == 3) running.countDown();
                    return !stop.get();
                }).build();
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 4})
    void futureCancelStopsAFitAndItsWorkersWithinASecond(int threads) throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        AtomicBoolean stop = new AtomicBoolean();
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        CountDownLatch ended = new CountDownLatch(1);
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try {
            Future<?> fit = executor.submit(() -> {
                try {
                    longFit(threads, running, stop).fit(DATA);
                } catch (Throwable e) {
                    thrown.set(e);
                } finally {
                    ended.countDown();
                }
            });
            assertTrue(running.await(60, TimeUnit.SECONDS));
            List<Thread> pool = workers();
            assertEquals(threads > 1, !pool.isEmpty(), "the pool's workers are named gmm4j-worker-N: " + pool);
            fit.cancel(true);
            assertTrue(ended.await(1, TimeUnit.SECONDS), "the fit ends within 1 s of the interrupt");
            assertInstanceOf(CancellationException.class, thrown.get());
            assertTrue(thrown.get().getMessage().contains("interrupted"), thrown.get().getMessage());
            assertAllEnd(pool);
        } finally {
            stop.set(true);
            executor.shutdownNow();
        }
    }

    @Test
    void anInterruptStopsAModelSelectionAndItsWorkersWithinASecond() throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        AtomicBoolean stop = new AtomicBoolean();
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        ModelSelection selection = ModelSelection.builder().components(1, 6).screeningRows(0)
                .settings(longFit(2, running, stop)).build();
        Thread selecting = new Thread(() -> {
            try {
                selection.select(DATA);
            } catch (Throwable e) {
                thrown.set(e);
            }
        });
        try {
            selecting.start();
            assertTrue(running.await(60, TimeUnit.SECONDS));
            List<Thread> pool = workers();
            assertFalse(pool.isEmpty());
            selecting.interrupt();
            selecting.join(1000);
            assertFalse(selecting.isAlive(), "the selection ends within 1 s of the interrupt");
            assertInstanceOf(CancellationException.class, thrown.get());
            assertAllEnd(pool);
        } finally {
            stop.set(true);
        }
    }

    @Test
    void aListenerThatStopsOneCandidateEndsTheWholeSelection() {
        AtomicBoolean stopped = new AtomicBoolean();
        AtomicInteger callsAfterStop = new AtomicInteger();
        // one thread: the candidates K = 1, 2, 3, 4 run in turn; K = 1 converges in two iterations
        GaussianMixture settings = GaussianMixture.builder().tolerance(1e-9).threads(1).listener((restart, iteration, ll) -> {
            if (stopped.get()) callsAfterStop.incrementAndGet();
            if (iteration == 3) stopped.set(true);
            return !stopped.get();
        }).build();
        ModelSelection.Result result = ModelSelection.builder().components(1, 4).screeningRows(0).settings(settings)
                .build().select(Dataset.of(Mixtures.separated(2000, 2, 3, 5)));
        assertTrue(result.cancelled());
        assertEquals(1, result.scores().size(), "only K = 1 finished: " + result.scores());
        assertEquals(1, result.model().components());
        assertFalse(result.model().cancelled());
        assertEquals(0, callsAfterStop.get(), "no candidate runs after the stop");
    }

    @Test
    void aSelectionCancelledBeforeAnyCandidateFinishedThrows() {
        GaussianMixture settings = GaussianMixture.builder().threads(1).listener((restart, iteration, ll) -> false).build();
        ModelSelection selection = ModelSelection.builder().components(1, 3).settings(settings).build();
        CancellationException e = assertThrows(CancellationException.class,
                () -> selection.select(Dataset.of(Mixtures.separated(300, 2, 3, 5))));
        assertTrue(e.getMessage().contains("before any candidate"), e.getMessage());
    }
}
