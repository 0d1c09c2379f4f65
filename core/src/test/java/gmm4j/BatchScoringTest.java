// SPDX-License-Identifier: Apache-2.0
package gmm4j;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The batch scoring of a data set ({@link GaussianMixtureModel#predict(Dataset)},
 * {@link GaussianMixtureModel#posterior(Dataset)}, {@link GaussianMixtureModel#logDensity(Dataset)}),
 * which takes the complete rows a block at a time, against the same model's row-by-row values: every
 * covariance type, with a noise component, missing values, a row with nothing observed, rows far from
 * every component, several blocks and a ragged last one, and d = 40, where the full E-step skips the
 * distant components.
 */
class BatchScoringTest {
    static List<Arguments> models() {
        List<Arguments> out = new ArrayList<>();
        for (int d : new int[]{3, 40}) {
            for (CovarianceType type : CovarianceType.scikitLearnTypes()) {
                for (boolean noise : new boolean[]{false, true}) out.add(Arguments.of(d, type, noise));
            }
        }
        return out;
    }

    @ParameterizedTest(name = "d = {0}, {1}, noise {2}")
    @MethodSource("models")
    void batchValuesAreTheRowByRowOnes(int d, CovarianceType type, boolean noise) {
        Random random = new Random(31 + d);
        int n = 700;
        double[][] rows = new double[n][d];
        for (int i = 0; i < n; i++) {
            int cluster = i % 3;
            for (int j = 0; j < d; j++) rows[i][j] = 4 * cluster * (j % 2 == 0 ? 1 : -1) + random.nextGaussian();
        }
        GaussianMixtureModel model = GaussianMixture.builder().components(3).covariance(type).noise(noise).seed(5)
                .maxIterations(20).build().fit(Dataset.of(rows));
        double[][] scored = new double[n + 3][];
        for (int i = 0; i < n; i++) scored[i] = rows[i].clone();
        for (int i = 0; i < n; i += 7) scored[i][i % d] = Double.NaN;
        scored[n] = new double[d];
        java.util.Arrays.fill(scored[n], Double.NaN);
        scored[n + 1] = new double[d];
        java.util.Arrays.fill(scored[n + 1], 1e3);
        scored[n + 2] = rows[1].clone();
        Dataset data = Dataset.of(scored);

        int[] labels = model.predict(data);
        double[][] posterior = model.posterior(data);
        double[] logDensity = model.logDensity(data);
        for (int i = 0; i < scored.length; i++) {
            double[] expected = model.posterior(scored[i]);
            for (int c = 0; c < expected.length; c++) {
                assertEquals(expected[c], posterior[i][c], 1e-12, "row " + i + ", posterior " + c);
            }
            double density = model.logDensity(scored[i]);
            assertEquals(density, logDensity[i], 1e-12 * Math.max(1, Math.abs(density)), "row " + i + ": log density");
            assertEquals(model.predict(scored[i]), labels[i], "row " + i + ": label");
        }
    }
}
