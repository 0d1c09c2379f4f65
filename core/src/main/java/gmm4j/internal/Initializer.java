// SPDX-License-Identifier: Apache-2.0
package gmm4j.internal;

import gmm4j.Initialization;

import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * Starting parameters for one restart: responsibilities from the chosen heuristic (the
 * agglomeration's partition, k-means or k-means++ clusters, random rows' nearest, random), then one
 * M-step on them.
 */
final class Initializer {
    private Initializer() {
    }

    static Mixture initialize(Table t, FitRequest s, int restart, SplittableRandom random, Parallel parallel,
                              DataScale scale, RepairLog log) {
        Initialization init = startOf(s.settings().init(), restart);
        CovarianceModel model = CovarianceModel.of(s.settings().covariance());
        Statistics stats = switch (init) {
            case HIERARCHICAL -> hierarchical(t, s, restart, random, model, scale, parallel);
            case RANDOM -> randomResponsibilities(t, s.settings().components(), random, model, scale, parallel);
            case KMEANS, KMEANS_PLUS_PLUS, RANDOM_FROM_DATA -> fromCenters(t, s, init, restart, random, model, scale, parallel);
        };
        return Mixture.estimate(stats, model, s.prior(), s.settings().regularization(), scale.floor(), t.levels, log);
    }

    /**
     * The start restart {@code restart} of a fit with {@code init} uses. The agglomeration does not
     * depend on the seed (below mclust's subset size), so a {@link Initialization#HIERARCHICAL} fit's
     * later restarts try other starts: k-means on the z-scored columns and rows drawn at random, in
     * turn; the best restart is kept, so the fit is never worse than the agglomeration's alone.
     */
    static Initialization startOf(Initialization init, int restart) {
        if (init != Initialization.HIERARCHICAL || restart == 0) return init;
        return restart % 2 == 1 ? Initialization.KMEANS : Initialization.RANDOM_FROM_DATA;
    }

    /**
     * The statistics of the agglomeration's k clusters (one agglomeration per seed, shared through
     * the start cache); the k-means start's when it cannot give k clusters (fewer usable rows than
     * k, no numeric column that varies).
     */
    private static Statistics hierarchical(Table t, FitRequest s, int restart, SplittableRandom random,
                                           CovarianceModel model, DataScale scale, Parallel parallel) {
        int k = s.settings().components();
        long seed = s.settings().seed();
        HierarchicalStart start = s.starts() == null ? HierarchicalStart.of(t, seed)
                : s.starts().hierarchy(seed, () -> HierarchicalStart.of(t, seed));
        if (!start.canCut(k)) return fromCenters(t, s, Initialization.KMEANS, restart, random, model, scale, parallel);
        double[] columnMeans = scale.columnMeans();
        Moments moments = model.moments(k, t.d, start.means(k), columnMeans);
        return EStep.assign(t, moments, start.responsibilities(k), columnMeans, parallel);
    }

    /** The statistics of uniformly random responsibilities (scikit-learn's {@code random}). */
    private static Statistics randomResponsibilities(Table t, int k, SplittableRandom random, CovarianceModel model,
                                                     DataScale scale, Parallel parallel) {
        double[] columnMeans = scale.columnMeans();
        Moments moments = model.moments(k, t.d, PooledMoments.replicated(columnMeans, k), columnMeans);
        long seed = random.nextLong();
        return EStep.assign(t, moments, (row, out) -> randomResponsibilities(seed, row, out), columnMeans, parallel);
    }

    /** The statistics of each row wholly in its nearest center's cluster, the centers chosen by {@code init}. */
    private static Statistics fromCenters(Table t, FitRequest s, Initialization init, int restart, SplittableRandom random,
                                          CovarianceModel model, DataScale scale, Parallel parallel) {
        int k = s.settings().components();
        double[] columnMeans = scale.columnMeans();
        KMeans kMeans = init == Initialization.KMEANS
                ? KMeans.standardised(t, scale, DataScale.columnVariances(t, columnMeans, parallel))
                : KMeans.inDataUnits(t, scale);
        Supplier<double[]> compute = () -> {
            double[] found = switch (init) {
                case KMEANS, KMEANS_PLUS_PLUS -> kMeans.plusPlus(k, random, parallel);
                case RANDOM_FROM_DATA -> distinctRows(t, kMeans, k, random, parallel);
                case RANDOM, HIERARCHICAL -> throw new AssertionError(init);
            };
            if (init == Initialization.KMEANS) kMeans.lloyd(found, k, parallel);
            return found;
        };
        double[] centers = s.starts() == null ? compute.get() : s.starts().centers(init, k, s.settings().seed(), restart, compute);
        Moments moments = model.moments(k, t.d, kMeans.numericPart(centers, k), columnMeans);
        return EStep.assign(t, moments, nearest(kMeans, centers, k), columnMeans, parallel);
    }

    /**
     * A start from given weights and means (scikit-learn's {@code means_init}): every row goes to
     * its nearest mean, one M-step on that assignment gives the covariances (and the level
     * probabilities of categorical columns), and the weights and means stay the given ones.
     *
     * @param means component c's mean at {@code [c*d, (c+1)*d)}
     */
    static Mixture fromMeans(Table t, FitRequest s, double[] weights, double[] means, Parallel parallel,
                             DataScale scale, RepairLog log) {
        int k = weights.length;
        int d = t.d;
        CovarianceModel model = CovarianceModel.of(s.settings().covariance());
        double[] columnMeans = scale.columnMeans();
        KMeans kMeans = KMeans.inDataUnits(t, scale);
        // The categorical coordinates are the same (0) for every center: only the means decide.
        double[] centers = new double[k * kMeans.dimension];
        for (int c = 0; c < k; c++) System.arraycopy(means, c * d, centers, c * kMeans.dimension, d);
        Moments moments = model.moments(k, d, means, columnMeans);
        Statistics stats = EStep.assign(t, moments, nearest(kMeans, centers, k), columnMeans, parallel);
        Mixture estimated = Mixture.estimate(stats, model, null, s.settings().regularization(), scale.floor(), t.levels, log);
        return new Mixture(weights.clone(), means.clone(), estimated.covariance, t.levels.clone(), estimated.logLevel);
    }

    /** Hard responsibilities: each row wholly to its nearest center. */
    private static EStep.Responsibilities nearest(KMeans kMeans, double[] centers, int k) {
        return (row, out) -> {
            java.util.Arrays.fill(out, 0);
            out[kMeans.nearest(row, centers, k)] = 1;
        };
    }

    /** k rows with distinct values, drawn uniformly, as centers. */
    private static double[] distinctRows(Table t, KMeans kMeans, int k, SplittableRandom random, Parallel parallel) {
        double[] centers = new double[k * kMeans.dimension];
        int found = 0;
        int usable = 0;
        for (int i = 0; i < t.n; i++) if (kMeans.usable(i)) usable++;
        int[] candidates = new int[usable];
        for (int i = 0, a = 0; i < t.n; i++) if (kMeans.usable(i)) candidates[a++] = i;
        for (int a = usable - 1; a >= 0 && found < k; a--) {
            int pick = random.nextInt(a + 1);
            int row = candidates[pick];
            candidates[pick] = candidates[a];
            candidates[a] = row;
            boolean duplicate = false;
            for (int c = 0; c < found && !duplicate; c++) duplicate = kMeans.squaredDistance(row, centers, c) == 0;
            if (!duplicate) kMeans.copyRow(row, centers, found++);
        }
        if (found < k) return kMeans.plusPlus(k, random, parallel);
        return centers;
    }

    /**
     * Uniform random responsibilities (scikit-learn's {@code random}) that depend only on the seed
     * and the row, so any thread may draw them.
     */
    private static void randomResponsibilities(long seed, int row, double[] out) {
        SplittableRandom random = new SplittableRandom(seed ^ (row * 0x9E3779B97F4A7C15L));
        double sum = 0;
        for (int c = 0; c < out.length; c++) {
            out[c] = random.nextDouble();
            sum += out[c];
        }
        for (int c = 0; c < out.length; c++) out[c] /= sum;
    }
}
