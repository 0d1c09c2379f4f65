// SPDX-License-Identifier: Apache-2.0
package gmm4j;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Settings at their limits work, or fail at build time with a clear message (issue 15, points 6 and 8). */
class LimitsTest {
    private static final double[][] SIX = {{0, 0}, {1, 0}, {0, 1}, {9, 9}, {10, 9}, {9, 10}};

    @Test
    void runUntilConvergedNeedsNoMemoryForTheIterationsItDoesNotRun() {
        GaussianMixtureModel model = GaussianMixture.builder().components(2).maxIterations(Integer.MAX_VALUE).build().fit(SIX);
        assertTrue(model.converged());
        assertEquals(model.iterations(), model.restarts().get(0).trace().length);
    }

    /** More threads than a ForkJoinPool runs: refused by the builder, naming the limit (it was an exception with message null, at fit time). */
    @Test
    void tooManyThreadsAreRefusedAtBuildTimeNamingTheLimit() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GaussianMixture.builder().threads(40_000));
        assertEquals("threads must be 0 (one per core) to " + FitSettings.MAX_THREADS + ", not 40000.", e.getMessage());
        assertEquals(32_767, FitSettings.MAX_THREADS);
        assertEquals(2, GaussianMixture.builder().components(2).threads(FitSettings.MAX_THREADS).build().fit(SIX).components());
    }

    /** Level counts near Integer.MAX_VALUE: refused by the data set, naming the column (it was a NegativeArraySizeException at fit time). */
    @Test
    void hugeLevelCountsAreRefusedNamingTheColumn() {
        double[][] rows = {{0}, {1}, {2}};
        int[][] codes = {{0, 0}, {1, 1}, {2, 0}};
        IllegalArgumentException one = assertThrows(IllegalArgumentException.class,
                () -> Dataset.of(rows, null, codes, new int[]{3, Integer.MAX_VALUE}));
        assertTrue(one.getMessage().startsWith("Categorical column 1 has 2147483647 levels: at most " + Dataset.MAX_LEVELS), one.getMessage());
        int half = Dataset.MAX_LEVELS / 2 + 1;
        IllegalArgumentException sum = assertThrows(IllegalArgumentException.class,
                () -> Dataset.of(rows, null, codes, new int[]{half, half}));
        assertTrue(sum.getMessage().startsWith("Categorical column 1 brings the levels of all categorical columns to " + 2L * half),
                sum.getMessage());

        double[][] many = new double[130][1];
        int[][] manyCodes = new int[130][1];
        for (int i = 0; i < many.length; i++) {
            many[i][0] = i;
            manyCodes[i][0] = i;
        }
        Dataset wide = Dataset.of(many, null, manyCodes, new int[]{Dataset.MAX_LEVELS});
        IllegalArgumentException fit = assertThrows(IllegalArgumentException.class,
                () -> GaussianMixture.builder().components(130).covariance(CovarianceType.SPHERICAL).build().fit(wide));
        assertEquals("Cannot fit 130 components to 1 numeric column and " + Dataset.MAX_LEVELS
                + " categorical levels: that needs 2181038210 means and level probabilities, more than the longest array a Java VM allocates ("
                + GaussianMixtureModel.MAX_SAMPLE + ").", fit.getMessage());
    }

    /** Drawing more rows than an array holds: a clear error saying the most it can draw (it was an OutOfMemoryError). */
    @Test
    void drawingMoreRowsThanAnArrayHoldsIsRefused() {
        GaussianMixtureModel model = GaussianMixture.builder().components(2).build().fit(SIX);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> model.sample(Integer.MAX_VALUE, new Random(1)));
        assertEquals("Cannot draw 2147483647 rows: at most " + GaussianMixtureModel.MAX_SAMPLE
                + " (the longest array a Java VM allocates).", e.getMessage());
        assertEquals(5, model.sample(5, new Random(1)).rows().length);
    }

    /** +0.0 and −0.0 are one value: two rows differing only in the sign of a zero are not two distinct rows. */
    @Test
    void signedZerosAreOneValueWhenCountingDistinctRows() {
        Dataset zeros = Dataset.of(new double[][]{{0.0, 1}, {-0.0, 1}, {0.0, 1}});
        assertEquals(1, zeros.distinctRows(3));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GaussianMixture.builder().components(2).build().fit(zeros));
        assertTrue(e.getMessage().contains("fewer than 2 distinct rows"), e.getMessage());
        assertEquals(2, Dataset.of(new double[][]{{0.0, Double.NaN}, {-0.0, Double.NaN}, {1, Double.NaN}}).distinctRows(3));
    }

    /**
     * Candidates whose components cannot all have the mass their covariance needs (3 rows for a full
     * one in 2-D: K > 100 on 300 rows) would be singular whatever their fit: they are not fitted at
     * all, and have no score.
     */
    @Test
    void candidatesThatCanNeverBeChosenAreNotFitted() {
        Random random = new Random(3);
        double[][] rows = new double[300][2];
        for (double[] row : rows) {
            row[0] = random.nextGaussian();
            row[1] = random.nextGaussian();
        }
        List<Integer> fitted = new ArrayList<>();
        ModelSelection.Result result = ModelSelection.builder().components(1, 300).covariances(CovarianceType.FULL)
                .iterationListener((k, type, restart, iteration, ll) -> {
                    synchronized (fitted) {
                        if (!fitted.contains(k)) fitted.add(k);
                    }
                })
                .build().select(Dataset.of(rows));
        // a full covariance in 2 dimensions needs 3 rows: K ≤ 100 on 300 rows
        assertEquals(100, fitted.stream().mapToInt(Integer::intValue).max().orElseThrow(), fitted.toString());
        assertEquals(300, result.scores().size());
        assertTrue(result.scores().stream().allMatch(s -> s.components() <= 100 || s.unscored().startsWith("not fitted")));

        IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
                () -> ModelSelection.builder().components(3, 4).covariances(CovarianceType.FULL).build().select(Dataset.of(SIX)));
        assertTrue(none.getMessage().startsWith("No candidate can be scored:"), none.getMessage());
        assertTrue(none.getMessage().contains("K=3 FULL: not fitted: 3 components of "), none.getMessage());
    }

    /**
     * A row so far from every component that each density underflows to 0 still gets the posterior
     * of its log-space distances (the E-step never leaves the logarithm), not equal shares.
     */
    @Test
    void aRowBeyondEveryDensityGetsThePosteriorOfItsLogSpaceDistances() {
        Random random = new Random(4);
        double[][] rows = new double[200][2];
        for (int i = 0; i < rows.length; i++) {
            double centre = i % 2 == 0 ? 0 : 6;
            rows[i][0] = centre + random.nextGaussian();
            rows[i][1] = -centre + random.nextGaussian();
        }
        GaussianMixtureModel model = GaussianMixture.builder().components(2).build().fit(rows);
        for (double[] far : new double[][]{{1e5, -1e5}, {-1e5, 1e5}, {3e4, 2e4}}) {
            assertTrue(model.logDensity(far) < -1e8, "the row lies beyond every density");
            assertEquals(0.0, Math.exp(model.logDensity(far)), "exp(log-density) underflows to 0");
            double[] logJoint = new double[2];
            for (int c = 0; c < 2; c++) logJoint[c] = logJoint(model, c, far);
            double max = Math.max(logJoint[0], logJoint[1]);
            double sum = Math.exp(logJoint[0] - max) + Math.exp(logJoint[1] - max);
            double[] posterior = model.posterior(far);
            for (int c = 0; c < 2; c++) assertEquals(Math.exp(logJoint[c] - max) / sum, posterior[c], 1e-9);
            int nearer = logJoint[0] > logJoint[1] ? 0 : 1;
            assertEquals(1.0, posterior[nearer], 1e-9, "not equal shares: the nearer component in log space takes the row");
            assertEquals(nearer, model.predict(far));
        }
    }

    /** log π_c + log N(x | μ_c, Σ_c) for two dimensions, from the model's parameters. */
    private static double logJoint(GaussianMixtureModel model, int c, double[] x) {
        double[] mu = model.means()[c];
        double[][] s = model.covariances()[c];
        double det = s[0][0] * s[1][1] - s[0][1] * s[1][0];
        double a = x[0] - mu[0];
        double b = x[1] - mu[1];
        double mahalanobis = (s[1][1] * a * a - 2 * s[0][1] * a * b + s[0][0] * b * b) / det;
        return Math.log(model.weights()[c]) - Math.log(2 * Math.PI) - 0.5 * Math.log(det) - 0.5 * mahalanobis;
    }
}
