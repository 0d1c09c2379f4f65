// SPDX-License-Identifier: Apache-2.0
package gmm4j;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Weights are scale-free (issue 15, point 7): every weight equal to s gives the unit-weight model, for any s > 0. */
class WeightScaleTest {
    @ParameterizedTest
    @ValueSource(doubles = {1e-20, 1e-5, 3.7, 1e20})
    void equalWeightsOfAnyScaleGiveTheUnitWeightModel(double s) {
        double[][] rows = Mixtures.separated(600, 3, 3, 12);
        double[] weights = new double[rows.length];
        Arrays.fill(weights, s);
        for (CovarianceType type : CovarianceType.values()) {
            GaussianMixture settings = GaussianMixture.builder().components(3).covariance(type).seed(5).build();
            GaussianMixtureModel unit = settings.fit(Dataset.of(rows));
            GaussianMixtureModel scaled = settings.fit(Dataset.of(rows, weights, null, null));
            assertEquals(unit.meanLogLikelihood(), scaled.meanLogLikelihood(), 1e-9 * Math.abs(unit.meanLogLikelihood()),
                    type + ", weight " + s);
            assertEquals(unit.iterations(), scaled.iterations(), type + ", weight " + s);
            for (int c = 0; c < 3; c++) {
                assertEquals(unit.weights()[c], scaled.weights()[c], 1e-9, type + ", weight " + s);
                for (int j = 0; j < 3; j++) assertEquals(unit.means()[c][j], scaled.means()[c][j], 1e-9, type + ", weight " + s);
            }
        }
    }
}
