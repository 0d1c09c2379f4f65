// SPDX-License-Identifier: Apache-2.0
package gmm4j.smile;

import gmm4j.CovarianceType;
import gmm4j.Criterion;
import gmm4j.Initialization;
import gmm4j.ModelSelection;
import gmm4j.smile.GaussianMixtureClustering.Options;
import org.apache.commons.csv.CSVFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import smile.clustering.Clustering;
import smile.data.DataFrame;
import smile.io.Read;
import smile.stat.distribution.MultivariateGaussianDistribution;
import smile.stat.distribution.MultivariateMixture;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static gmm4j.smile.OptionsTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Prediction, scoring and input checks of a fitted model. */
class ClusteringModelTest {
    private static final double[][] IRIS = TestData.iris();

    private static Options options(int k, CovarianceType type) {
        return new Options(k, type, 100, 1E-3, 1E-6, 1, Initialization.KMEANS, 42, 1, null);
    }

    @Test
    void softPredictionFillsThePosterioriAndReturnsItsArgMax() {
        var model = GaussianMixtureClustering.fit(IRIS, options(3, CovarianceType.FULL));
        for (double[] x : IRIS) {
            double[] posteriori = new double[3];
            int label = model.predict(x, posteriori);
            assertArrayEquals(model.posteriori(x), posteriori);
            assertEquals(model.predict(x), label);
            assertEquals(1, Arrays.stream(posteriori).sum(), 1E-12);
            for (double p : posteriori) assertTrue(p <= posteriori[label]);
            assertEquals(Math.exp(model.logp(x)), model.p(x), 1E-15 * model.p(x));
        }
    }

    @Test
    void densitiesAndBicAgreeWithSmilesOwnMixtureOfTheSameParameters() {
        // Smile can build a diagonal Gaussian from plain arrays in every version: the same
        // parameters must give the same density, and Smile's BIC is −½ × ours.
        var model = GaussianMixtureClustering.fit(IRIS, options(3, CovarianceType.DIAGONAL));
        var components = new MultivariateMixture.Component[3];
        for (int c = 0; c < 3; c++) {
            double[][] cov = model.covariances()[c];
            double[] variances = new double[4];
            for (int j = 0; j < 4; j++) variances[j] = cov[j][j];
            components[c] = new MultivariateMixture.Component(model.weights()[c],
                    new MultivariateGaussianDistribution(model.means()[c], variances));
        }
        var smiles = new MultivariateMixture(components);
        for (double[] x : IRIS) assertEquals(smiles.logp(x), model.logp(x), 1E-9);
        assertEquals(-0.5 * model.bic(), smiles.bic(IRIS), 1E-8 * Math.abs(model.bic()));
    }

    @Test
    void aRowWithNothingObservedIsAnOutlierAndPartlyMissingRowsAreMarginalised() {
        double[][] data = Arrays.copyOf(IRIS, IRIS.length + 2);
        data[IRIS.length] = new double[]{Double.NaN, Double.NaN, Double.NaN, Double.NaN};
        data[IRIS.length + 1] = new double[]{5.0, Double.NaN, 1.5, Double.NaN};
        var model = GaussianMixtureClustering.fit(data, options(3, CovarianceType.FULL));
        assertEquals(Clustering.OUTLIER, model.group(IRIS.length));
        assertEquals(1, model.size(3), "Smile counts outliers last");
        assertEquals(model.predict(data[IRIS.length + 1]), model.group(IRIS.length + 1));
        assertEquals(data.length - 1, Arrays.stream(model.size()).limit(3).sum());
        assertTrue(Double.isFinite(model.logLikelihood()));
    }

    @Test
    void aDataFrameFitsLikeItsColumns() {
        DataFrame frame = DataFrame.of(IRIS, "sepal_length", "sepal_width", "petal_length", "petal_width");
        var fromFrame = GaussianMixtureClustering.fit(frame, options(2, CovarianceType.FULL), "petal_length", "petal_width");
        double[][] petals = Arrays.stream(IRIS).map(row -> new double[]{row[2], row[3]}).toArray(double[][]::new);
        var fromArrays = GaussianMixtureClustering.fit(petals, options(2, CovarianceType.FULL));
        assertArrayEquals(fromArrays.means(), fromFrame.means());
        assertArrayEquals(fromArrays.group(), fromFrame.group());
        assertEquals(2, fromFrame.means()[0].length);
    }

    @Test
    void aDataFrameWithGapsAndTextIsFittedOnItsNumbers(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("gaps.csv");
        StringBuilder text = new StringBuilder("x,y,label\n");
        for (double[] row : IRIS) text.append(row[2]).append(',').append(row[3]).append(",a\n");
        text.append("1.5,,b\n");
        Files.writeString(csv, text);
        DataFrame frame = Read.csv(csv, CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get());

        assertMessage("Column label is String, not numeric: name the numeric columns to fit.",
                () -> GaussianMixtureClustering.fit(frame, options(2, CovarianceType.FULL)));
        var model = GaussianMixtureClustering.fit(frame, options(2, CovarianceType.FULL), "x", "y");
        assertEquals(IRIS.length + 1, model.group().length);
        assertEquals(model.predict(new double[]{1.5, Double.NaN}), model.group(IRIS.length), "the gap is marginalised");
    }

    @Test
    void badInputIsRejectedWithTheProblemNamed() {
        var model = GaussianMixtureClustering.fit(IRIS, options(3, CovarianceType.FULL));
        assertMessage("The row has 2 values but the model has 4 numeric columns.", () -> model.predict(new double[2]));
        assertMessage("posteriori has 2 entries but the model has 3 components.",
                () -> model.predict(IRIS[0], new double[2]));
        assertMessage("Column 1 is Infinity: values must be finite (NaN = missing).",
                () -> model.logp(new double[]{1, Double.POSITIVE_INFINITY, 1, 1}));
        assertMessage("The data set has no rows: give at least one row.",
                () -> GaussianMixtureClustering.fit(new double[0][], 2));
        assertMessage("Row 1 has 1 values but row 0 has 2: every row needs the same number of columns.",
                () -> GaussianMixtureClustering.fit(new double[][]{{1, 2}, {3}}, 1));
        assertMessage("Cannot fit 3 components: the data have fewer than 3 distinct rows with weight. Use fewer components or more data.",
                () -> GaussianMixtureClustering.fit(new double[][]{{1, 2}, {3, 4}, {1, 2}}, 3));
        assertMessage("Row 1 has label 3: labels must be in [0, 3) or Clustering.OUTLIER.",
                () -> new GaussianMixtureClustering(model.model(), new int[]{0, 3}));
        assertMessage("The K range must satisfy 1 ≤ min ≤ max, not 3..2.",
                () -> GaussianMixtureClustering.select(IRIS, 3, 2, gmm4j.Criterion.BIC, options(1, CovarianceType.FULL)));
    }

    @Test
    void toStringShowsTheMixtureAndTheClusterSizes() {
        var model = GaussianMixtureClustering.fit(IRIS, options(3, CovarianceType.TIED));
        String text = model.toString();
        assertTrue(text.contains("3 components, TIED covariance"), text);
        assertTrue(text.contains("Cluster 3"), text);
        assertTrue(text.contains("150 (100.%)"), text);
    }

    @Test
    void selectionPicksTwoComponentsOnTheSeedExampleAndShowsTheTable() {
        var selection = GaussianMixtureClustering.select(TestData.seedExample(), 4);
        assertEquals(2, selection.model().k());
        assertEquals(4, selection.scores().size());
        double chosen = selection.best().bic();
        assertTrue(selection.scores().stream().allMatch(score -> score.bic() >= chosen));
        assertEquals(chosen, selection.model().bic());
        assertTrue(selection.toString().contains("\nchosen by BIC (lower is better): K = 2, FULL (VVV)\n"), selection.toString());
        // the core selection's start, mclust's agglomeration, which no seed changes: the core's table
        var core = ModelSelection.builder().components(1, 4).build().select(gmm4j.Dataset.of(TestData.seedExample()));
        for (int k = 0; k < 4; k++) {
            assertEquals(core.scores().get(k).logLikelihood(), selection.scores().get(k).logLikelihood(), "K = " + (k + 1));
        }
    }

    /** A candidate without a score is NA, its reason under the table: 6 components of 3 rows each are more than 15 rows. */
    @Test
    void selectionTableShowsCandidatesWithoutAScore() {
        double[][] rows = Arrays.copyOf(TestData.seedExample(), 15);
        var selection = GaussianMixtureClustering.select(rows, 6);
        ModelSelection.Score six = selection.scores().get(5);
        assertFalse(six.scored());
        assertTrue(selection.toString().contains("\n6       NA\n"), selection.toString());
        assertTrue(selection.toString().contains("\nNA = no score:\n"), selection.toString());
        assertTrue(selection.toString().contains("\n  K = 6, VVV: not fitted: 6 components of 3 rows each"), selection.toString());
    }

    /** All 14 of mclust's models on iris: a column each in mclust's order, and mclust's choice, VEV with K = 2. */
    @Test
    void selectionOverMclustsFourteenModelsPrintsTheirTable() {
        var selection = GaussianMixtureClustering.select(TestData.iris(), 1, 3, Criterion.BIC,
                new Options(1, CovarianceType.FULL, 100, 1e-3, 1e-6, 3, Initialization.KMEANS, 100, 0, null),
                CovarianceType.mclustModels());
        assertEquals(14 * 3, selection.scores().size());
        String header = selection.toString().lines().findFirst().orElseThrow();
        assertEquals(List.of("K", "EII", "VII", "EEI", "VEI", "EVI", "VVI", "EEE", "VEE", "EVE", "VVE", "EEV", "VEV", "EVV", "VVV"),
                List.of(header.strip().split(" +")), selection.toString());
        assertEquals(CovarianceType.VEV, selection.best().covariance(), selection.toString());
        assertEquals(2, selection.best().components(), selection.toString());
        assertTrue(selection.toString().contains("\nchosen by BIC (lower is better): K = 2, VEV\n"), selection.toString());
    }
}
