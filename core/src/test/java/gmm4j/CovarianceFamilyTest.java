// SPDX-License-Identifier: Apache-2.0
package gmm4j;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The 14 covariance models by name, and each with categorical columns and sampling. */
class CovarianceFamilyTest {
    @Test
    void parseAcceptsEitherSchemeInAnyCase() {
        for (CovarianceType type : CovarianceType.values()) {
            assertEquals(type, CovarianceType.parse(type.name().toLowerCase()));
            assertEquals(type, CovarianceType.parse(type.mclustName()));
            assertEquals(type, CovarianceType.parse(" " + type.mclustName().toLowerCase() + " "));
        }
        assertEquals(CovarianceType.FULL, CovarianceType.parse("VVV"));
        assertEquals(CovarianceType.TIED, CovarianceType.parse("eee"));
        assertEquals(CovarianceType.DIAGONAL, CovarianceType.parse("Diag"));
        assertEquals(CovarianceType.SPHERICAL, CovarianceType.parse("VII"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CovarianceType.parse("VXV"));
        assertTrue(e.getMessage().contains("'VXV'") && e.getMessage().contains("diag") && e.getMessage().contains("EVV"),
                e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> CovarianceType.parse(null));
    }

    @Test
    void fourteenDistinctMclustNames() {
        assertEquals(14, java.util.Arrays.stream(CovarianceType.values()).map(CovarianceType::mclustName).distinct().count());
        assertEquals(4, CovarianceType.scikitLearnTypes().length);
    }

    /** A numeric column that cannot tell the clusters apart and categorical codes that can, under every model. */
    @ParameterizedTest
    @EnumSource(CovarianceType.class)
    void categoricalColumnsWorkWithEveryModel(CovarianceType type) {
        Random random = new Random(5);
        int n = 3000;
        double[][] rows = new double[n][2];
        int[][] codes = new int[n][3];
        for (int i = 0; i < n; i++) {
            boolean first = i % 2 == 0;
            rows[i][0] = random.nextGaussian();
            rows[i][1] = random.nextGaussian();
            for (int j = 0; j < 3; j++) {
                double u = random.nextDouble();
                codes[i][j] = first ? (u < 0.9 ? 0 : u < 0.95 ? 1 : 2) : (u < 0.9 ? 2 : u < 0.95 ? 1 : 0);
            }
        }
        Dataset data = Dataset.of(rows, null, codes, new int[]{3, 3, 3});
        GaussianMixtureModel model = GaussianMixture.builder().components(2).covariance(type).restarts(3).seed(1)
                .build().fit(data);
        double[][][] p = model.levelProbabilities();
        int a = p[0][0][0] > p[1][0][0] ? 0 : 1;
        for (int j = 0; j < 3; j++) {
            assertEquals(0.9, p[a][j][0], 0.03, type.toString());
            assertEquals(0.9, p[1 - a][j][2], 0.03, type.toString());
        }
        long parameters = 1 + 2 * 2 + type.covarianceParameters(2, 2) + 2 * 3 * 2;
        assertEquals(parameters, model.parameterCount());
    }

    /** Samples of a fitted model fitted again give its parameters back. */
    @ParameterizedTest
    @EnumSource(CovarianceType.class)
    void samplingWorksWithEveryModel(CovarianceType type) {
        double[][] rows = Csv.resource("iris.csv", 4);
        GaussianMixtureModel model = GaussianMixture.builder().components(2).covariance(type).seed(1).build().fit(rows);
        Sample sample = model.sample(20000, new Random(8));
        GaussianMixtureModel refit = GaussianMixture.builder().components(2).covariance(type).start(
                new StartingParameters(model.weights(), model.means(), model.covariances())).build().fit(sample.rows());
        for (int c = 0; c < 2; c++) {
            assertEquals(model.weights()[c], refit.weights()[c], 0.02, type + " weight");
            for (int i = 0; i < 4; i++) {
                assertEquals(model.means()[c][i], refit.means()[c][i], 0.05, type + " mean");
                for (int j = 0; j < 4; j++) {
                    assertEquals(model.covariances()[c][i][j], refit.covariances()[c][i][j], 0.05, type + " covariance");
                }
            }
        }
    }
}
