// SPDX-License-Identifier: Apache-2.0
package gmm4j;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bad input fails fast with a message naming the problem; degenerate data still gives a finite model. */
class BadInputTest {
    private static void rejects(Executable call, String... mentions) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        for (String m : mentions) assertTrue(e.getMessage().contains(m), "'" + e.getMessage() + "' should mention '" + m + "'");
    }

    @Test
    void infiniteValueNamesRowColumnAndValue() {
        rejects(() -> Dataset.of(new double[][]{{1, 2}, {3, Double.POSITIVE_INFINITY}}), "Row 1", "column 1", "Infinity");
        rejects(() -> Dataset.of(new double[][]{{Double.NEGATIVE_INFINITY, 2}}), "Row 0", "column 0", "-Infinity");
    }

    @Test
    void emptyDataIsRejected() {
        rejects(() -> Dataset.of(new double[0][]), "no rows");
        rejects(() -> Dataset.of(new double[][]{{}, {}}), "no columns");
    }

    @Test
    void raggedRowsAreRejected() {
        rejects(() -> Dataset.of(new double[][]{{1, 2}, {3, 4}, {5}}), "Row 2", "1 values", "row 0 has 2");
        rejects(() -> Dataset.of(new double[][]{{1, 2}, null}), "Row 1", "null");
    }

    @Test
    void badWeightsAreRejected() {
        double[][] rows = {{1}, {2}, {3}};
        rejects(() -> Dataset.of(rows, new double[]{1, -1, 1}), "row 1", "-1.0");
        rejects(() -> Dataset.of(rows, new double[]{1, 1, Double.NaN}), "row 2", "NaN");
        rejects(() -> Dataset.of(rows, new double[]{1, Double.POSITIVE_INFINITY, 1}), "row 1", "Infinity");
        rejects(() -> Dataset.of(rows, new double[]{1, 1}), "2 weights for 3 rows");
        rejects(() -> Dataset.of(rows, new double[]{0, 0, 0}), "total weight");
    }

    @Test
    void badCategoricalCodesAreRejected() {
        double[][] rows = {{1}, {2}};
        rejects(() -> Dataset.of(rows, null, new int[][]{{0}, {3}}, new int[]{3}), "Row 1", "code 3");
        rejects(() -> Dataset.of(rows, null, new int[][]{{0}, {-2}}, new int[]{3}), "Row 1", "code -2");
        rejects(() -> Dataset.of(rows, null, new int[][]{{0}, {0}}, new int[]{0}), "0 levels");
    }

    @Test
    void badSettingsAreRejected() {
        rejects(() -> GaussianMixture.builder().components(0), "components", "0");
        rejects(() -> GaussianMixture.builder().components(-3), "components", "-3");
        rejects(() -> GaussianMixture.builder().tolerance(Double.NaN), "tolerance", "NaN");
        rejects(() -> GaussianMixture.builder().regularization(-1e-6), "regularization");
        rejects(() -> GaussianMixture.builder().maxIterations(0), "maxIterations");
        rejects(() -> GaussianMixture.builder().restarts(0), "restarts");
        rejects(() -> GaussianMixture.builder().threads(-1), "threads");
    }

    @Test
    void moreComponentsThanDistinctRowsIsRejected() {
        double[][] rows = {{1, 1}, {2, 2}, {1, 1}, {2, 2}, {1, 1}};
        rejects(() -> GaussianMixture.builder().components(3).build().fit(rows), "3 components", "fewer than 3 distinct rows");
        GaussianMixtureModel two = GaussianMixture.builder().components(2).build().fit(rows);
        assertFinite(two);
    }

    @Test
    void badStartingParametersAreRejected() {
        rejects(() -> new StartingParameters(new double[]{1}, new double[][]{{0, 0}}, new double[][][]{{{1, 2}, {2, 1}}}),
                "covariance 0", "not positive definite");
        rejects(() -> new StartingParameters(new double[]{1}, new double[][]{{0, 0}}, new double[][][]{{{1, 0.5}, {0, 1}}}),
                "not symmetric");
        rejects(() -> new StartingParameters(new double[]{1, 1}, new double[][]{{0, 0}}, new double[][][]{{{1, 0}, {0, 1}}}),
                "2 weights, 1 means");
        StartingParameters threeColumns = new StartingParameters(new double[]{1}, new double[][]{{0, 0, 0}},
                new double[][][]{{{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}});
        rejects(() -> GaussianMixture.builder().start(threeColumns).build().fit(new double[][]{{1, 2}, {3, 4}}), "3 values", "2 numeric columns");
    }

    @Test
    void scoringRowsOfTheWrongShapeIsRejected() {
        GaussianMixtureModel model = GaussianMixture.builder().components(1).build().fit(new double[][]{{1, 2}, {2, 3}, {4, 1}});
        rejects(() -> model.predict(new double[]{1}), "1 values", "2 numeric columns");
        rejects(() -> model.logDensity(new double[]{1, Double.POSITIVE_INFINITY}), "Column 1", "Infinity");
    }

    // ---- degenerate data: a finite model, never NaN ------------------------------------------

    @ParameterizedTest
    @EnumSource(CovarianceType.class)
    void constantColumn(CovarianceType type) {
        double[][] rows = Mixtures.separated(300, 3, 2, 1);
        for (double[] r : rows) r[1] = 7.5;
        assertFinite(GaussianMixture.builder().components(2).covariance(type).build().fit(rows));
        GaussianMixtureModel unregularised = GaussianMixture.builder().components(2).covariance(type).regularization(0).build().fit(rows);
        assertFinite(unregularised);
        // a spherical variance (and EII's one variance) averages the constant column with the others
        if (type != CovarianceType.SPHERICAL && type != CovarianceType.EII) {
            assertTrue(unregularised.repairs().stream().anyMatch(r -> r.kind() == Repair.Kind.JITTER_RAISED),
                    "a zero variance must be reported: " + unregularised.repairs());
        }
    }

    @ParameterizedTest
    @EnumSource(CovarianceType.class)
    void allRowsIdentical(CovarianceType type) {
        double[][] rows = new double[50][];
        Arrays.setAll(rows, i -> new double[]{3, -1, 2});
        GaussianMixtureModel model = GaussianMixture.builder().covariance(type).regularization(0).build().fit(rows);
        assertFinite(model);
        assertArrayEquals(new double[]{3, -1, 2}, model.means()[0]);
    }

    @ParameterizedTest
    @EnumSource(CovarianceType.class)
    void fewerRowsThanColumns(CovarianceType type) {
        double[][] rows = Mixtures.random(6, 10, new java.util.Random(2));
        assertFinite(GaussianMixture.builder().components(2).covariance(type).build().fit(rows));
        assertFinite(GaussianMixture.builder().components(2).covariance(type).regularization(0).build().fit(rows));
    }

    @ParameterizedTest
    @EnumSource(CovarianceType.class)
    void duplicatedPoints(CovarianceType type) {
        double[][] rows = new double[200][];
        for (int i = 0; i < rows.length; i++) rows[i] = i < 150 ? new double[]{1, 1} : new double[]{i, 2 * i};
        assertFinite(GaussianMixture.builder().components(3).covariance(type).restarts(2).build().fit(rows));
        assertFinite(GaussianMixture.builder().components(3).covariance(type).regularization(0).build().fit(rows));
    }

    @ParameterizedTest
    @EnumSource(CovarianceType.class)
    void tinyAndHugeScales(CovarianceType type) {
        for (double scale : new double[]{1e-150, 1e150}) {
            double[][] rows = Mixtures.separated(400, 2, 2, 3);
            for (double[] r : rows) for (int j = 0; j < r.length; j++) r[j] *= scale;
            GaussianMixtureModel model = GaussianMixture.builder().components(2).covariance(type).regularization(0).build().fit(rows);
            assertFinite(model);
            // at its own scale the data still has two clusters
            if (type == CovarianceType.FULL) {
                double[] means = {model.means()[0][0] / scale, model.means()[1][0] / scale};
                Arrays.sort(means);
                assertEquals(0, means[0], 0.3);
                assertEquals(8, means[1], 0.3);
            }
        }
    }

    @Test
    void rowWithNothingObservedIsIgnoredAndReported() {
        double[][] rows = Mixtures.separated(100, 2, 2, 4);
        rows[5] = new double[]{Double.NaN, Double.NaN};
        GaussianMixtureModel model = GaussianMixture.builder().components(2).build().fit(rows);
        assertFinite(model);
        assertEquals(1, model.ignoredRows());
        double[] posterior = model.posterior(rows[5]);
        assertArrayEquals(model.weights(), posterior, 1e-15);
        assertEquals(0.0, model.logDensity(rows[5]), 1e-12);
    }

    static void assertArrayEquals(double[] expected, double[] actual) {
        org.junit.jupiter.api.Assertions.assertArrayEquals(expected, actual, 1e-9);
    }

    static void assertArrayEquals(double[] expected, double[] actual, double delta) {
        org.junit.jupiter.api.Assertions.assertArrayEquals(expected, actual, delta);
    }

    static void assertFinite(GaussianMixtureModel model) {
        assertTrue(Double.isFinite(model.logLikelihood()), "log-likelihood " + model.logLikelihood());
        for (double w : model.weights()) assertTrue(Double.isFinite(w) && w >= 0);
        for (double[] m : model.means()) for (double v : m) assertTrue(Double.isFinite(v), "mean " + v);
        for (double[][] c : model.covariances()) for (double[] r : c) for (double v : r) assertTrue(Double.isFinite(v), "covariance " + v);
        for (double[][] c : model.precisionCholesky()) for (double[] r : c) for (double v : r) assertTrue(Double.isFinite(v), "precision " + v);
        assertTrue(Double.isFinite(model.bic()));
    }
}
