// SPDX-License-Identifier: Apache-2.0
package gmm4j.benchmarks;

import gmm4j.Dataset;

import java.util.SplittableRandom;

/**
 * Deterministic synthetic data: n rows from k Gaussian clusters (separated, overlapping or
 * real-shaped: {@link Problem.Layout}), stored row-major in
 * one array (never {@code double[][]}, so 10 000 000×16 fits in memory once), with the fixed
 * starting point every library starts from.
 */
public final class ClusterData {
    /** Separated cluster centres are drawn with this spread per coordinate; clusters have unit-scale spread. */
    private static final double CENTRE_SPREAD = 8.0;
    /** The real-shaped layout's centre spread: modest overlap, a few components share most rows. */
    private static final double UNEQUAL_CENTRE_SPREAD = 1.5;

    private final Problem problem;
    private final double[] values;

    private ClusterData(Problem problem, double[] values) {
        this.problem = problem;
        this.values = values;
    }

    /** The same problem and seed always give the same values (separated ones, the values they had before layouts existed). */
    public static ClusterData generate(Problem problem, long seed) {
        int n = problem.n(), d = problem.d(), k = problem.k();
        Problem.Layout layout = problem.layout();
        SplittableRandom random = new SplittableRandom(seed);
        double[][] centres = new double[k][d];
        double[][][] shapes = new double[k][][];
        for (int c = 0; c < k; c++) {
            for (int j = 0; j < d; j++) {
                centres[c][j] = switch (layout) {
                    case SEPARATED -> CENTRE_SPREAD * random.nextGaussian();
                    case OVERLAPPING -> 2 * random.nextDouble() - 1;
                    case UNEQUAL -> UNEQUAL_CENTRE_SPREAD * random.nextGaussian();
                };
            }
            shapes[c] = layout == Problem.Layout.UNEQUAL ? correlatedLowerTriangle(d, random) : randomLowerTriangle(d, random);
        }
        double[] cumulative = cumulativeWeights(k, layout);
        double[] values = new double[Math.multiplyExact(n, d)];
        double[] z = new double[d];
        for (int i = 0; i < n; i++) {
            int c = cumulative == null ? random.nextInt(k) : pick(cumulative, random.nextDouble());
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

    /**
     * A strongly correlated shape whose overall scale varies from cluster to cluster (0.5 to 2,
     * log-uniform), as real clusters' do: off-diagonal terms as large as the diagonal's.
     */
    private static double[][] correlatedLowerTriangle(int d, SplittableRandom random) {
        double scale = Math.exp(Math.log(0.5) + random.nextDouble() * Math.log(4));
        double[][] a = new double[d][d];
        for (int j = 0; j < d; j++) {
            a[j][j] = scale * (0.3 + 0.7 * random.nextDouble());
            for (int t = 0; t < j; t++) a[j][t] = scale * random.nextGaussian() / Math.sqrt(j);
        }
        return a;
    }

    /** Cluster c's cumulative probability for weights ∝ 1/(c + 1), or null for equal weights. */
    private static double[] cumulativeWeights(int k, Problem.Layout layout) {
        if (layout != Problem.Layout.UNEQUAL) return null;
        double[] cumulative = new double[k];
        double total = 0;
        for (int c = 0; c < k; c++) cumulative[c] = total += 1.0 / (c + 1);
        for (int c = 0; c < k; c++) cumulative[c] /= total;
        return cumulative;
    }

    /** The first cluster whose cumulative probability exceeds u. */
    private static int pick(double[] cumulative, double u) {
        int c = 0;
        while (c < cumulative.length - 1 && cumulative[c] <= u) c++;
        return c;
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
