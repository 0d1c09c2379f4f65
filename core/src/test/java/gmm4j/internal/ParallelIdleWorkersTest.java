// SPDX-License-Identifier: Apache-2.0
package gmm4j.internal;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * A pool whose {@link Parallel#close()} never finished (Weka's Stop on JDK 17 to 20: a
 * {@code Thread.stop} of the fitting thread can land inside the pool's own code) must still let
 * its workers go: idle, they end within a second on their own.
 */
class ParallelIdleWorkersTest {
    private static List<Thread> workers() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith(Parallel.WORKER_NAME) && t.isAlive()).toList();
    }

    @Test
    void theIdleWorkersOfAPoolLeftOpenEndWithinASecond() throws InterruptedException {
        Set<Thread> before = Set.copyOf(workers());
        Parallel parallel = new Parallel(4); // left open on purpose: what an interrupted close leaves
        long rows = parallel.reduce(200_000, (from, to) -> (long) (to - from), Long::sum);
        assertEquals(200_000, rows);
        List<Thread> ours = workers().stream().filter(t -> !before.contains(t)).toList();
        assertFalse(ours.isEmpty(), "the pass ran on the pool's workers");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
        for (Thread t : ours) t.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
        for (Thread t : ours) assertFalse(t.isAlive(), t.getName() + " still waits for work 1 s after the pass");
    }
}
