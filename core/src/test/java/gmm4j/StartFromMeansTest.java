// SPDX-License-Identifier: Apache-2.0
package gmm4j;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * scikit-learn's {@code means_init} ({@link StartingParameters#ofMeans}) and {@code warm_start}
 * ({@link GaussianMixture.Builder#warmStart(GaussianMixtureModel)}).
 */
class StartFromMeansTest {
    private static final double[][] ROWS = Csv.resource("seed-example.csv", 2);
    /** Far from the fitted means, so that the start is seen to be these. */
    private static final double[][] MEANS = {{3.5, 2.5}, {1.5, 5.5}};
    private static final double REGULARIZATION = 1e-6;

    /** What the start should be, computed here by hand: each row to its nearest mean, each group's covariance. */
    private static double[][][] nearestMeanCovariances(double[][] means) {
        int k = means.length;
        double[] count = new double[k];
        double[][] sum = new double[k][2];
        double[][][] square = new double[k][2][2];
        for (double[] x : ROWS) {
            int c = 0;
            for (int o = 1; o < k; o++) if (distance(x, means[o]) < distance(x, means[c])) c = o;
            count[c]++;
            for (int i = 0; i < 2; i++) {
                sum[c][i] += x[i];
                for (int j = 0; j < 2; j++) square[c][i][j] += x[i] * x[j];
            }
        }
        double[][][] covariances = new double[k][2][2];
        for (int c = 0; c < k; c++) {
            for (int i = 0; i < 2; i++) {
                for (int j = 0; j < 2; j++) {
                    covariances[c][i][j] = square[c][i][j] / count[c] - sum[c][i] * sum[c][j] / (count[c] * count[c])
                            + (i == j ? REGULARIZATION : 0);
                }
            }
        }
        return covariances;
    }

    private static double distance(double[] x, double[] mean) {
        return Math.hypot(x[0] - mean[0], x[1] - mean[1]);
    }

    private static void assertClose(double[][][] expected, double[][][] actual, double tolerance) {
        for (int c = 0; c < expected.length; c++) {
            for (int i = 0; i < expected[c].length; i++) assertArrayEquals(expected[c][i], actual[c][i], tolerance, "component " + c);
        }
    }

    @Test
    void aStartFromMeansHasEqualWeightsTheMeansAndTheNearestMeanCovariances() {
        StartingParameters start = StartingParameters.ofMeans(MEANS);
        assertArrayEquals(new double[]{0.5, 0.5}, start.weights());
        assertNull(start.covariances());
        GaussianMixtureModel initial = GaussianMixture.builder().start(start).regularization(REGULARIZATION).build()
                .initialize(Dataset.of(ROWS));
        assertEquals(0, initial.iterations());
        assertArrayEquals(new double[]{0.5, 0.5}, initial.weights(), 1e-15);
        assertArrayEquals(MEANS[0], initial.means()[0], 1e-15);
        assertArrayEquals(MEANS[1], initial.means()[1], 1e-15);
        assertClose(nearestMeanCovariances(MEANS), initial.covariances(), 1e-9);
    }

    @Test
    void theCovarianceTypeShapesTheEstimatedCovariances() {
        double[][][] full = nearestMeanCovariances(MEANS);
        GaussianMixtureModel diagonal = GaussianMixture.builder().start(StartingParameters.ofMeans(MEANS))
                .covariance(CovarianceType.DIAGONAL).regularization(REGULARIZATION).build().initialize(Dataset.of(ROWS));
        for (int c = 0; c < 2; c++) {
            assertEquals(0, diagonal.covariances()[c][0][1]);
            assertEquals(full[c][0][0], diagonal.covariances()[c][0][0], 1e-9);
            assertEquals(full[c][1][1], diagonal.covariances()[c][1][1], 1e-9);
        }
    }

    @Test
    void aFitFromMeansFindsTheSeedExamplesComponents() {
        GaussianMixtureModel model = GaussianMixture.builder().start(StartingParameters.ofMeans(MEANS)).build()
                .fit(ROWS);
        assertTrue(model.converged());
        // The components keep the order of the means they started from.
        assertArrayEquals(SeedExampleTest.SKLEARN_MEANS[0], model.means()[0], 0.05);
        assertArrayEquals(SeedExampleTest.SKLEARN_MEANS[1], model.means()[1], 0.05);
    }

    @Test
    void meansOfAnotherDimensionOrNoneAreRefused() {
        GaussianMixture threeColumns = GaussianMixture.builder().start(StartingParameters.ofMeans(new double[][]{{1, 2, 3}})).build();
        assertThrows(IllegalArgumentException.class, () -> threeColumns.fit(ROWS));
        assertThrows(IllegalArgumentException.class, () -> StartingParameters.ofMeans(new double[0][]));
        assertThrows(IllegalArgumentException.class, () -> StartingParameters.ofMeans(new double[][]{{1, Double.NaN}}));
    }

    @Test
    void aWarmStartContinuesWhereTheFitStopped() {
        // Two means close together near the middle of the data: EM separates them slowly.
        double[][] close = {{3.0, 4.0}, {3.1, 3.9}};
        GaussianMixture tenIterations = GaussianMixture.builder().start(StartingParameters.ofMeans(close))
                .covariance(CovarianceType.TIED).tolerance(0).maxIterations(10).build();
        GaussianMixtureModel ten = tenIterations.fit(ROWS);
        GaussianMixtureModel five = tenIterations.toBuilder().maxIterations(5).build().fit(ROWS);
        double[] trace = ten.restarts().get(0).trace();
        // Other settings (here FULL and three restarts) give way to the model's type and one restart.
        GaussianMixtureModel fivePlusFive = GaussianMixture.builder().covariance(CovarianceType.FULL).restarts(3)
                .tolerance(0).maxIterations(5).warmStart(five).build().fit(ROWS);
        assertEquals(CovarianceType.TIED, fivePlusFive.covarianceType());
        assertEquals(1, fivePlusFive.restarts().size());
        assertEquals(5, fivePlusFive.iterations());
        // The last five iterations gain far more than the tolerance below: a warm start that began
        // anywhere else could not land on the ten-iteration fit.
        assertTrue(ten.logLikelihood() > five.logLikelihood() + 100, java.util.Arrays.toString(trace));
        assertEquals(ten.logLikelihood(), fivePlusFive.logLikelihood(), 1e-9 * Math.abs(ten.logLikelihood()));
        assertArrayEquals(ten.weights(), fivePlusFive.weights(), 1e-9);
        for (int c = 0; c < 2; c++) assertArrayEquals(ten.means()[c], fivePlusFive.means()[c], 1e-9);
        assertClose(ten.covariances(), fivePlusFive.covariances(), 1e-9);
    }
}
