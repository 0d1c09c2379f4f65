// SPDX-License-Identifier: Apache-2.0
package gmm4j;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Missing values are marginalised: estimates stay unbiased where imputation or dropping rows are not. */
class MissingValuesTest {
    /** y is missing whenever x > 0.5 (missing at random: it depends on the observed x only). */
    @Test
    void missingAtRandomIsEstimatedWithoutBias() {
        Random random = new Random(21);
        int n = 6000;
        double[][] full = new double[n][];
        double[][] holed = new double[n][];
        List<double[]> completeCases = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double x = random.nextGaussian();
            double y = 0.8 * x + 0.6 * random.nextGaussian();
            full[i] = new double[]{x, y};
            holed[i] = new double[]{x, x > 0.5 ? Double.NaN : y};
            if (x <= 0.5) completeCases.add(full[i]);
        }
        GaussianMixture one = GaussianMixture.builder().components(1).tolerance(1e-10).maxIterations(500).build();
        GaussianMixtureModel truth = one.fit(full);
        GaussianMixtureModel marginalised = one.fit(holed);
        GaussianMixtureModel dropped = one.fit(completeCases.toArray(new double[0][]));

        double trueMeanY = truth.means()[0][1];
        assertEquals(trueMeanY, marginalised.means()[0][1], 0.03);
        assertEquals(truth.covariances()[0][1][1], marginalised.covariances()[0][1][1], 0.05);
        assertEquals(truth.covariances()[0][0][1], marginalised.covariances()[0][0][1], 0.05);
        // the test is sensitive: dropping incomplete rows is badly biased on this data
        assertTrue(Math.abs(dropped.means()[0][1] - trueMeanY) > 0.3, "complete cases " + dropped.means()[0][1]);
    }

    @Test
    void mixtureWithValuesMissingCompletelyAtRandomMatchesTheCompleteFit() {
        double[][] full = Mixtures.separated(3000, 3, 2, 8);
        double[][] holed = new double[full.length][];
        Random random = new Random(4);
        for (int i = 0; i < full.length; i++) {
            holed[i] = full[i].clone();
            for (int j = 0; j < 3; j++) if (random.nextDouble() < 0.2) holed[i][j] = Double.NaN;
        }
        for (CovarianceType type : CovarianceType.values()) {
            GaussianMixture settings = GaussianMixture.builder().components(2).covariance(type).seed(1).tolerance(1e-8).build();
            GaussianMixtureModel a = settings.fit(full);
            GaussianMixtureModel b = settings.fit(holed);
            int match = Math.abs(a.means()[0][0] - b.means()[0][0]) < 1 ? 0 : 1;
            for (int c = 0; c < 2; c++) {
                int o = c == 0 ? match : 1 - match;
                assertEquals(a.weights()[c], b.weights()[o], 0.02, type + " weight");
                for (int j = 0; j < 3; j++) {
                    assertEquals(a.means()[c][j], b.means()[o][j], 0.1, type + " mean");
                    assertEquals(a.covariances()[c][j][j], b.covariances()[o][j][j], 0.2, type + " variance");
                }
            }
            // EM with missing values is exact EM on the observed data: still monotone
            double[] trace = b.restarts().get(0).trace();
            for (int t = 1; t < trace.length; t++) assertTrue(trace[t] >= trace[t - 1] - 1e-12, type + " iteration " + t);
        }
    }

    @Test
    void marginalDensityIsTheDensityOfTheObservedCoordinates() {
        double[][] rows = Mixtures.separated(800, 3, 2, 2);
        GaussianMixtureModel model = GaussianMixture.builder().components(2).seed(3).build().fit(rows);
        // p(x0) for a 3-D row with x1, x2 missing equals the 1-D mixture of the components' x0 marginals
        double x0 = 3.2;
        double expected = 0;
        for (int c = 0; c < 2; c++) {
            double mean = model.means()[c][0], var = model.covariances()[c][0][0];
            expected += model.weights()[c] * Math.exp(-0.5 * (x0 - mean) * (x0 - mean) / var) / Math.sqrt(2 * Math.PI * var);
        }
        assertEquals(Math.log(expected), model.logDensity(new double[]{x0, Double.NaN, Double.NaN}), 1e-12);
    }
}
