// SPDX-License-Identifier: Apache-2.0
package gmm4j;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * mclust's noise component (issue: the outlier model): on two blobs and an outlier at x = 1000, K = 2
 * with noise finds the blobs and calls the outlier noise; the noise is counted in BIC, in
 * posteriors, predictions and samples; model selection carries it; data without a volume are refused.
 */
class NoiseTest {
    private static final double[][] ROWS = OutlierRepairTest.blobsAndOutlier(1000);
    private static final double[][] TRUTH = {{0, 0}, {6, -6}};

    private static GaussianMixtureModel fit(CovarianceType type, long seed) {
        return GaussianMixture.builder().components(2).covariance(type).noise(true).seed(seed).build().fit(ROWS);
    }

    /** The component whose mean is nearest {@code point}. */
    private static int nearest(GaussianMixtureModel model, double[] point) {
        double[][] means = model.means();
        int best = 0;
        for (int c = 1; c < means.length; c++) if (distance(means[c], point) < distance(means[best], point)) best = c;
        return best;
    }

    private static double distance(double[] a, double[] b) {
        return Math.hypot(a[0] - b[0], a[1] - b[1]);
    }

    @Test
    void theBlobsGetAComponentEachAndTheOutlierIsNoise() {
        for (CovarianceType type : new CovarianceType[]{CovarianceType.FULL, CovarianceType.DIAGONAL, CovarianceType.TIED, CovarianceType.EEV}) {
            for (long seed = 0; seed < 5; seed++) {
                GaussianMixtureModel model = fit(type, seed);
                String where = type + " seed " + seed + ": " + model;
                int first = nearest(model, TRUTH[0]), second = nearest(model, TRUTH[1]);
                assertTrue(first != second, "one component per blob: " + where);
                assertTrue(distance(model.means()[first], TRUTH[0]) < 0.2, where);
                assertTrue(distance(model.means()[second], TRUTH[1]) < 0.2, where);
                assertEquals(GaussianMixtureModel.NOISE, model.predict(ROWS[600]), where);
                int[] labels = model.predict(Dataset.of(ROWS));
                for (int i = 0; i < 600; i++) assertEquals(i < 300 ? first : second, labels[i], "row " + i + ", " + where);
                assertEquals(GaussianMixtureModel.NOISE, labels[600]);
                assertTrue(model.noiseWeight() > 0.5 / 601 && model.noiseWeight() < 2.0 / 601, "π₀ about 1/601: " + where);
                assertTrue(model.converged(), where);
            }
        }
    }

    /** The noise and the prior together, as mclust's {@code Mclust(..., prior = priorControl(), initialization = list(noise = ...))}. */
    @Test
    void theNoiseWorksUnderTheConjugatePrior() {
        GaussianMixtureModel plain = fit(CovarianceType.FULL, 0);
        GaussianMixtureModel map = GaussianMixture.builder().components(2).covariance(CovarianceType.FULL).noise(true)
                .prior(true).seed(0).build().fit(ROWS);
        assertEquals(ConjugatePrior.mclustDefault().shrinkage(), map.prior().shrinkage());
        int first = nearest(map, TRUTH[0]), second = nearest(map, TRUTH[1]);
        assertTrue(first != second, map.toString());
        assertTrue(distance(map.means()[first], TRUTH[0]) < 0.2, map.toString());
        assertTrue(distance(map.means()[second], TRUTH[1]) < 0.2, map.toString());
        assertEquals(GaussianMixtureModel.NOISE, map.predict(ROWS[600]));
        assertTrue(map.noiseWeight() > 0.5 / 601 && map.noiseWeight() < 2.0 / 601, map.toString());
        assertTrue(map.logLikelihood() != plain.logLikelihood(), "the prior changes the fit");
        assertTrue(Double.isFinite(map.bic()));
    }

    @Test
    void theNoiseIsLastInThePosteriorAndCountsTwoParametersInBic() {
        GaussianMixtureModel model = fit(CovarianceType.FULL, 0);
        double[] posterior = model.posterior(ROWS[600]);
        assertEquals(3, posterior.length);
        assertEquals(1, posterior[2], 1e-12, "the outlier is noise");
        assertEquals(1, posterior[0] + posterior[1] + posterior[2], 1e-12);
        assertEquals(1, model.noiseWeight() + model.weights()[0] + model.weights()[1], 1e-12);
        assertEquals(3, model.logComponentDensities(ROWS[0], null).length);
        assertEquals(-Math.log(model.noiseVolume()), model.logComponentDensities(ROWS[0], null)[2], 1e-12, "1/V");
        // K − 1 + K·d + K·d(d+1)/2 = 1 + 4 + 6, plus π₀ and V as mclust counts them
        assertEquals(13, model.parameterCount());
        assertEquals(-2 * model.logLikelihood() + 13 * Math.log(601), model.bic(), 1e-9);
        assertTrue(model.toString().contains("noise: weight 0.0017"), model.toString());
        double[][] all = model.posterior(Dataset.of(ROWS));
        assertEquals(3, all[0].length);
        assertArrayEquals(posterior, all[600], 1e-15);
    }

    @Test
    void theLogLikelihoodIncludesTheNoiseTerm() {
        GaussianMixtureModel model = fit(CovarianceType.FULL, 0);
        double[][] means = model.means();
        double[][][] covariances = model.covariances();
        double[] weights = model.weights();
        double sum = 0;
        for (double[] row : ROWS) {
            double p = model.noiseWeight() / model.noiseVolume();
            for (int c = 0; c < 2; c++) p += weights[c] * gaussian(row, means[c], covariances[c]);
            sum += Math.log(p);
        }
        assertEquals(sum, model.logLikelihood(), 1e-9 * Math.abs(sum));
        assertEquals(sum, model.logLikelihood(Dataset.of(ROWS)), 1e-9 * Math.abs(sum));
    }

    private static double gaussian(double[] x, double[] mean, double[][] s) {
        double det = s[0][0] * s[1][1] - s[0][1] * s[1][0];
        double a = x[0] - mean[0], b = x[1] - mean[1];
        double q = (s[1][1] * a * a - 2 * s[0][1] * a * b + s[0][0] * b * b) / det;
        return Math.exp(-q / 2) / (2 * Math.PI * Math.sqrt(det));
    }

    @Test
    void withoutNoiseNothingChanges() {
        GaussianMixtureModel model = GaussianMixture.builder().components(2).build().fit(ROWS);
        assertFalse(model.hasNoise());
        assertEquals(0, model.noiseWeight());
        assertEquals(2, model.posterior(ROWS[0]).length);
        assertThrows(IllegalStateException.class, model::noiseVolume);
    }

    @Test
    void samplesDrawNoiseRowsUniformlyFromTheBox() {
        GaussianMixtureModel model = fit(CovarianceType.FULL, 0);
        int n = 200_000;
        Sample sample = model.sample(n, new Random(5));
        int noise = 0;
        double low = Double.POSITIVE_INFINITY, high = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            if (sample.components()[i] != GaussianMixtureModel.NOISE) continue;
            noise++;
            low = Math.min(low, sample.rows()[i][0]);
            high = Math.max(high, sample.rows()[i][0]);
        }
        double expected = n * model.noiseWeight();
        assertEquals(expected, noise, 5 * Math.sqrt(expected), "noise rows drawn by π₀");
        // the box spans the data: from the blobs (about −3) to the outlier (1000)
        assertTrue(low < 100 && high > 900, low + " .. " + high);
        assertTrue(low > -20 && high < 1020, low + " .. " + high);
    }

    @Test
    void modelSelectionCarriesTheNoiseAndPrefersTwoComponents() {
        ModelSelection.Result result = ModelSelection.builder().components(1, 4).covariances(CovarianceType.FULL)
                .settings(GaussianMixture.builder().noise(true).build()).build().select(Dataset.of(ROWS));
        assertTrue(result.model().hasNoise());
        assertEquals(2, result.model().components(), "with noise the outlier needs no component: " + result.scores());
        assertEquals(13, result.model().parameterCount());
        ModelSelection.Result without = ModelSelection.builder().components(1, 4).covariances(CovarianceType.FULL)
                .build().select(Dataset.of(ROWS));
        // without noise the outlier takes a component of its own, a singular one: those candidates have no score
        assertTrue(without.scores().stream().anyMatch(s -> !s.scored() && s.unscored().startsWith("singular")
                && s.unscored().contains("mass of 1.00 rows")), "the outlier alone in a component: " + without.scores());
        assertTrue(without.best().bic() > result.best().bic(), "the noise explains the data better: " + without.scores());
    }

    @Test
    void missingValuesAndCategoricalColumns() {
        Random random = new Random(2);
        double[][] rows = new double[ROWS.length][];
        int[][] codes = new int[ROWS.length][1];
        for (int i = 0; i < ROWS.length; i++) {
            rows[i] = ROWS[i].clone();
            if (i % 10 == 3) rows[i][i % 2] = Double.NaN;
            codes[i][0] = i < 300 ? (random.nextDouble() < 0.9 ? 0 : 2) : i < 600 ? 1 : 2;
        }
        GaussianMixtureModel model = GaussianMixture.builder().components(2).noise(true).build()
                .fit(Dataset.of(rows, null, codes, new int[]{3}));
        // with missing values V is the bounding box of the observed values
        assertEquals((1000 - min(rows, 0)) * (max(rows, 1) - min(rows, 1)), model.noiseVolume(), 1e-9 * model.noiseVolume());
        assertEquals(GaussianMixtureModel.NOISE, model.predict(rows[600], codes[600]));
        // a categorical column is uniform over its levels under the noise
        double[] complete = model.logComponentDensities(new double[]{1, 1}, new int[]{1});
        assertEquals(-Math.log(model.noiseVolume()) - Math.log(3), complete[2], 1e-12);
        // a row with a missing value: the box's extent along the observed column
        double[] marginal = model.logComponentDensities(new double[]{Double.NaN, 1}, new int[]{-1});
        assertEquals(-Math.log(max(rows, 1) - min(rows, 1)), marginal[2], 1e-12);
        assertEquals(3, model.posterior(new double[]{Double.NaN, Double.NaN}, new int[]{-1}).length);
    }

    private static double min(double[][] rows, int j) {
        double m = Double.POSITIVE_INFINITY;
        for (double[] r : rows) if (!Double.isNaN(r[j])) m = Math.min(m, r[j]);
        return m;
    }

    private static double max(double[][] rows, int j) {
        double m = Double.NEGATIVE_INFINITY;
        for (double[] r : rows) if (!Double.isNaN(r[j])) m = Math.max(m, r[j]);
        return m;
    }

    @Test
    void dataWithoutAVolumeAreRefused() {
        double[][] rows = new double[50][];
        for (int i = 0; i < rows.length; i++) rows[i] = new double[]{i, 5};
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GaussianMixture.builder().noise(true).build().fit(rows));
        assertTrue(e.getMessage().contains("numeric column 1 is constant (5.0)"), e.getMessage());
        for (int i = 0; i < rows.length; i++) rows[i] = new double[]{i, 2 * i};
        e = assertThrows(IllegalArgumentException.class, () -> GaussianMixture.builder().noise(true).build().fit(rows));
        assertTrue(e.getMessage().contains("on a plane of fewer than 2 dimensions"), e.getMessage());
    }

    @Test
    void theSettingIsKeptAndShown() {
        GaussianMixture settings = GaussianMixture.builder().noise(true).build();
        assertTrue(settings.noise());
        assertTrue(settings.settings().noise());
        assertTrue(settings.toString().contains("noise=true"));
        assertFalse(FitSettings.defaults().noise());
        assertTrue(settings.toBuilder().components(3).build().noise());
    }
}
