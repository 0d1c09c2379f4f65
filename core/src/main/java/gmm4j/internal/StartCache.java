// SPDX-License-Identifier: Apache-2.0
package gmm4j.internal;

import gmm4j.Initialization;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The k-means centers of each (K, restart) start and the agglomeration of each seed, shared by fits
 * of the same data that differ only in their covariance type (and, for the agglomeration, K): a
 * model selection computes each once instead of once per candidate.
 */
public final class StartCache {
    private final ConcurrentHashMap<List<Object>, double[]> centers = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Long, HierarchicalStart> hierarchies = new ConcurrentHashMap<>();

    /** The centers for this start, computed by {@code compute} the first time (do not modify them). */
    double[] centers(Initialization init, int k, long seed, int restart, Supplier<double[]> compute) {
        return centers.computeIfAbsent(List.of(init, k, seed, restart), key -> compute.get());
    }

    /** The agglomeration for this seed, computed by {@code compute} the first time. */
    HierarchicalStart hierarchy(long seed, Supplier<HierarchicalStart> compute) {
        return hierarchies.computeIfAbsent(seed, key -> compute.get());
    }
}
