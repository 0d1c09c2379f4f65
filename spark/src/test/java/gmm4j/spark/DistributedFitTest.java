// SPDX-License-Identifier: Apache-2.0
package gmm4j.spark;

import gmm4j.CovarianceType;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The distributed fit against the core's fit of the same rows, and its transform. */
class DistributedFitTest extends WithSpark {
    /** The build's profile ran the tests on the Spark it names. */
    @Test
    void runsOnTheSparkTheBuildNames() {
        assertEquals(System.getProperty("spark.version"), spark.version());
    }

    /** Every covariance type, with missing values and weights, over 4 partitions: the core's fit to 1e-10. */
    @ParameterizedTest
    @EnumSource(CovarianceType.class)
    void equalsTheCoreFitWithMissingValuesAndWeights(CovarianceType type) {
        LocalSpark.Rows rows = LocalSpark.clusters(1500, 3, 3, 0.05, 11);
        GaussianMixture estimator = new GaussianMixture().setK(3).setCovarianceType(type.name()).setTol(1e-5)
                .setMaxIter(40).setSeed(5).setWeightCol("weight");
        GaussianMixtureModel model = estimator.fit(LocalSpark.frame(spark, rows, 4));
        gmm4j.GaussianMixtureModel core = estimator.toCoreSettings().fit(rows.core(true));

        FitAssertions.assertSameFit(core, model);
        assertTrue(core.iterations() > 2, "a fit of several iterations: " + core.iterations());
    }

    /** A noise component, or the conjugate prior (MAP EM), with missing values and weights: the core's fit to 1e-10. */
    @ParameterizedTest
    @ValueSource(strings = {"noise", "prior"})
    void equalsTheCoreFitWithNoiseOrThePrior(String option) {
        LocalSpark.Rows rows = LocalSpark.clusters(1200, 3, 3, 0.05, 17);
        rows.values()[7] = new double[]{60, -60, 60}; // an outlier for the noise
        GaussianMixture estimator = new GaussianMixture().setK(3).setTol(1e-5).setMaxIter(40).setSeed(5)
                .setWeightCol("weight").setNoise(option.equals("noise")).setPrior(option.equals("prior"));
        GaussianMixtureModel model = estimator.fit(LocalSpark.frame(spark, rows, 4));
        gmm4j.GaussianMixtureModel core = estimator.toCoreSettings().fit(rows.core(true));

        FitAssertions.assertSameFit(core, model);
        gmm4j.GaussianMixtureModel fitted = model.toCoreModel();
        assertEquals(core.hasNoise(), fitted.hasNoise());
        assertEquals(core.prior(), fitted.prior());
        if (option.equals("noise")) {
            FitAssertions.assertRelative(core.noiseWeight(), fitted.noiseWeight(), "noise weight");
            assertEquals(4, model.summary().clusterSizes().length);
            assertEquals(gmm4j.GaussianMixtureModel.NOISE, core.predict(rows.values()[7]));
            Row outlier = model.transform(LocalSpark.frame(spark, new LocalSpark.Rows(new double[][]{rows.values()[7]},
                    new double[]{1}), 1)).select("prediction").first();
            assertEquals(gmm4j.GaussianMixtureModel.NOISE, outlier.getInt(0));
        } else {
            assertTrue(core.prior() != null);
        }
    }

    /** Two restarts from k-means++, unit weights: the core keeps the same restart with the same seeds. */
    @Test
    void restartsMatchTheCore() {
        LocalSpark.Rows rows = LocalSpark.clusters(800, 2, 4, 0, 3);
        GaussianMixture estimator = new GaussianMixture().setK(4).setCovarianceType("Diag").setInitMode("k-means++")
                .setRestarts(2).setSeed(9).setTol(1e-6);
        GaussianMixtureModel model = estimator.fit(LocalSpark.frame(spark, rows, 3));
        gmm4j.GaussianMixtureModel core = estimator.toCoreSettings().fit(rows.core(false));

        FitAssertions.assertSameFit(core, model);
        assertEquals(2, model.summary().restartLogLikelihoods().length);
        for (int r = 0; r < 2; r++) {
            FitAssertions.assertRelative(core.restarts().get(r).meanLogLikelihood(),
                    model.summary().restartLogLikelihoods()[r] / model.summary().totalWeight(), "restart " + r);
        }
    }

    /** transform: each row's prediction and probability are the core model's, with missing values. */
    @Test
    void transformScoresEachRowWithTheCoreModel() {
        LocalSpark.Rows rows = LocalSpark.clusters(300, 3, 2, 0.1, 21);
        Dataset<Row> frame = LocalSpark.frame(spark, rows, 2);
        GaussianMixtureModel model = new GaussianMixture().setK(2).setMaxIter(5).fit(frame)
                .setPredictionCol("cluster").setProbabilityCol("p");
        List<Row> out = model.transform(frame).select("features", "cluster", "p").collectAsList();
        gmm4j.GaussianMixtureModel core = model.toCoreModel();
        long[] sizes = new long[2];
        for (Row row : out) {
            double[] x = ((Vector) row.get(0)).toArray();
            assertEquals(core.predict(x), row.getInt(1));
            assertArrayEquals(core.posterior(x), ((Vector) row.get(2)).toArray(), 0);
            sizes[row.getInt(1)]++;
        }
        assertArrayEquals(sizes, model.summary().clusterSizes());
        assertEquals(300, sizes[0] + sizes[1]);
    }

    /** More rows than initSampleSize: the start comes from a seeded sample; the same fit twice, near the core's optimum. */
    @Test
    void aSampledStartIsDeterministic() {
        LocalSpark.Rows rows = LocalSpark.clusters(1200, 2, 3, 0, 8);
        Dataset<Row> frame = LocalSpark.frame(spark, rows, 3);
        GaussianMixture estimator = new GaussianMixture().setK(3).setInitSampleSize(200).setSeed(4);
        GaussianMixtureModel first = estimator.fit(frame);
        GaussianMixtureModel second = estimator.fit(frame);
        gmm4j.GaussianMixtureModel core = estimator.toCoreSettings().fit(rows.core(false));

        assertArrayEquals(first.toCoreModel().means(), second.toCoreModel().means());
        assertEquals(first.summary().logLikelihood(), second.summary().logLikelihood());
        assertEquals(core.meanLogLikelihood(), first.summary().meanLogLikelihood(), 1e-3);
    }

    // ---- bad input: an IllegalArgumentException naming the column and the row -------------------

    @Test
    void aFeaturesColumnOfNumbersIsRejected() {
        Dataset<Row> frame = LocalSpark.frame(spark, LocalSpark.clusters(10, 2, 1, 0, 1), 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new GaussianMixture().setFeaturesCol("weight").fit(frame));
        assertTrue(e.getMessage().startsWith("Column 'weight' must hold vectors"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new GaussianMixture().setFeaturesCol("x").fit(frame));
        assertTrue(e.getMessage().startsWith("There is no column 'x'"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new GaussianMixture().setWeightCol("features").fit(frame));
        assertTrue(e.getMessage().startsWith("Column 'features' must hold numbers"), e.getMessage());
    }

    @Test
    void mixedDimensionsAreRejectedWithTheRow() {
        double[][] values = {{1, 2}, {3, 4}, {5, 6, 7}, {8, 9}};
        assertBadRow(values, new double[]{1, 1, 1, 1}, 1,
                "Row 2: column 'features' has 3 values but the rows before it have 2");
        // The bad row first in its partition: found by the driver, comparing partitions.
        assertBadRow(values, new double[]{1, 1, 1, 1}, 2, "Row 2: column 'features' has 3 values but row 0 has 2");
    }

    @Test
    void badWeightsAreRejectedWithTheRowAndValue() {
        double[][] values = {{1, 2}, {3, 4}, {5, 6}, {7, 8}, {9, 10}};
        for (double bad : new double[]{-1, Double.NaN, Double.POSITIVE_INFINITY}) {
            assertBadRow(values, new double[]{1, 1, 1, bad, 1}, 2,
                    "Row 3: column 'weight' is " + bad + ": weights must be finite and not negative.");
        }
    }

    @Test
    void infiniteValuesAreRejectedWithTheRowAndValue() {
        double[][] values = {{1, 2}, {3, 4}, {5, Double.NEGATIVE_INFINITY}, {7, 8}};
        assertBadRow(values, new double[]{1, 1, 1, 1}, 2,
                "Row 2: column 'features' has -Infinity at position 1: values must be finite (NaN marks a missing value).");
    }

    private static void assertBadRow(double[][] values, double[] weights, int partitions, String message) {
        Dataset<Row> frame = LocalSpark.frame(spark, new LocalSpark.Rows(values, weights), partitions);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new GaussianMixture().setWeightCol("weight").fit(frame));
        assertTrue(e.getMessage().startsWith(message), e.getMessage());
    }
}
