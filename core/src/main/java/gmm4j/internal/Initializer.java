// SPDX-License-Identifier: Apache-2.0
package gmm4j.internal;

import gmm4j.Initialization;

import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * Starting parameters for one restart: responsibilities from the chosen heuristic, then one
 * M-step on them.
 */
final class Initializer {
    private Initializer() {
    }

    static Mixture initialize(Table t, FitRequest s, int restart, SplittableRandom random, Parallel parallel,
                              DataScale scale, RepairLog log) {
        int k = s.settings().components();
        int d = t.d;
        Initialization init = s.settings().init();
        CovarianceModel model = CovarianceModel.of(s.settings().covariance());
        double[] columnMeans = scale.columnMeans();
        double meanVariance = scale.meanVariance();
        double floor = scale.floor();
        Statistics stats;
        if (init == Initialization.RANDOM) {
            Moments moments = model.moments(k, d, PooledMoments.replicated(columnMeans, k), columnMeans);
            long seed = random.nextLong();
            stats = EStep.assign(t, moments, (row, out) -> randomResponsibilities(seed, row, out), columnMeans, parallel);
        } else {
            KMeans kMeans = new KMeans(t, columnMeans, Math.sqrt(Math.max(meanVariance, floor)));
            Supplier<double[]> compute = () -> {
                double[] found = switch (init) {
                    case KMEANS, KMEANS_PLUS_PLUS -> kMeans.plusPlus(k, random, parallel);
                    case RANDOM_FROM_DATA -> distinctRows(t, kMeans, k, random, parallel);
                    case RANDOM -> throw new AssertionError();
                };
                if (init == Initialization.KMEANS) kMeans.lloyd(found, k, meanVariance, parallel);
                return found;
            };
            double[] centers = s.starts() == null ? compute.get() : s.starts().centers(init, k, s.settings().seed(), restart, compute);
            Moments moments = model.moments(k, d, kMeans.numericPart(centers, k), columnMeans);
            stats = EStep.assign(t, moments, nearest(kMeans, centers, k), columnMeans, parallel);
        }
        return Mixture.estimate(stats, model, s.prior(), s.settings().regularization(), floor, t.levels, log);
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
        KMeans kMeans = new KMeans(t, columnMeans, Math.sqrt(Math.max(scale.meanVariance(), scale.floor())));
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
