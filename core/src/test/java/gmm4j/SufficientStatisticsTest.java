// SPDX-License-Identifier: Apache-2.0
package gmm4j;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The public seam a distributed engine runs EM through: the start {@code initialize} gives, one
 * E-step per part ({@code of}), {@code merge} and the M-step ({@code estimate}) give the model a
 * one-iteration {@code fit} gives: to the bit when the parts are the engine's own tree nodes, to
 * 1e-12 otherwise. The data have weights, missing values and a categorical column, so every kind of
 * statistic is in play.
 */
class SufficientStatisticsTest {
    private static final int N = 9000; // nine chunks: the engine's tree is not a perfect one
    private static final int D = 5;
    private static final int K = 3;

    private static Dataset data() {
        double[][] rows = Mixtures.separated(N, D, K, 21);
        double[] weights = new double[N];
        int[][] categories = new int[N][1];
        for (int i = 0; i < N; i++) {
            if (i % 37 == 5) rows[i][i % D] = Double.NaN;
            weights[i] = 0.5 + (i % 4) * 0.5;
            categories[i][0] = i % 50 == 3 ? -1 : (i % K + (i % 7 == 0 ? 1 : 0)) % 3;
        }
        return Dataset.of(rows, weights, categories, new int[]{3});
    }

    private static GaussianMixture settings(CovarianceType type) {
        return GaussianMixture.builder().components(K).covariance(type).seed(4).build();
    }

    private static GaussianMixtureModel oneIteration(GaussianMixture settings, Dataset data) {
        return settings.toBuilder().maxIterations(1).build().fit(data);
    }

    private static Dataset rows(Dataset data, int from, int to) {
        return data.select(IntStream.range(from, to).toArray());
    }

    @ParameterizedTest
    @EnumSource(CovarianceType.class)
    void initializeGivesTheStartOfTheFirstRestart(CovarianceType type) {
        Dataset data = data();
        GaussianMixtureModel start = settings(type).initialize(data);
        GaussianMixtureModel fitted = oneIteration(settings(type), data);
        double first = fitted.restarts().get(0).trace()[0];
        assertEquals(first, start.meanLogLikelihood(), 1e-12 * Math.abs(first));
        assertEquals(0, start.iterations());
        assertFalse(start.converged());
    }

    @ParameterizedTest
    @EnumSource(CovarianceType.class)
    void oneIterationOverTheEnginesTreeNodesIsFitToTheBit(CovarianceType type) {
        Dataset data = data();
        GaussianMixture settings = settings(type);
        GaussianMixtureModel start = settings.initialize(data);
        GaussianMixtureModel expected = oneIteration(settings, data);

        assertSameToTheBit(expected, SufficientStatistics.of(start, data).estimate(settings));

        int[] cuts = SufficientStatistics.treeCuts(N, 2);
        assertArrayEquals(new int[]{0, 2048, 4096, 6144, N}, cuts);
        List<SufficientStatistics> parts = new ArrayList<>();
        for (int p = 0; p + 1 < cuts.length; p++) parts.add(SufficientStatistics.of(start, rows(data, cuts[p], cuts[p + 1])));
        assertSameToTheBit(expected, SufficientStatistics.mergeAll(parts).estimate(settings));
    }

    @Test
    void withANoiseComponentOneIterationOverTheTreeIsFitToTheBit() {
        Dataset data = data();
        GaussianMixture settings = settings(CovarianceType.FULL).toBuilder().noise(true).build();
        GaussianMixtureModel start = settings.initialize(data);
        GaussianMixtureModel expected = oneIteration(settings, data);
        List<SufficientStatistics> parts = new ArrayList<>();
        int[] cuts = SufficientStatistics.treeCuts(N, 2);
        for (int p = 0; p + 1 < cuts.length; p++) parts.add(SufficientStatistics.of(start, rows(data, cuts[p], cuts[p + 1])));
        GaussianMixtureModel estimated = SufficientStatistics.mergeAll(parts).estimate(settings);
        assertSameToTheBit(expected, estimated);
        assertTrue(estimated.hasNoise());
        assertEquals(expected.noiseWeight(), estimated.noiseWeight());
        assertEquals(expected.noiseVolume(), estimated.noiseVolume());
        SufficientStatistics without = SufficientStatistics.of(settings(CovarianceType.FULL).initialize(data), data);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> parts.get(0).merge(without));
        assertTrue(e.getMessage().contains("noise component"), e.getMessage());
    }

    @ParameterizedTest
    @EnumSource(CovarianceType.class)
    void partsCutAnywhereGiveTheFitTo1e12(CovarianceType type) {
        Dataset data = data();
        GaussianMixture settings = settings(type);
        GaussianMixtureModel start = settings.initialize(data);
        GaussianMixtureModel expected = oneIteration(settings, data);
        int[] cuts = {0, 1000, 3333, 3334, 7001, N};
        SufficientStatistics total = null;
        for (int p = 0; p + 1 < cuts.length; p++) {
            SufficientStatistics part = SufficientStatistics.of(start, rows(data, cuts[p], cuts[p + 1]));
            total = total == null ? part : total.merge(part);
        }
        assertClose(expected, total.estimate(settings), 1e-12);
        assertEquals(SufficientStatistics.of(start, data).logLikelihood(), total.logLikelihood(),
                1e-12 * Math.abs(total.logLikelihood()));
        assertEquals(data.totalWeight(), total.totalWeight(), 1e-12 * data.totalWeight());
    }

    @Test
    void mergeIsAssociativeAndLeavesItsOperandsAlone() {
        Dataset data = data();
        GaussianMixture settings = settings(CovarianceType.FULL);
        GaussianMixtureModel start = settings.initialize(data);
        SufficientStatistics a = SufficientStatistics.of(start, rows(data, 0, 2500));
        SufficientStatistics b = SufficientStatistics.of(start, rows(data, 2500, 6000));
        SufficientStatistics c = SufficientStatistics.of(start, rows(data, 6000, N));
        double before = a.logLikelihood();
        GaussianMixtureModel left = a.merge(b).merge(c).estimate(settings);
        GaussianMixtureModel right = a.merge(b.merge(c)).estimate(settings);
        assertClose(left, right, 1e-12);
        assertEquals(before, a.logLikelihood(), 0.0);
    }

    @Test
    void statisticsTravelAsBytes() throws Exception {
        Dataset data = data();
        GaussianMixture settings = settings(CovarianceType.TIED);
        GaussianMixtureModel start = settings.initialize(data);
        int[] cuts = SufficientStatistics.treeCuts(N, 3);
        List<SufficientStatistics> parts = new ArrayList<>();
        for (int p = 0; p + 1 < cuts.length; p++) {
            parts.add(roundTrip(SufficientStatistics.of(start, rows(data, cuts[p], cuts[p + 1]))));
        }
        assertSameToTheBit(oneIteration(settings, data), SufficientStatistics.mergeAll(parts).estimate(settings));
    }

    /**
     * A component started far from every row collapses; the repair works from the statistics alone.
     * A fit's last iteration never repairs, so the seam's first M-step is compared with the first of a
     * two-iteration fit: the same repair, and the same parameters (the second E-step's log-likelihood, to the bit).
     */
    @Test
    void aCollapsedComponentIsRepairedAsFitRepairsIt() {
        Dataset data = Dataset.of(Mixtures.separated(3000, D, K, 8));
        double[][] means = new double[K + 1][D];
        double[][][] covariances = new double[K + 1][D][D];
        for (int c = 0; c <= K; c++) {
            java.util.Arrays.fill(means[c], c < K ? 8.0 * c : 400);
            for (int j = 0; j < D; j++) covariances[c][j][j] = 1;
        }
        double[] weights = {0.3, 0.3, 0.3, 0.1};
        GaussianMixture settings = GaussianMixture.builder().start(new StartingParameters(weights, means, covariances))
                .covariance(CovarianceType.FULL).build();
        GaussianMixtureModel expected = settings.toBuilder().maxIterations(2).build().fit(data);
        GaussianMixtureModel estimated = SufficientStatistics.of(settings.initialize(data), data).estimate(settings);
        assertEquals(Repair.Kind.COMPONENT_RESEEDED, expected.repairs().get(0).kind());
        assertEquals(1, expected.repairs().get(0).iteration());
        assertEquals(List.of(expected.repairs().get(0)), estimated.repairs());
        SufficientStatistics next = SufficientStatistics.of(estimated, data);
        assertEquals(expected.restarts().get(0).trace()[1], next.logLikelihood() / next.totalWeight());
    }

    @Test
    void statisticsOfDifferentModelsDoNotMix() {
        Dataset data = data();
        SufficientStatistics full = SufficientStatistics.of(settings(CovarianceType.FULL).initialize(data), data);
        SufficientStatistics diagonal = SufficientStatistics.of(settings(CovarianceType.DIAGONAL).initialize(data), data);
        IllegalArgumentException mixed = assertThrows(IllegalArgumentException.class, () -> full.merge(diagonal));
        assertTrue(mixed.getMessage().contains("same model"), mixed.getMessage());
        IllegalArgumentException other = assertThrows(IllegalArgumentException.class,
                () -> diagonal.estimate(settings(CovarianceType.TIED)));
        assertTrue(other.getMessage().contains("TIED"), other.getMessage());
        // a spherical M-step reads a diagonal's per-axis moments; a spherical model's keep only their sum
        assertEquals(CovarianceType.SPHERICAL, diagonal.estimate(settings(CovarianceType.SPHERICAL)).covarianceType());
        SufficientStatistics spherical = SufficientStatistics.of(settings(CovarianceType.SPHERICAL).initialize(data), data);
        IllegalArgumentException fewer = assertThrows(IllegalArgumentException.class,
                () -> spherical.estimate(settings(CovarianceType.DIAGONAL)));
        assertTrue(fewer.getMessage().contains("DIAGONAL"), fewer.getMessage());
    }

    @Test
    void treeCutsFollowTheChunks() {
        assertArrayEquals(new int[]{0, 10}, SufficientStatistics.treeCuts(10, 3));
        assertArrayEquals(new int[]{0, 1024, 2048, 2500}, SufficientStatistics.treeCuts(2500, 2));
        assertThrows(IllegalArgumentException.class, () -> SufficientStatistics.treeCuts(0, 1));
        assertThrows(IllegalArgumentException.class, () -> SufficientStatistics.mergeAll(List.of()));
    }

    private static SufficientStatistics roundTrip(SufficientStatistics s) throws IOException, ClassNotFoundException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(s);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (SufficientStatistics) in.readObject();
        }
    }

    private static void assertSameToTheBit(GaussianMixtureModel expected, GaussianMixtureModel actual) {
        assertClose(expected, actual, 0.0);
    }

    private static void assertClose(GaussianMixtureModel expected, GaussianMixtureModel actual, double relative) {
        assertEquals(expected.covarianceType(), actual.covarianceType());
        assertArrays(expected.weights(), actual.weights(), relative, "weights");
        for (int c = 0; c < expected.components(); c++) {
            assertArrays(expected.means()[c], actual.means()[c], relative, "mean " + c);
            for (int j = 0; j < expected.dimension(); j++) {
                assertArrays(expected.covariances()[c][j], actual.covariances()[c][j], relative, "covariance " + c);
            }
            double[][] levels = expected.levelProbabilities()[c];
            for (int j = 0; j < levels.length; j++) {
                assertArrays(levels[j], actual.levelProbabilities()[c][j], relative, "levels " + c);
            }
        }
    }

    private static void assertArrays(double[] expected, double[] actual, double relative, String what) {
        assertEquals(expected.length, actual.length, what);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], relative * Math.max(1, Math.abs(expected[i])), what + "[" + i + "]");
        }
    }

    /** fitted: a loop's own EM run handed back with the fit's diagnostics is what fit returns. */
    @Test
    void fittedCarriesTheLoopsDiagnostics() {
        Dataset data = data();
        GaussianMixture settings = settings(CovarianceType.FULL).toBuilder().maxIterations(3).tolerance(0).build();
        GaussianMixtureModel expected = settings.fit(data);
        GaussianMixtureModel model = settings.initialize(data);
        double[] trace = new double[3];
        for (int iteration = 0; iteration < 3; iteration++) {
            SufficientStatistics s = SufficientStatistics.of(model, data);
            trace[iteration] = s.logLikelihood() / s.totalWeight();
            model = s.estimate(settings);
        }
        double mapLogLoss = (expected.icl() - expected.bic()) / 2;
        SufficientStatistics last = SufficientStatistics.of(model, data);
        RestartSummary summary = new RestartSummary(0, 3, false, last.logLikelihood() / last.totalWeight(), trace,
                StopReason.MAX_ITERATIONS);
        GaussianMixtureModel fitted = last.fitted(model, mapLogLoss, 3, StopReason.MAX_ITERATIONS, List.of(summary), List.of());

        assertEquals(3, fitted.iterations());
        assertEquals(StopReason.MAX_ITERATIONS, fitted.stopReason());
        assertFalse(fitted.converged());
        assertEquals(expected.logLikelihood(), fitted.logLikelihood(), 1e-12 * Math.abs(expected.logLikelihood()));
        assertEquals(expected.bic(), fitted.bic(), 1e-12 * Math.abs(expected.bic()));
        assertEquals(expected.icl(), fitted.icl(), 1e-12 * Math.abs(expected.icl()));
        assertEquals(expected.ignoredRows(), fitted.ignoredRows());
        assertArrayEquals(expected.restarts().get(0).trace(), fitted.restarts().get(0).trace(), 1e-12);
        assertArrayEquals(expected.means()[1], model.means()[1], 1e-9);
        assertThrows(IllegalArgumentException.class, () -> last.fitted(settings(CovarianceType.DIAGONAL).initialize(data),
                mapLogLoss, 3, StopReason.MAX_ITERATIONS, List.of(summary), List.of()));
        GaussianMixtureModel end = model;
        assertThrows(IllegalArgumentException.class, () -> last.fitted(end, -1, 3, StopReason.MAX_ITERATIONS,
                List.of(summary), List.of()));
    }

    /**
     * scoreOf: the final pass, in parts over the engine's tree, gives the fit's log-likelihood, weight
     * and MAP log-loss (its ICL) and counts each row's most probable component, noise included; it
     * merges only with its own kind and takes no M-step.
     */
    @ParameterizedTest
    @EnumSource(CovarianceType.class)
    void scoreOfIsTheFitsFinalScoreWithItsLabels(CovarianceType type) {
        Dataset data = data();
        GaussianMixtureModel fit = settings(type).toBuilder().noise(type == CovarianceType.DIAGONAL).build().fit(data);
        int[] cuts = SufficientStatistics.treeCuts(N, 2);
        List<SufficientStatistics> parts = new ArrayList<>();
        for (int p = 0; p + 1 < cuts.length; p++) parts.add(SufficientStatistics.scoreOf(fit, rows(data, cuts[p], cuts[p + 1])));
        SufficientStatistics score = SufficientStatistics.mergeAll(parts);

        assertEquals(fit.logLikelihood(), score.logLikelihood(), 1e-12 * Math.abs(fit.logLikelihood()));
        assertEquals(fit.icl(), fit.bic() + 2 * score.mapLogLoss(), 1e-12 * Math.abs(fit.icl()));
        long[] expected = new long[fit.components() + (fit.hasNoise() ? 1 : 0)];
        int[] labels = fit.predict(data);
        for (int i = 0; i < N; i++) expected[labels[i] == GaussianMixtureModel.NOISE ? fit.components() : labels[i]]++;
        assertArrayEquals(expected, score.mapLabels());
        assertEquals(null, SufficientStatistics.of(fit, data).mapLabels());
        assertThrows(IllegalStateException.class, () -> score.estimate(settings(type)));
        assertThrows(IllegalArgumentException.class, () -> score.merge(SufficientStatistics.of(fit, data)));
    }
}
