// SPDX-License-Identifier: Apache-2.0
package gmm4j.spark;

import gmm4j.StartingParameters;

import java.io.Serial;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The k-means|| start (Bahmani et al., "Scalable k-means++", 2012, as Spark ML's k-means runs it):
 * a first centre drawn from the rows by weight; {@code steps} rounds, each drawing every row with
 * probability min(1, 2k·w·cost / Σ w·cost), cost its squared distance to the nearest centre so far;
 * the candidates weighted by the rows nearest to them; k of them chosen on the driver by weighted
 * k-means++ and refined by weighted Lloyd iterations there; then {@value #LLOYD_PASSES} Lloyd
 * iterations over all the rows. Its means and the weights of their clusters seed the core's start
 * ({@link StartingParameters}, covariances from the rows nearest to each mean in the driver's sample).
 *
 * <p>Distances skip missing values; rows without weight or observed value take no part; a centre
 * drawn from a row with missing values takes the columns' weighted means there. Every random choice
 * comes from the restart's seed (and, on the executors, the partition's index and the round): the
 * start is the same for the same seed and partitioning.
 */
final class KMeansParallel implements Start {
    /** Lloyd iterations over all the rows after the driver's choice. */
    static final int LLOYD_PASSES = 5;
    /** Weighted Lloyd iterations on the candidates on the driver. */
    private static final int LOCAL_ITERATIONS = 30;

    private final int steps;
    private final int sampleSize;

    KMeansParallel(int steps, int sampleSize) {
        this.steps = steps;
        this.sampleSize = sampleSize;
    }

    @Override
    public gmm4j.GaussianMixtureModel of(Partitions partitions, gmm4j.GaussianMixture settings, int restart) {
        gmm4j.GaussianMixture one = Start.restart(settings, restart);
        Clusters clusters = centres(partitions, one.components(), one.seed());
        return one.toBuilder().start(new StartingParameters(clusters.startWeights(), clusters.centres(), null)).build()
                .initialize(partitions.sample(sampleSize, settings.seed()));
    }

    /** k centres by k-means|| and Lloyd's iterations, and the weight of the rows nearest to each. */
    Clusters centres(Partitions partitions, int k, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        First first = First.merge(partitions.perBlock(seed, (s, b) -> First.of(b, s)), random);
        List<double[]> candidates = new ArrayList<>(List.of(first.row));
        // each row's squared distance to its nearest candidate, kept on the executors: a round measures
        // the rows against the candidates the last one added, once, and its draw reads those distances
        Partitions.Kept<double[]> distances = null;
        try {
            int measured = 0;
            for (int step = 0; step < steps; step++) {
                double[][] added = candidates.subList(measured, candidates.size()).toArray(double[][]::new);
                measured = candidates.size();
                Partitions.Kept<double[]> nearer = partitions.keep(added, distances, KMeansParallel::nearer);
                double cost = partitions.perBlock(0.0, nearer, (none, b, c) -> cost(b, c)).stream()
                        .mapToDouble(Double::doubleValue).sum();
                if (distances != null) distances.close();
                distances = nearer;
                if (!(cost > 0)) break;
                long roundSeed = seed + (step + 1) * Partitions.GOLDEN;
                double scale = 2.0 * k / cost;
                for (List<double[]> drawn : partitions.perBlock(scale, distances, (p, b, c) -> draw(b, c, p, roundSeed))) {
                    for (double[] row : drawn) candidates.add(first.filled(row));
                }
            }
        } finally {
            if (distances != null) distances.close();
        }
        double[][] all = distinct(candidates);
        if (all.length < k) {
            throw new IllegalArgumentException("k-means|| found only " + all.length + " distinct rows for k = " + k
                    + ": use fewer components.");
        }
        double[] weights = Clusters.merge(partitions.perBlock(all, (c, b) -> Clusters.of(b, c)), all).weights;
        Clusters clusters = Clusters.local(all, weights, k, random);
        for (int pass = 0; pass < LLOYD_PASSES; pass++) {
            double[][] centres = clusters.centres;
            clusters = Clusters.merge(partitions.perBlock(centres, (c, b) -> Clusters.of(b, c)), centres);
        }
        return clusters;
    }

    /**
     * Each row's squared distance to its nearest centre: the nearer of {@code previous} (null: none
     * yet) and its nearest of {@code added}; 0 for a row without weight or observed value.
     */
    private static double[] nearer(double[][] added, Block b, double[] previous) {
        double[] distances = new double[b.n];
        for (int i = 0; i < b.n; i++) {
            if (!(weight(b, i) > 0)) continue;
            double distance = nearest(b, i, added)[1];
            distances[i] = previous == null ? distance : Math.min(previous[i], distance);
        }
        return distances;
    }

    /** Σ w·(squared distance to the nearest centre) over the block's rows. */
    private static double cost(Block b, double[] distances) {
        double sum = 0;
        for (int i = 0; i < b.n; i++) {
            double w = weight(b, i);
            if (w > 0) sum += w * distances[i];
        }
        return sum;
    }

    /** The block's rows drawn each with probability min(1, scale·w·distance). */
    private static List<double[]> draw(Block b, double[] distances, double scale, long seed) {
        SplittableRandom random = new SplittableRandom(seed + b.partition * Partitions.GOLDEN);
        List<double[]> drawn = new ArrayList<>();
        for (int i = 0; i < b.n; i++) {
            double w = weight(b, i);
            if (!(w > 0)) continue;
            double p = scale * w * distances[i];
            if (random.nextDouble() < p) drawn.add(Arrays.copyOfRange(b.values, i * b.d, (i + 1) * b.d));
        }
        return drawn;
    }

    /** A row's weight, 0 when it has no observed value. */
    private static double weight(Block b, int i) {
        double w = b.weights == null ? 1 : b.weights[i];
        if (!(w > 0)) return 0;
        for (int j = 0; j < b.d; j++) if (!Double.isNaN(b.values[i * b.d + j])) return w;
        return 0;
    }

    /** {nearest centre's index, its squared distance over the row's observed values}. */
    private static double[] nearest(Block b, int i, double[][] centres) {
        int best = 0;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (int c = 0; c < centres.length; c++) {
            double distance = 0;
            for (int j = 0; j < b.d; j++) {
                double x = b.values[i * b.d + j];
                if (!Double.isNaN(x)) distance += (x - centres[c][j]) * (x - centres[c][j]);
            }
            if (distance < bestDistance) {
                bestDistance = distance;
                best = c;
            }
        }
        return new double[]{best, bestDistance};
    }

    private static double[][] distinct(List<double[]> rows) {
        List<double[]> out = new ArrayList<>();
        for (double[] row : rows) if (out.stream().noneMatch(r -> Arrays.equals(r, row))) out.add(row);
        return out.toArray(double[][]::new);
    }

    /** The first centre: a row drawn by weight, and the columns' weighted means (which fill a drawn row's gaps). */
    private record First(double[] row, double rowWeight, double[] sums, double[] weights) implements Serializable {
        @Serial
        private static final long serialVersionUID = 1L;

        /** A row of the block drawn by weight, the block's weight and its columns' weighted sums. */
        static First of(Block b, long seed) {
            SplittableRandom random = new SplittableRandom(seed + b.partition * Partitions.GOLDEN);
            double[] sums = new double[Math.max(b.d, 0)];
            double[] weights = new double[sums.length];
            double total = 0;
            double[] row = null;
            for (int i = 0; i < b.n; i++) {
                double w = weight(b, i);
                if (!(w > 0)) continue;
                total += w;
                if (random.nextDouble() * total < w) row = Arrays.copyOfRange(b.values, i * b.d, (i + 1) * b.d);
                for (int j = 0; j < b.d; j++) {
                    double x = b.values[i * b.d + j];
                    if (!Double.isNaN(x)) {
                        sums[j] += w * x;
                        weights[j] += w;
                    }
                }
            }
            return new First(row, total, sums, weights);
        }

        /** One block's row drawn by the blocks' weights; the columns' sums added up. */
        static First merge(List<First> parts, SplittableRandom random) {
            double total = 0;
            double[] row = null;
            double[] sums = null;
            double[] weights = null;
            for (First part : parts) {
                if (part.row == null) continue;
                total += part.rowWeight;
                if (random.nextDouble() * total < part.rowWeight) row = part.row;
                if (sums == null) {
                    sums = new double[part.sums.length];
                    weights = new double[part.sums.length];
                }
                for (int j = 0; j < sums.length; j++) {
                    sums[j] += part.sums[j];
                    weights[j] += part.weights[j];
                }
            }
            First first = new First(null, total, sums, weights);
            return new First(first.filled(row), total, sums, weights);
        }

        /** {@code row} with each missing value replaced by its column's weighted mean. */
        double[] filled(double[] row) {
            double[] out = row.clone();
            for (int j = 0; j < out.length; j++) if (Double.isNaN(out[j])) out[j] = weights[j] > 0 ? sums[j] / weights[j] : 0;
            return out;
        }
    }

    /** Centres and the weight of the rows nearest to each; per block, also the weighted sums of those rows' values. */
    record Clusters(double[][] centres, double[] weights, double[][] sums, double[][] sumWeights) implements Serializable {
        @Serial
        private static final long serialVersionUID = 1L;

        /** The block's rows assigned to their nearest of {@code centres}. */
        static Clusters of(Block b, double[][] centres) {
            int k = centres.length;
            int d = centres[0].length;
            double[] weights = new double[k];
            double[][] sums = new double[k][d];
            double[][] sumWeights = new double[k][d];
            for (int i = 0; i < b.n; i++) {
                double w = weight(b, i);
                if (!(w > 0)) continue;
                int c = (int) nearest(b, i, centres)[0];
                weights[c] += w;
                for (int j = 0; j < d; j++) {
                    double x = b.values[i * d + j];
                    if (!Double.isNaN(x)) {
                        sums[c][j] += w * x;
                        sumWeights[c][j] += w;
                    }
                }
            }
            return new Clusters(centres, weights, sums, sumWeights);
        }

        /** The blocks' assignments added up (in partition order), and each centre moved to its rows' mean (kept where it has none). */
        static Clusters merge(List<Clusters> parts, double[][] centres) {
            int k = centres.length;
            int d = centres[0].length;
            double[] weights = new double[k];
            double[][] sums = new double[k][d];
            double[][] sumWeights = new double[k][d];
            for (Clusters part : parts) {
                for (int c = 0; c < k; c++) {
                    weights[c] += part.weights[c];
                    for (int j = 0; j < d; j++) {
                        sums[c][j] += part.sums[c][j];
                        sumWeights[c][j] += part.sumWeights[c][j];
                    }
                }
            }
            double[][] moved = new double[k][];
            for (int c = 0; c < k; c++) {
                moved[c] = centres[c].clone();
                for (int j = 0; j < d; j++) if (sumWeights[c][j] > 0) moved[c][j] = sums[c][j] / sumWeights[c][j];
            }
            return new Clusters(moved, weights, sums, sumWeights);
        }

        /** The weights of the rows nearest to each centre, or equal weights when some centre has none. */
        double[] startWeights() {
            for (double w : weights) if (!(w > 0)) return filled(weights.length);
            return weights.clone();
        }

        /**
         * Weighted k-means++ on the candidates (each weighted by the rows nearest to it), then
         * weighted Lloyd iterations on them: k centres, on the driver.
         */
        static Clusters local(double[][] candidates, double[] weights, int k, SplittableRandom random) {
            int d = candidates[0].length;
            double[][] centres = new double[k][];
            centres[0] = candidates[pick(weights, random)].clone();
            double[] cost = new double[candidates.length];
            Arrays.fill(cost, Double.POSITIVE_INFINITY);
            for (int c = 1; c < k; c++) {
                double[] p = new double[candidates.length];
                for (int i = 0; i < candidates.length; i++) {
                    cost[i] = Math.min(cost[i], distance(candidates[i], centres[c - 1]));
                    p[i] = weights[i] * cost[i];
                }
                centres[c] = candidates[pick(p, random)].clone();
            }
            for (int iteration = 0; iteration < LOCAL_ITERATIONS; iteration++) {
                double[][] sums = new double[k][d];
                double[] mass = new double[k];
                for (int i = 0; i < candidates.length; i++) {
                    int best = 0;
                    for (int c = 1; c < k; c++) {
                        if (distance(candidates[i], centres[c]) < distance(candidates[i], centres[best])) best = c;
                    }
                    mass[best] += weights[i];
                    for (int j = 0; j < d; j++) sums[best][j] += weights[i] * candidates[i][j];
                }
                for (int c = 0; c < k; c++) {
                    if (mass[c] > 0) for (int j = 0; j < d; j++) centres[c][j] = sums[c][j] / mass[c];
                }
            }
            return new Clusters(centres, new double[k], null, null);
        }

        private static int pick(double[] weights, SplittableRandom random) {
            double total = Arrays.stream(weights).sum();
            if (!(total > 0)) return random.nextInt(weights.length);
            double u = random.nextDouble() * total;
            for (int i = 0; i < weights.length; i++) {
                u -= weights[i];
                if (u < 0 && weights[i] > 0) return i;
            }
            for (int i = weights.length - 1; ; i--) if (weights[i] > 0) return i;
        }

        private static double distance(double[] a, double[] b) {
            double s = 0;
            for (int j = 0; j < a.length; j++) s += (a[j] - b[j]) * (a[j] - b[j]);
            return s;
        }

        private static double[] filled(int k) {
            double[] w = new double[k];
            Arrays.fill(w, 1);
            return w;
        }
    }
}
