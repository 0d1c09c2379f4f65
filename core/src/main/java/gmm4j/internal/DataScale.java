// SPDX-License-Identifier: Apache-2.0
package gmm4j.internal;

import java.io.Serial;
import java.io.Serializable;

/**
 * What the engine knows of the training data's scale, taken once before a fit: each numeric
 * column's weighted mean over its observed values (where a repair puts a missing value of the row it
 * re-seeds at), the floor below which a covariance's diagonal is raised (1e-12 of the largest column
 * variance: the data's own scale), and the columns' average variance (the scale at which k-means
 * weighs a differing categorical level).
 */
public record DataScale(double[] columnMeans, double floor, double meanVariance) implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    /** The scale of the rows of {@code t}. */
    public static DataScale of(Table t, Parallel parallel) {
        double[] columnMeans = columnAverages(t, new double[t.d], false, parallel);
        double[] variances = columnAverages(t, columnMeans, true, parallel);
        double largest = 0, mean = 0;
        for (double v : variances) {
            largest = Math.max(largest, v);
            mean += v / variances.length;
        }
        double floor = largest * 1e-12 > 0 && Double.isFinite(largest * 1e-12) ? largest * 1e-12 : Double.MIN_NORMAL;
        double meanVariance = variances.length == 0 || !(mean > 0) || !Double.isFinite(mean) ? 1 : mean;
        return new DataScale(columnMeans, floor, meanVariance);
    }

    /**
     * The weighted covariance of the rows of {@code t}, row-major d×d, missing values taken as their
     * column's mean: the directions in which the data vary, against which a component's are judged
     * ({@link Mixture#singularity}).
     */
    public static double[] covariance(Table t, Parallel parallel) {
        double[] columnMeans = columnAverages(t, new double[t.d], false, parallel);
        Statistics stats = EStep.assign(t, new MatrixMoments(1, t.d, columnMeans), (row, out) -> out[0] = 1,
                columnMeans, parallel);
        return ((MatrixMoments) stats.moments).covariance(0);
    }

    /** Each column's weighted variance over its observed values (0 where none is), about {@code columnMeans}. */
    static double[] columnVariances(Table t, double[] columnMeans, Parallel parallel) {
        return columnAverages(t, columnMeans, true, parallel);
    }

    /** The row with each missing value replaced by its column's mean (a copy). */
    double[] completed(double[] row) {
        double[] out = row.clone();
        for (int j = 0; j < out.length; j++) if (Double.isNaN(out[j])) out[j] = columnMeans[j];
        return out;
    }

    /**
     * Per column, the weighted average over observed values of x − shift, or of its square; 0 where
     * none is observed. Row by row (the data are row-major), chunks in parallel.
     */
    private static double[] columnAverages(Table t, double[] shift, boolean squares, Parallel parallel) {
        int d = t.d;
        double[][] sums = parallel.reduce(t.n, (from, to) -> {
            double[] sum = new double[d], weight = new double[d];
            for (int i = from; i < to; i++) {
                double w = t.weight(i);
                for (int j = 0; j < d; j++) {
                    double v = t.x[i * d + j];
                    if (Double.isNaN(v)) continue;
                    double diff = v - shift[j];
                    sum[j] += w * (squares ? diff * diff : diff);
                    weight[j] += w;
                }
            }
            return new double[][] {sum, weight};
        }, (x, y) -> {
            for (int j = 0; j < d; j++) {
                x[0][j] += y[0][j];
                x[1][j] += y[1][j];
            }
            return x;
        });
        double[] average = new double[d];
        for (int j = 0; j < d; j++) average[j] = sums[1][j] > 0 ? sums[0][j] / sums[1][j] : 0;
        return average;
    }
}
