// SPDX-License-Identifier: Apache-2.0
package gmm4j.benchmarks;

import gmm4j.Dataset;

import java.util.SplittableRandom;

/**
 * Deterministic synthetic data: n rows from k well-separated Gaussian clusters, stored row-major in
 * one array (never {@code double[][]}, so 10 000 000×16 fits in memory once), with the fixed
 * starting point every library starts from.
 */
public final class ClusterData {
    /** Cluster centres are drawn with this spread per coordinate; clusters have unit-scale spread. */
    private static final double CENTRE_SPREAD = 8.0;

    private final Problem problem;
    private final double[] values;

    private ClusterData(Problem problem, double[] values) {
        this.problem = problem;
        this.values = values;
    }

    /** The same problem and seed always give the same values. */
    public static ClusterData generate(Problem problem, long seed) {
        int n = problem.n(), d = problem.d(), k = problem.k();
        SplittableRandom random = new SplittableRandom(seed);
        double[][] centres = new double[k][d];
        double[][][] shapes = new double[k][][];
        for (int c = 0; c < k; c++) {
            for (int j = 0; j < d; j++) centres[c][j] = CENTRE_SPREAD * random.nextGaussian();
            shapes[c] = randomLowerTriangle(d, random);
        }
        double[] values = new double[Math.multiplyExact(n, d)];
        double[] z = new double[d];
        for (int i = 0; i < n; i++) {
            int c = random.nextInt(k);
            for (int j = 0; j < d; j++) z[j] = random.nextGaussian();
            double[][] a = shapes[c];
            int offset = i * d;
            for (int j = 0; j < d; j++) {
                double v = centres[c][j];
                for (int t = 0; t <= j; t++) v += a[j][t] * z[t];
                values[offset + j] = v;
            }
        }
        return new ClusterData(problem, values);
    }

    /** A correlated, well-conditioned cluster shape: x = centre + A·z with A lower-triangular. */
    private static double[][] randomLowerTriangle(int d, SplittableRandom random) {
        double[][] a = new double[d][d];
        for (int j = 0; j < d; j++) {
            a[j][j] = 0.5 + random.nextDouble();
            for (int t = 0; t < j; t++) a[j][t] = 0.3 * random.nextGaussian() / Math.sqrt(d);
        }
        return a;
    }

    public Problem problem() {
        return problem;
    }

    /** The values, row-major; shared, not copied: do not modify. */
    public double[] values() {
        return values;
    }

    /** A gmm4j data set over the values themselves (no copy: the values must not change while it is used). */
    public Dataset dataset() {
        return Dataset.wrapRowMajor(values, problem.n(), problem.d(), null);
    }

    /** The rows as {@code double[][]}, the form Smile and Commons Math need (a second copy of the data). */
    public double[][] rows() {
        int n = problem.n(), d = problem.d();
        double[][] rows = new double[n][];
        for (int i = 0; i < n; i++) rows[i] = java.util.Arrays.copyOfRange(values, i * d, (i + 1) * d);
        return rows;
    }

    /**
     * The fixed start: equal weights, the means at k rows spaced evenly through the data (rows are in
     * random cluster order, so this is a random start like scikit-learn's "random_from_data"), and the
     * data's overall covariance for every component.
     */
    public StartingPoint startingPoint() {
        int n = problem.n(), d = problem.d(), k = problem.k();
        double[] weights = new double[k];
        double[][] means = new double[k][];
        for (int c = 0; c < k; c++) {
            weights[c] = 1.0 / k;
            int row = (int) ((c + 0.5) * n / k);
            means[c] = java.util.Arrays.copyOfRange(values, row * d, (row + 1) * d);
        }
        return new StartingPoint(weights, means, covariance());
    }

    /** The overall covariance, accumulated around the first row (not as E[xxᵀ] − μμᵀ, which cancels). */
    private double[][] covariance() {
        int n = problem.n(), d = problem.d();
        double[] shift = java.util.Arrays.copyOf(values, d);
        double[] sum = new double[d];
        double[][] cross = new double[d][d];
        double[] centred = new double[d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                centred[j] = values[i * d + j] - shift[j];
                sum[j] += centred[j];
            }
            for (int j = 0; j < d; j++) {
                for (int t = 0; t <= j; t++) cross[j][t] += centred[j] * centred[t];
            }
        }
        double[][] covariance = new double[d][d];
        for (int j = 0; j < d; j++) {
            for (int t = 0; t <= j; t++) {
                double v = (cross[j][t] - sum[j] * sum[t] / n) / n;
                covariance[j][t] = v;
                covariance[t][j] = v;
            }
        }
        return covariance;
    }
}
