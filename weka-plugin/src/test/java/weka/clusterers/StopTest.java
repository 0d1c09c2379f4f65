// SPDX-License-Identifier: Apache-2.0
package weka.clusterers;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import weka.core.Attribute;
import weka.core.DenseInstance;
import weka.core.Instances;

import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Explorer's Stop button (issue 15, point 3): Weka interrupts the thread that builds the
 * clusterer, then calls {@code Thread.stop} (which throws on JDK 21+, so only the interrupt
 * arrives). The clusterer's worker threads must stop with it.
 */
class StopTest {
    private static Instances data() {
        ArrayList<Attribute> attributes = new ArrayList<>();
        for (int j = 0; j < 4; j++) attributes.add(new Attribute("x" + j));
        Instances data = new Instances("blobs", attributes, 40_000);
        Random random = new Random(7);
        for (int i = 0; i < 40_000; i++) {
            double[] row = new double[4];
            for (int j = 0; j < 4; j++) row[j] = 8 * (i % 4) + random.nextGaussian();
            data.add(new DenseInstance(1, row));
        }
        return data;
    }

    private static List<Thread> workers() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("gmm4j-worker-") && t.isAlive()).toList();
    }

    /** What the Explorer's Stop does: interrupt, then {@code Thread.stop} where the JDK still has it. */
    private static void stopAsWekaDoes(Thread thread) throws Exception {
        thread.interrupt();
        try {
            Thread.class.getMethod("stop").invoke(thread);
        } catch (InvocationTargetException e) {
            if (!(e.getCause() instanceof UnsupportedOperationException)) throw e;
        }
    }

    /**
     * A fit of K = 4, and a choice of K among 1..6 (whose candidates run their EM loops in the
     * workers: {@code Thread.stop} of the building thread alone left them computing).
     */
    @ParameterizedTest
    @ValueSource(strings = {"-N 4", "-N -1 -min 1 -max 6 -screening 0"})
    void stopEndsTheBuildAndItsWorkerThreadsWithinASecond(String clusters) throws Exception {
        Instances data = data();
        GaussianMixture clusterer = new GaussianMixture();
        clusterer.setOptions(weka.core.Utils.splitOptions(clusters + " -I 100000 -tol 0 -num-slots 4"));
        Thread building = new Thread(() -> {
            try {
                clusterer.buildClusterer(data);
            } catch (Exception expected) {
                // the cancellation; the Explorer reports it
            }
        });
        building.setDaemon(true);
        building.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (workers().size() < 4 && System.nanoTime() < deadline) Thread.sleep(20);
        List<Thread> pool = workers();
        assertFalse(pool.isEmpty(), "the fit's workers run");
        Thread.sleep(300); // into the EM iterations
        stopAsWekaDoes(building);
        long stopped = System.nanoTime();
        building.join(1000);
        assertFalse(building.isAlive(), "the build ends within 1 s of the Stop");
        for (Thread t : pool) t.join(1000);
        for (Thread t : pool) assertFalse(t.isAlive(), t.getName() + " still computes 1 s after the Stop");
        // a pool may have started a worker after the snapshot above: every one must be gone 1 s after the Stop
        while (!workers().isEmpty() && System.nanoTime() - stopped < TimeUnit.SECONDS.toNanos(1)) Thread.sleep(10);
        assertTrue(workers().isEmpty(), "no worker of any fit left 1 s after the Stop: " + workers());
    }
}
