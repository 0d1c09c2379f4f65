// SPDX-License-Identifier: Apache-2.0
package gmm4j;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Promises of the engine: monotone EM, thread-count independence, weights, posteriors, serialisation. */
class EngineGuaranteesTest {
    /** Not VVE: mclust's VVE M-step, which gmm4j follows, is not the exact maximiser (see MclustTrajectoryTest). */
    @ParameterizedTest
    @EnumSource(value = CovarianceType.class, names = "VVE", mode = EnumSource.Mode.EXCLUDE)
    void emNeverDecreasesTheLogLikelihood(CovarianceType type) {
        Random random = new Random(11);
        for (int trial = 0; trial < 15; trial++) {
            int n = 50 + random.nextInt(400);
            int d = 1 + random.nextInt(5);
            int k = 1 + random.nextInt(4);
            double[][] rows = Mixtures.random(n, d, random);
            GaussianMixtureModel model = GaussianMixture.builder().components(k).covariance(type)
                    .init(Initialization.values()[trial % 4]).tolerance(0).maxIterations(60)
                    .regularization(0).seed(trial).build().fit(rows);
            if (!model.repairs().isEmpty()) continue; // a re-seed or jitter legitimately changes the objective
            double[] trace = model.restarts().get(0).trace();
            for (int t = 1; t < trace.length; t++) {
                assertTrue(trace[t] >= trace[t - 1] - 1e-12 * Math.abs(trace[t - 1]),
                        "trial " + trial + ": iteration " + (t + 1) + " went from " + trace[t - 1] + " to " + trace[t]);
            }
            assertTrue(model.meanLogLikelihood() >= trace[trace.length - 1] - 1e-12 * Math.abs(trace[trace.length - 1]));
        }
    }

    @ParameterizedTest
    @EnumSource(CovarianceType.class)
    void modelIsBitIdenticalForAnyThreadCount(CovarianceType type) {
        double[][] rows = Mixtures.separated(9000, 4, 3, 5);
        rows[17][2] = Double.NaN;
        rows[4000][0] = Double.NaN;
        GaussianMixtureModel one = fit(rows, type, 1);
        for (int threads : new int[]{2, 8}) {
            GaussianMixtureModel many = fit(rows, type, threads);
            assertArrayEquals(one.weights(), many.weights());
            assertTrue(Arrays.deepEquals(one.means(), many.means()));
            assertTrue(Arrays.deepEquals(one.covariances(), many.covariances()));
            assertEquals(one.logLikelihood(), many.logLikelihood());
            assertEquals(one.iterations(), many.iterations());
        }
    }

    private static GaussianMixtureModel fit(double[][] rows, CovarianceType type, int threads) {
        return GaussianMixture.builder().components(3).covariance(type).restarts(2).seed(9).threads(threads)
                .build().fit(rows);
    }

    @ParameterizedTest
    @EnumSource(CovarianceType.class)
    void integerWeightsEqualRepeatedRows(CovarianceType type) {
        double[][] rows = Csv.resource("faithful.csv", 2);
        double[] weights = new double[rows.length];
        List<double[]> repeated = new ArrayList<>();
        for (int i = 0; i < rows.length; i++) {
            weights[i] = i % 4;
            for (int r = 0; r < weights[i]; r++) repeated.add(rows[i]);
        }
        StartingParameters start = new StartingParameters(new double[]{0.5, 0.5},
                new double[][]{{2, 55}, {4.5, 80}}, new double[][][]{{{1, 0}, {0, 30}}, {{1, 0}, {0, 30}}});
        GaussianMixture settings = GaussianMixture.builder().start(start).covariance(type).tolerance(0).maxIterations(50).build();
        GaussianMixtureModel weighted = settings.fit(Dataset.of(rows, weights));
        GaussianMixtureModel copies = settings.fit(repeated.toArray(new double[0][]));
        assertEquals(copies.logLikelihood(), weighted.logLikelihood(), 1e-8 * Math.abs(copies.logLikelihood()));
        assertArrayEquals(copies.weights(), weighted.weights(), 1e-10);
        for (int c = 0; c < 2; c++) {
            assertArrayEquals(copies.means()[c], weighted.means()[c], 1e-9);
            for (int j = 0; j < 2; j++) assertArrayEquals(copies.covariances()[c][j], weighted.covariances()[c][j], 1e-8);
        }
        assertEquals(copies.bic(), weighted.bic(), 1e-6);
    }

    /**
     * A categorical column with a single level changes no likelihood, but sends every row through
     * the row-by-row E-step instead of the column-wise block one: the two must agree.
     */
    @ParameterizedTest
    @EnumSource(CovarianceType.class)
    void rowByRowAndColumnWiseEStepsAgree(CovarianceType type) {
        double[][] rows = Csv.resource("iris.csv", 4);
        int[][] codes = new int[rows.length][1];
        GaussianMixture settings = GaussianMixture.builder().components(3).covariance(type).seed(2).tolerance(0)
                .maxIterations(30).build();
        GaussianMixtureModel columnWise = settings.fit(Dataset.of(rows));
        GaussianMixtureModel rowByRow = settings.fit(Dataset.of(rows, null, codes, new int[]{1}));
        assertEquals(columnWise.logLikelihood(), rowByRow.logLikelihood(), 1e-9 * Math.abs(columnWise.logLikelihood()));
        for (int c = 0; c < 3; c++) {
            assertArrayEquals(columnWise.means()[c], rowByRow.means()[c], 1e-9);
            assertEquals(columnWise.weights()[c], rowByRow.weights()[c], 1e-12);
        }
    }

    @Test
    void wrappedRowMajorDataFitLikeCopiedRows() {
        double[][] rows = Csv.resource("faithful.csv", 2);
        double[] flat = new double[rows.length * 2];
        for (int i = 0; i < rows.length; i++) System.arraycopy(rows[i], 0, flat, 2 * i, 2);
        GaussianMixture settings = GaussianMixture.builder().components(2).seed(3).build();
        GaussianMixtureModel copied = settings.fit(Dataset.of(rows));
        GaussianMixtureModel wrapped = settings.fit(Dataset.wrapRowMajor(flat, rows.length, 2, null));
        assertEquals(copied.logLikelihood(), wrapped.logLikelihood());
        assertTrue(Arrays.deepEquals(copied.means(), wrapped.means()));
        flat[7] = Double.NEGATIVE_INFINITY;
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> Dataset.wrapRowMajor(flat, rows.length, 2, null));
        assertTrue(e.getMessage().contains("Row 3, column 1"), e.getMessage());
    }

    @Test
    void posteriorsSumToOneAndAgreeWithPredictions() {
        double[][] rows = Csv.resource("iris.csv", 4);
        GaussianMixtureModel model = GaussianMixture.builder().components(3).seed(1).build().fit(rows);
        double[][] posterior = model.posterior(Dataset.of(rows));
        int[] labels = model.predict(Dataset.of(rows));
        for (int i = 0; i < rows.length; i++) {
            assertEquals(1.0, Arrays.stream(posterior[i]).sum(), 1e-12);
            // a data set's posteriors come from the Vector API's kernels where the JVM has them, which
            // fold a mean into its product as scikit-learn does (a few bits of iris's 5.8 cm given up);
            // one row's from the scalar loops
            assertArrayEquals(posterior[i], model.posterior(rows[i]), 1e-13);
            assertEquals(labels[i], model.predict(rows[i]));
            for (double p : posterior[i]) assertTrue(p >= 0 && p <= 1);
        }
        double[] partial = {Double.NaN, 3.0, Double.NaN, 0.2};
        assertEquals(1.0, Arrays.stream(model.posterior(partial)).sum(), 1e-12);
    }

    @Test
    void logDensityIsANormalisedDensity() {
        // the 1-D mixture density integrates to one
        double[][] rows = new double[400][1];
        Random random = new Random(3);
        for (int i = 0; i < rows.length; i++) rows[i][0] = i % 2 == 0 ? random.nextGaussian() : 5 + random.nextGaussian();
        GaussianMixtureModel model = GaussianMixture.builder().components(2).seed(2).build().fit(rows);
        double integral = 0, step = 1e-3;
        for (double x = -15; x < 20; x += step) integral += Math.exp(model.logDensity(new double[]{x})) * step;
        assertEquals(1.0, integral, 1e-6);
        // and the model's log-likelihood is the sum of row log densities
        double sum = Arrays.stream(model.logDensity(Dataset.of(rows))).sum();
        assertEquals(model.logLikelihood(), sum, 1e-9 * Math.abs(sum));
    }

    @Test
    void serialisedModelScoresTheSame() throws Exception {
        double[][] rows = Csv.resource("iris.csv", 4);
        GaussianMixtureModel model = GaussianMixture.builder().components(3).covariance(CovarianceType.TIED).seed(4).build().fit(rows);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(model);
        }
        GaussianMixtureModel copy;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            copy = (GaussianMixtureModel) in.readObject();
        }
        assertEquals(model.logLikelihood(Dataset.of(rows)), copy.logLikelihood(Dataset.of(rows)));
        assertTrue(Arrays.deepEquals(model.covariances(), copy.covariances()));
        assertEquals(model.restarts().size(), copy.restarts().size());
    }

    @Test
    void listenerSeesEveryIterationAndCanCancel() {
        double[][] rows = Csv.resource("seed-example.csv", 2);
        List<Double> seen = new ArrayList<>();
        GaussianMixtureModel full = GaussianMixture.builder().components(2).tolerance(0).maxIterations(12).restarts(2)
                .listener((restart, iteration, ll) -> seen.add(ll)).build().fit(rows);
        assertEquals(24, seen.size());
        assertFalse(full.cancelled());

        List<Integer> iterations = new ArrayList<>();
        GaussianMixtureModel stopped = GaussianMixture.builder().components(2).tolerance(0).maxIterations(50).restarts(3)
                .listener((restart, iteration, ll) -> {
                    iterations.add(iteration);
                    return iteration < 4;
                }).build().fit(rows);
        assertTrue(stopped.cancelled());
        assertEquals(4, stopped.iterations());
        assertEquals(List.of(1, 2, 3, 4), iterations);
        assertEquals(1, stopped.restarts().size());
        assertTrue(Double.isFinite(stopped.logLikelihood()));
    }

    /** Random responsibilities start every component near the grand mean, so they need a tight tolerance to get away. */
    @Test
    void cancellingALaterRestartMarksTheModelCancelled() {
        double[][] rows = Csv.resource("iris.csv", 4);
        GaussianMixtureModel model = GaussianMixture.builder().components(3).restarts(3).seed(1)
                .listener((restart, iteration, ll) -> restart < 1 || iteration < 2).build().fit(rows);
        assertTrue(model.cancelled());
        assertEquals(2, model.restarts().size());
    }

    @Test
    void componentDensitiesCombineIntoTheMixtureDensity() {
        double[][] rows = Csv.resource("iris.csv", 4);
        GaussianMixtureModel model = GaussianMixture.builder().components(3).seed(1).build().fit(rows);
        double[] x = {5.9, Double.NaN, 4.2, 1.3};
        double[] perComponent = model.logComponentDensities(x, null);
        double density = 0;
        for (int c = 0; c < 3; c++) density += model.weights()[c] * Math.exp(perComponent[c]);
        assertEquals(model.logDensity(x), Math.log(density), 1e-12);
        double[] posterior = model.posterior(x);
        for (int c = 0; c < 3; c++) assertEquals(posterior[c], model.weights()[c] * Math.exp(perComponent[c]) / density, 1e-12);
    }

    @ParameterizedTest
    @EnumSource(Initialization.class)
    void everyInitialisationFindsTheSeedExampleClusters(Initialization init) {
        double[][] rows = Csv.resource("seed-example.csv", 2);
        GaussianMixtureModel model = GaussianMixture.builder().components(2).init(init).restarts(3).seed(5)
                .tolerance(1e-9).maxIterations(2000).build().fit(rows);
        assertEquals(-2.7555622697802056, model.meanLogLikelihood(), 1e-5);
    }

    @Test
    void samplesReproduceTheModel() {
        double[][] rows = Csv.resource("seed-example.csv", 2);
        GaussianMixtureModel model = GaussianMixture.builder().components(2).seed(1).build().fit(rows);
        Sample sample = model.sample(40000, new Random(8));
        GaussianMixtureModel refit = GaussianMixture.builder().components(2).seed(1).build().fit(sample.rows());
        double[][] a = model.means(), b = refit.means();
        int match = Math.abs(a[0][0] - b[0][0]) < Math.abs(a[0][0] - b[1][0]) ? 0 : 1;
        for (int c = 0; c < 2; c++) {
            int o = c == 0 ? match : 1 - match;
            assertArrayEquals(a[c], b[o], 0.03);
            assertEquals(model.weights()[c], refit.weights()[o], 0.01);
        }
        long first = Arrays.stream(sample.components()).filter(c -> c == 0).count();
        assertEquals(model.weights()[0], first / 40000.0, 0.01);
    }
}
