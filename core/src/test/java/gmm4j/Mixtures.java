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
