// SPDX-License-Identifier: Apache-2.0
package gmm4j;

import java.util.Random;

/** Data drawn from known mixtures, for tests. */
final class Mixtures {
    private Mixtures() {
    }

    /**
     * n rows from well separated Gaussian components in d dimensions: component c has mean
     * 8·c on every axis and a random covariance of scale about one.
     */
    static double[][] separated(int n, int d, int k, long seed) {
        Random random = new Random(seed);
        double[][][] mix = new double[k][d][d];
        for (int c = 0; c < k; c++) {
            for (int a = 0; a < d; a++) {
                for (int b = 0; b <= a; b++) mix[c][a][b] = a == b ? 0.5 + random.nextDouble() : 0.4 * random.nextGaussian();
            }
        }
        double[][] rows = new double[n][d];
        for (int i = 0; i < n; i++) {
            int c = i % k;
            double[] z = new double[d];
            for (int j = 0; j < d; j++) z[j] = random.nextGaussian();
            for (int a = 0; a < d; a++) {
                double v = 8.0 * c;
                for (int b = 0; b <= a; b++) v += mix[c][a][b] * z[b];
                rows[i][a] = v;
            }
        }
        return rows;
    }

    /**
     * n rows of three unit-variance Gaussian clusters of weights 0.495, 0.495 and 0.01: the heavy
     * ones centred at 0 and at 8 on every axis, the light one at (6, −6, 0, …) (d ≥ 2) — well apart
     * from both, yet in a sample of 5 000 rows only about 50 of its rows.
     */
    static double[][] withLightCluster(int n, int d, long seed) {
        Random random = new Random(seed);
        double[][] rows = new double[n][d];
        for (int i = 0; i < n; i++) {
            double u = random.nextDouble();
            int c = u < 0.01 ? 2 : u < 0.505 ? 0 : 1;
            for (int j = 0; j < d; j++) {
                double mean = c == 1 ? 8 : c == 2 && j == 0 ? 6 : c == 2 && j == 1 ? -6 : 0;
                rows[i][j] = mean + random.nextGaussian();
            }
        }
        return rows;
    }

    /** Unstructured random rows (every value in its own scale), for property tests. */
    static double[][] random(int n, int d, Random random) {
        double[][] rows = new double[n][d];
        double[] scale = new double[d];
        for (int j = 0; j < d; j++) scale[j] = Math.exp(random.nextGaussian());
        for (int i = 0; i < n; i++) {
            int cluster = random.nextInt(3);
            for (int j = 0; j < d; j++) rows[i][j] = scale[j] * (cluster * 3 * random.nextDouble() + random.nextGaussian());
        }
        return rows;
    }
}
