// SPDX-License-Identifier: Apache-2.0
package gmm4j.benchmarks;

import gmm4j.CovarianceType;
import gmm4j.Dataset;
import gmm4j.GaussianMixture;
import gmm4j.GaussianMixtureModel;
import gmm4j.Initialization;

import java.util.Random;

/**
 * Fits many small problems — every dimension regime of the kernels (column by column up to d = 4,
 * rank-four updates, the bounded full-covariance E-step from d = 32), every covariance type and
 * start, with and without weights, missing values and a categorical column — and prints one line per
 * fit: its iterations, its repairs and a hash of the bits of its parameters. Two engines that print
 * the same lines fit the same models to the bit: {@code benchmarks/compare-engines.sh} runs it on
 * both before it times them.
 */
public final class EngineFingerprint {
    private EngineFingerprint() {
    }

    public static void main(String[] args) {
        for (int d : new int[]{2, 3, 13, 40}) {
            for (CovarianceType type : CovarianceType.scikitLearnTypes()) {
                for (Initialization init : Initialization.values()) {
                    for (boolean mixed : new boolean[]{false, true}) {
                        GaussianMixtureModel model = GaussianMixture.builder().components(3).covariance(type).init(init)
                                .restarts(2).seed(7).maxIterations(30).build().fit(data(d, type, mixed));
                        System.out.println(d + " " + type + " " + init + " " + (mixed ? "weights+missing+categorical" : "plain")
                                + " " + model.iterations() + " iterations, " + model.repairs().size() + " repairs, "
                                + Long.toHexString(hash(model)));
                    }
                }
            }
        }
    }

    /** Three clusters of 1000 rows; when {@code mixed}, row weights, a missing value every 29 rows and a categorical column. */
    private static Dataset data(int d, CovarianceType type, boolean mixed) {
        Random random = new Random(d * 31L + type.ordinal());
        int n = 3000;
        double[][] rows = new double[n][d];
        double[] weights = new double[n];
        int[][] categories = new int[n][1];
        for (int i = 0; i < n; i++) {
            int cluster = i % 3;
            for (int j = 0; j < d; j++) rows[i][j] = 5 * cluster * (j % 2 == 0 ? 1 : -1) + random.nextGaussian() * (1 + j % 3);
            if (i % 29 == 3) rows[i][i % d] = Double.NaN;
            weights[i] = 0.5 + i % 3;
            categories[i][0] = (cluster + (i % 11 == 0 ? 1 : 0)) % 3;
        }
        return mixed ? Dataset.of(rows, weights, categories, new int[]{3}) : Dataset.of(rows);
    }

    /** A hash of the exact bits of the log-likelihood, weights, means and covariances. */
    private static long hash(GaussianMixtureModel model) {
        long h = Double.doubleToLongBits(model.logLikelihood());
        for (double w : model.weights()) h = h * 31 + Double.doubleToLongBits(w);
        for (double[] mean : model.means()) for (double v : mean) h = h * 31 + Double.doubleToLongBits(v);
        for (double[][] covariance : model.covariances()) {
            for (double[] row : covariance) for (double v : row) h = h * 31 + Double.doubleToLongBits(v);
        }
        return h;
    }
}
