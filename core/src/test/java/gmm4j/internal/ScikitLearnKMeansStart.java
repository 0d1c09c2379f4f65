// SPDX-License-Identifier: Apache-2.0
package gmm4j.internal;

import gmm4j.StartingParameters;

import java.util.SplittableRandom;

/**
 * scikit-learn's k-means start, k-means++ seeds refined by Lloyd's k-means in the data's units, as
 * explicit starting parameters: the tests that compare restarts with scikit-learn's k-means-started
 * fits use it, because our {@code KMEANS} start z-scores the columns first (scikit-learn's does
 * not) and so finds other local optima. For restart r of seed s it is the start {@code KMEANS} gave
 * before it z-scored: the same random stream, seeds and Lloyd's iterations.
 */
public final class ScikitLearnKMeansStart {
    private ScikitLearnKMeansStart() {
    }

    /** The start of restart {@code restart} of a fit of {@code rows} with K = k and this seed. */
    public static StartingParameters of(double[][] rows, int k, long seed, int restart) {
        int n = rows.length;
        int d = rows[0].length;
        double[] x = new double[n * d];
        for (int i = 0; i < n; i++) System.arraycopy(rows[i], 0, x, i * d, d);
        Table t = new Table(n, d, x, null, 0, new int[0], new int[0]);
        try (Parallel parallel = new Parallel(1)) {
            KMeans kMeans = KMeans.inDataUnits(t, DataScale.of(t, parallel));
            SplittableRandom random = new SplittableRandom(seed + restart * 0x9E3779B97F4A7C15L);
            double[] centers = kMeans.plusPlus(k, random, parallel);
            kMeans.lloyd(centers, k, parallel);
            double[] weights = new double[k];
            for (int i = 0; i < n; i++) weights[kMeans.nearest(i, centers, k)] += 1.0 / n;
            double[][] means = new double[k][d];
            for (int c = 0; c < k; c++) System.arraycopy(centers, c * d, means[c], 0, d);
            return new StartingParameters(weights, means, null);
        }
    }
}
