// SPDX-License-Identifier: Apache-2.0
package gmm4j.internal;

import java.util.SplittableRandom;

/**
 * Weighted k-means for initialisation: greedy k-means++ seeding and Lloyd's iterations. Rows are
 * points of the numeric columns followed by each categorical column one-hot encoded, scaled so
 * that a differing level weighs about as much as a typical column's standard deviation. A
 * missing value is taken as its column's mean (a missing level as the levels' frequencies).
 * Distances are either in the data's units or between z-scored columns ({@link #standardised});
 * the centers are in the data's units either way.
 */
final class KMeans {
    private static final int MAX_LLOYD_ITERATIONS = 100;

    private final Table t;
    /** Coordinates per point: the numeric columns, then one per categorical level. */
    final int dimension;
    /** The value of each coordinate where the row has none. */
    private final double[] fill;
    private final double levelScale;
    /** What each numeric column's squared difference is multiplied by in a distance. */
    private final double[] columnWeight;
    /** The mean variance of a column in the distance's units: Lloyd's tolerance is relative to it. */
    private final double spread;

    private KMeans(Table t, double[] columnMeans, double[] columnWeight, double levelScale, double spread) {
        this.t = t;
        this.dimension = t.d + t.levelSlots();
        this.levelScale = levelScale;
        this.columnWeight = columnWeight;
        this.spread = spread;
        this.fill = new double[dimension];
        System.arraycopy(columnMeans, 0, fill, 0, t.d);
        double[] observed = new double[t.c];
        for (int i = 0; i < t.n; i++) {
            if (t.pattern(i) == Table.EMPTY) continue;
            for (int j = 0; j < t.c; j++) {
                int code = t.codes[i * t.c + j];
                if (code < 0) continue;
                fill[t.d + t.levelOffset[j] + code] += t.weight(i);
                observed[j] += t.weight(i);
            }
        }
        for (int j = 0; j < t.c; j++) {
            for (int l = 0; l < t.levels[j]; l++) {
                int slot = t.d + t.levelOffset[j] + l;
                fill[slot] = observed[j] > 0 ? levelScale * fill[slot] / observed[j] : 0;
            }
        }
    }

    /** k-means in the data's units. */
    static KMeans inDataUnits(Table t, DataScale scale) {
        double[] ones = new double[t.d];
        java.util.Arrays.fill(ones, 1);
        return new KMeans(t, scale.columnMeans(), ones, Math.sqrt(Math.max(scale.meanVariance(), scale.floor())),
                scale.meanVariance());
    }

    /**
     * k-means on the z-scored numeric columns (each squared difference divided by its column's
     * variance; a constant column's by 1), so that no column dominates by its units; a differing
     * level weighs one standard deviation.
     */
    static KMeans standardised(Table t, DataScale scale, double[] variances) {
        double[] weight = new double[t.d];
        for (int j = 0; j < t.d; j++) weight[j] = variances[j] > 0 && Double.isFinite(variances[j]) ? 1 / variances[j] : 1;
        return new KMeans(t, scale.columnMeans(), weight, 1, 1);
    }

    /** The numeric part of the centers, component c at {@code [c*d, (c+1)*d)}. */
    double[] numericPart(double[] centers, int k) {
        double[] out = new double[k * t.d];
        for (int c = 0; c < k; c++) System.arraycopy(centers, c * dimension, out, c * t.d, t.d);
        return out;
    }

    /** Whether row i takes part: it has weight and something observed. */
    boolean usable(int i) {
        return t.weight(i) > 0 && t.pattern(i) != Table.EMPTY;
    }

    double value(int i, int j) {
        if (j < t.d) {
            double v = t.x[i * t.d + j];
            return Double.isNaN(v) ? fill[j] : v;
        }
        int slot = j - t.d;
        int column = 0;
        while (t.levelOffset[column + 1] <= slot) column++;
        int code = t.codes[i * t.c + column];
        if (code < 0) return fill[j];
        return code == slot - t.levelOffset[column] ? levelScale : 0;
    }

    double squaredDistance(int i, double[] centers, int c) {
        int base = c * dimension;
        int off = i * t.d;
        double s = 0;
        if (t.pattern(i) == Table.COMPLETE) {
            for (int j = 0; j < t.d; j++) {
                double diff = t.x[off + j] - centers[base + j];
                s += columnWeight[j] * diff * diff;
            }
        } else {
            for (int j = 0; j < t.d; j++) {
                double v = t.x[off + j];
                double diff = (Double.isNaN(v) ? fill[j] : v) - centers[base + j];
                s += columnWeight[j] * diff * diff;
            }
        }
        for (int j = 0; j < t.c; j++) {
            int code = t.codes[i * t.c + j];
            int first = t.d + t.levelOffset[j];
            for (int l = 0; l < t.levels[j]; l++) {
                double v = code < 0 ? fill[first + l] : code == l ? levelScale : 0;
                double diff = v - centers[base + first + l];
                s += diff * diff;
            }
        }
        return s;
    }

    void copyRow(int i, double[] centers, int c) {
        for (int j = 0; j < dimension; j++) centers[c * dimension + j] = value(i, j);
    }

    /**
     * Greedy k-means++ (as scikit-learn): each new center is the best, by total potential, of
     * 2 + ⌊ln k⌋ rows drawn with probability ∝ weight × squared distance to the nearest center.
     */
    double[] plusPlus(int k, SplittableRandom random, Parallel parallel) {
        int n = t.n;
        double[] centers = new double[k * dimension];
        double[] closest = new double[n];
        copyRow(sample(null, random), centers, 0);
        double potential = parallel.reduce(n, (from, to) -> {
            double p = 0;
            for (int i = from; i < to; i++) {
                closest[i] = usable(i) ? squaredDistance(i, centers, 0) : 0;
                p += t.weight(i) * closest[i];
            }
            return p;
        }, Double::sum);
        int trials = 2 + (int) Math.log(k);
        for (int c = 1; c < k; c++) {
            double bestPotential = Double.POSITIVE_INFINITY;
            int bestRow = -1;
            int center = c;
            for (int trial = 0; trial < trials; trial++) {
                int row = potential > 0 ? sample(closest, random) : sample(null, random);
                copyRow(row, centers, c);
                double p = parallel.reduce(n, (from, to) -> {
                    double sum = 0;
                    for (int i = from; i < to; i++) {
                        if (usable(i)) sum += t.weight(i) * Math.min(closest[i], squaredDistance(i, centers, center));
                    }
                    return sum;
                }, Double::sum);
                if (p < bestPotential) {
                    bestPotential = p;
                    bestRow = row;
                }
            }
            copyRow(bestRow, centers, c);
            parallel.reduce(n, (from, to) -> {
                for (int i = from; i < to; i++) {
                    if (usable(i)) closest[i] = Math.min(closest[i], squaredDistance(i, centers, center));
                }
                return 0.0;
            }, Double::sum);
            potential = bestPotential;
        }
        return centers;
    }

    /** A row drawn with probability ∝ weight × score (score null: ∝ weight). */
    private int sample(double[] score, SplittableRandom random) {
        double total = 0;
        for (int i = 0; i < t.n; i++) if (usable(i)) total += t.weight(i) * (score == null ? 1 : score[i]);
        double u = random.nextDouble() * total;
        int last = -1;
        for (int i = 0; i < t.n; i++) {
            if (!usable(i)) continue;
            double mass = t.weight(i) * (score == null ? 1 : score[i]);
            if (mass <= 0) continue;
            last = i;
            u -= mass;
            if (u < 0) return i;
        }
        return last;
    }

    /** The index of the center nearest to row i. */
    int nearest(int i, double[] centers, int k) {
        int best = 0;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (int c = 0; c < k; c++) {
            double dist = squaredDistance(i, centers, c);
            if (dist < bestDistance) {
                bestDistance = dist;
                best = c;
            }
        }
        return best;
    }

    /**
     * The nearest center of each row of {@code [from, to)}. Complete numeric rows go through blocks
     * transposed as in the E-step, so the distance loops run over rows and vectorise.
     */
    private int[] nearestOfChunk(int from, int to, double[] centers, int k, Parallel parallel) {
        int[] nearest = new int[to - from];
        if (t.c > 0) {
            for (int i = from; i < to; i++) if (usable(i)) nearest[i - from] = nearest(i, centers, k);
            return nearest;
        }
        int d = t.d;
        BlockScratch block = BlockScratch.of(parallel, k, d);
        int[] rows = block.blockRows;
        for (int tile = from; tile < to; tile += Kernels.TILE_ROWS) {
            int end = Math.min(to, tile + Kernels.TILE_ROWS);
            for (int i = tile; i < end; i++) {
                if (usable(i) && t.pattern(i) != Table.COMPLETE) nearest[i - from] = nearest(i, centers, k);
            }
            int count = Kernels.gatherCompleteRows(t, tile, end, block);
            for (int c = 0; c < k; c++) {
                double[] distance = block.byComponent[c];
                for (int b = 0; b < count; b++) distance[b] = 0;
                for (int j = 0; j < d; j++) {
                    double m = centers[c * d + j];
                    double w = columnWeight[j];
                    double[] column = block.xt[j];
                    for (int b = 0; b < count; b++) {
                        double diff = column[b] - m;
                        distance[b] += w * diff * diff;
                    }
                }
            }
            for (int b = 0; b < count; b++) {
                int best = 0;
                for (int c = 1; c < k; c++) if (block.byComponent[c][b] < block.byComponent[best][b]) best = c;
                nearest[rows[b] - from] = best;
            }
        }
        return nearest;
    }

    /**
     * Lloyd's iterations from {@code centers} (updated in place) until they move by less than
     * scikit-learn's tolerance: a total squared shift (in the distance's units) of 1e-4 × the mean
     * column variance. Nothing per row is kept: each pass assigns rows to the centers of the previous one.
     */
    void lloyd(double[] centers, int k, Parallel parallel) {
        int d = dimension;
        for (int iteration = 0; iteration < MAX_LLOYD_ITERATIONS; iteration++) {
            double[] frozen = centers.clone();
            double[] totals = parallel.reduce(t.n, (from, to) -> {
                // per center: weight, then d weighted sums
                double[] acc = new double[k * (d + 1)];
                int[] nearest = nearestOfChunk(from, to, frozen, k, parallel);
                for (int i = from; i < to; i++) {
                    if (!usable(i)) continue;
                    int c = nearest[i - from];
                    double w = t.weight(i);
                    acc[c * (d + 1)] += w;
                    for (int j = 0; j < d; j++) acc[c * (d + 1) + 1 + j] += w * value(i, j);
                }
                return acc;
            }, (a, b) -> {
                for (int i = 0; i < a.length; i++) a[i] += b[i];
                return a;
            });
            for (int c = 0; c < k; c++) {
                double w = totals[c * (d + 1)];
                if (w > 0) for (int j = 0; j < d; j++) centers[c * d + j] = totals[c * (d + 1) + 1 + j] / w;
            }
            double shift = 0;
            for (int c = 0; c < k; c++) {
                for (int j = 0; j < d; j++) {
                    double move = centers[c * d + j] - frozen[c * d + j];
                    shift += (j < t.d ? columnWeight[j] : 1) * move * move;
                }
            }
            if (shift <= 1e-4 * spread) break;
        }
    }
}
