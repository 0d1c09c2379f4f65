// SPDX-License-Identifier: Apache-2.0
package gmm4j.benchmarks;

import gmm4j.CovarianceType;
import gmm4j.Dataset;
import gmm4j.GaussianMixture;

import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.management.GarbageCollectionNotificationInfo;

/**
 * Runs in its own JVM with a small {@code -Xmx} (started by {@link MemoryCheckRunner}): generates
 * n×16 data in one row-major array, builds the gmm4j data set, drops the generator's array, and fits
 * a full-covariance mixture for a few iterations from the fixed start. Prints {@code MEMORY key value}
 * lines. Two peaks of the heap:
 * <ul>
 * <li>{@code peakLiveAfterGc}: over the whole run (generation and copy included), the most heap still
 *     in use right after any collection — live data, a lower bound of the true peak;</li>
 * <li>{@code peakPoolsSumDuringFit}: from the moment the data set is built to the end of the fit,
 *     the sum of each heap pool's own peak — an upper bound (pools peak at different times, and
 *     garbage not yet collected counts).</li>
 * </ul>
 * An OutOfMemoryError is reported, not thrown.
 */
public final class MemoryCheck {
    static final int D = 16;
    static final int K = 4;
    static final int ITERATIONS = 3;

    private MemoryCheck() {
    }

    public static void main(String[] args) {
        int n = Integer.parseInt(args[0]);
        AtomicLong peakLive = watchLiveHeapAfterCollections();
        String stage = "generating the data";
        try {
            Problem problem = new Problem(n, D, K, false);
            print("dataBytes", problem.dataBytes());
            ClusterData data = ClusterData.generate(problem, Comparison.SEED);
            StartingPoint start = data.startingPoint();
            stage = "building the Dataset (Dataset.wrapRowMajor: no copy)";
            Dataset dataset = data.dataset();
            data = null; // only the Dataset holds the values now
            System.gc();
            print("heapAfterDataset", usedHeap());
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) pool.resetPeakUsage();
            stage = "fitting";
            long fitStart = System.nanoTime();
            GaussianMixture.builder().covariance(CovarianceType.FULL).start(start.toStartingParameters())
                    .tolerance(0).maxIterations(ITERATIONS).build().fit(dataset);
            print("fitSeconds", (System.nanoTime() - fitStart) * 1e-9);
            print("peakPoolsSumDuringFit", peakPoolsSum());
            print("outcome", "ok");
        } catch (OutOfMemoryError e) {
            print("outcome", "OutOfMemoryError while " + stage);
        }
        pauseForLateNotifications();
        print("peakLiveAfterGc", peakLive.get());
        print("maxHeap", Runtime.getRuntime().maxMemory());
    }

    private static AtomicLong watchLiveHeapAfterCollections() {
        AtomicLong peak = new AtomicLong();
        java.util.Set<String> heapPools = new java.util.HashSet<>();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) heapPools.add(pool.getName());
        }
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) gc).addNotificationListener((notification, handback) -> {
                if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) return;
                GarbageCollectionNotificationInfo info =
                        GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
                long used = 0;
                for (var pool : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
                    if (heapPools.contains(pool.getKey())) used += pool.getValue().getUsed();
                }
                peak.accumulateAndGet(used, Math::max);
            }, null, null);
        }
        return peak;
    }

    /** GC notifications arrive on another thread, a little after the collection. */
    private static void pauseForLateNotifications() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static long peakPoolsSum() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) sum += pool.getPeakUsage().getUsed();
        }
        return sum;
    }

    private static long usedHeap() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static void print(String key, Object value) {
        System.out.println("MEMORY " + key + " " + value);
    }
}
