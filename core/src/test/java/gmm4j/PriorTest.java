// SPDX-License-Identifier: Apache-2.0
package gmm4j;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * MAP EM under a conjugate prior beyond mclust's own cases (which {@link MclustPriorTest} checks):
 * the models mclust has no prior for are refused, EM never lowers the log posterior (with missing
 * values and weights too), the prior rescues full covariances fitted to data with many missing
 * values, and the distributed seam applies it as a fit does.
 */
class PriorTest {
    private static final CovarianceType[] WITHOUT_PRIOR = {CovarianceType.VEE, CovarianceType.EVE, CovarianceType.VVE,
            CovarianceType.EVV};

    /** As mclustBIC under a prior, a selection leaves the models without one out, and says why. */
    @Test
    void aSelectionUnderThePriorLeavesOutTheModelsWithoutOne() {
        double[][] rows = MclustReference.rows("iris");
        ModelSelection.Result result = ModelSelection.builder().components(1, 3)
                .covariances(CovarianceType.FULL, CovarianceType.VEE)
                .settings(GaussianMixture.builder().prior(true).build()).build().select(Dataset.of(rows));
        assertEquals(6, result.scores().size());
        for (ModelSelection.Score s : result.scores()) {
            if (s.covariance() == CovarianceType.VEE) {
                assertTrue(!s.scored() && s.unscored().contains("no conjugate prior for VEE"), s.toString());
            } else {
                assertTrue(s.scored(), s.toString());
            }
        }
        assertEquals(CovarianceType.FULL, result.best().covariance());
        assertEquals(ConjugatePrior.mclustDefault().shrinkage(), result.model().prior().shrinkage());
    }

    @ParameterizedTest
    @EnumSource(value = CovarianceType.class, names = {"VEE", "EVE", "VVE", "EVV"})
    void theModelsMclustHasNoPriorForAreRefused(CovarianceType type) {
        assertTrue(!ConjugatePrior.supports(type));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GaussianMixture.builder().covariance(type).prior(true));
        assertTrue(e.getMessage().contains(type.mclustName()), e.getMessage());
        assertTrue(e.getMessage().contains("VVV"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> GaussianMixture.builder().prior(true).covariance(type));
    }

    @ParameterizedTest
    @EnumSource(CovarianceType.class)
    void everyOtherModelFitsUnderThePrior(CovarianceType type) {
        if (List.of(WITHOUT_PRIOR).contains(type)) return;
        assertTrue(ConjugatePrior.supports(type));
        double[][] rows = MclustReference.rows("iris");
        GaussianMixtureModel plain = GaussianMixture.builder().components(3).covariance(type).seed(1).build().fit(rows);
        GaussianMixtureModel map = GaussianMixture.builder().components(3).covariance(type).seed(1).prior(true).build()
                .fit(rows);
        assertNull(plain.prior());
        assertEquals(ConjugatePrior.DEFAULT_SHRINKAGE, map.prior().shrinkage());
        assertEquals(6, map.prior().dof());
        assertTrue(map.toString().contains("conjugate prior"), map.toString());
        assertNotEquals(plain.logLikelihood(), map.logLikelihood());
    }

    /**
     * A constant column has prior variance 0 too, so the prior scatters are singular there: the
     * models whose estimate then has no shape (VEV) fall back to each component's own posterior
     * mode, as they fall back to its own covariance without a prior.
     */
    @ParameterizedTest
    @EnumSource(CovarianceType.class)
    void aConstantColumnStillGivesAFit(CovarianceType type) {
        if (!ConjugatePrior.supports(type)) return;
        double[][] rows = new double[30][2];
        for (int i = 0; i < 30; i++) {
            rows[i][0] = 1;
            rows[i][1] = i;
        }
        GaussianMixtureModel m = GaussianMixture.builder().components(2).covariance(type).prior(true).regularization(0)
                .build().fit(rows);
        assertTrue(m.logLikelihood() > -1000, type + ": " + m.logLikelihood());
    }

    @Test
    void badPriorsAreRefusedClearly() {
        assertThrows(IllegalArgumentException.class, () -> ConjugatePrior.mclustDefault().withShrinkage(-1));
        assertThrows(IllegalArgumentException.class, () -> ConjugatePrior.mclustDefault().withDof(0));
        assertThrows(IllegalArgumentException.class, () -> ConjugatePrior.mclustDefault().withMean(new double[]{Double.NaN}));
        assertThrows(IllegalArgumentException.class,
                () -> ConjugatePrior.mclustDefault().withScale(new double[][]{{1, 0.5}, {0.4, 1}}));
        assertThrows(IllegalArgumentException.class,
                () -> ConjugatePrior.mclustDefault().withScale(new double[][]{{1, 0}, {0}}));
        GaussianMixture threeColumns = GaussianMixture.builder().components(2)
                .prior(ConjugatePrior.mclustDefault().withMean(new double[]{0, 0, 0})).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> threeColumns.fit(MclustReference.rows("faithful")));
        assertTrue(e.getMessage().contains("2 numeric columns"), e.getMessage());
    }

    /** With no more rows than columns the default scale is the variances' diagonal alone, as mclust's. */
    @Test
    void fewRowsGiveADiagonalScale() {
        double[][] rows = {{1, 2, 3, 4, 5}, {2, 1, 4, 3, 6}, {0, 2, 2, 5, 4}, {3, 3, 1, 4, 7}};
        double[][] scale = GaussianMixture.builder().prior(true).build().initialize(Dataset.of(rows)).prior().scale();
        for (int a = 0; a < 5; a++) {
            for (int b = 0; b < 5; b++) assertEquals(a == b, scale[a][b] != 0, "(" + a + ", " + b + ")");
        }
    }

    /** A given mean, dof and scale are used as given: the resolved prior reports them. */
    @Test
    void givenValuesAreUsedAsGiven() {
        double[][] scale = {{2, 0.5}, {0.5, 3}};
        ConjugatePrior given = new ConjugatePrior(0.5, new double[]{1, 60}, 7, scale);
        GaussianMixtureModel model = GaussianMixture.builder().components(2).prior(given).build()
                .fit(MclustReference.rows("faithful"));
        assertEquals(given, model.prior());
        assertEquals(given, ConjugatePrior.mclustDefault().withShrinkage(0.5).withMean(new double[]{1, 60}).withDof(7)
                .withScale(scale));
    }

    /**
     * Each iteration's parameters have a log posterior — log-likelihood plus the log density of the
     * normal-inverse-Wishart prior — at least the last one's: on complete rows, and on rows with
     * missing values and weights (exact EM's conditional moments take the prior as they are).
     */
    @Test
    void emNeverLowersTheLogPosterior() {
        double[][] rows = MclustReference.rows("iris");
        assertNonDecreasing(Dataset.of(rows));
        Random random = new Random(5);
        double[][] holed = new double[rows.length][];
        double[] weights = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            holed[i] = rows[i].clone();
            for (int j = 0; j < holed[i].length; j++) if (random.nextDouble() < 0.2) holed[i][j] = Double.NaN;
            weights[i] = 0.5 + 1.5 * random.nextDouble();
        }
        assertNonDecreasing(Dataset.of(holed, weights));
    }

    private static void assertNonDecreasing(Dataset data) {
        double before = Double.NEGATIVE_INFINITY;
        for (int t = 1; t <= 40; t++) {
            GaussianMixtureModel m = GaussianMixture.builder().components(3).prior(true).regularization(0).tolerance(0)
                    .maxIterations(t).seed(2).build().fit(data);
            double now = m.logLikelihood() + logPrior(m);
            assertTrue(now >= before - 1e-10 * Math.abs(before), "iteration " + t + ": " + before + " → " + now);
            before = now;
        }
    }

    /** Σ_c log N(μ_c | μ_P, Σ_c/κ) + log IW(Σ_c | ν, Λ), without the constants. */
    private static double logPrior(GaussianMixtureModel m) {
        ConjugatePrior p = m.prior();
        double[] mu = p.mean();
        double[][] lambda = p.scale();
        int d = mu.length;
        double sum = 0;
        for (int c = 0; c < m.components(); c++) {
            double[][] sigma = m.covariances()[c];
            double[][] inverse = Matrices.square(new double[d * d], d);
            double logDet = invert(sigma, inverse);
            double[] offset = new double[d];
            for (int j = 0; j < d; j++) offset[j] = m.means()[c][j] - mu[j];
            double quadratic = 0, trace = 0;
            for (int a = 0; a < d; a++) {
                for (int b = 0; b < d; b++) {
                    quadratic += offset[a] * inverse[a][b] * offset[b];
                    trace += lambda[a][b] * inverse[b][a];
                }
            }
            sum += -0.5 * logDet - 0.5 * p.shrinkage() * quadratic - 0.5 * (p.dof() + d + 1) * logDet - 0.5 * trace;
        }
        return sum;
    }

    /** The inverse of a positive definite matrix by Gauss–Jordan, into {@code out}; returns log det. */
    private static double invert(double[][] m, double[][] out) {
        int d = m.length;
        double[][] a = new double[d][2 * d];
        for (int i = 0; i < d; i++) {
            System.arraycopy(m[i], 0, a[i], 0, d);
            a[i][d + i] = 1;
        }
        double logDet = 0;
        for (int col = 0; col < d; col++) {
            double pivot = a[col][col];
            logDet += Math.log(pivot);
            for (int j = 0; j < 2 * d; j++) a[col][j] /= pivot;
            for (int r = 0; r < d; r++) {
                if (r == col) continue;
                double f = a[r][col];
                for (int j = 0; j < 2 * d; j++) a[r][j] -= f * a[col][j];
            }
        }
        for (int i = 0; i < d; i++) System.arraycopy(a[i], d, out[i], 0, d);
        return logDet;
    }

    /**
     * The case: 178 rows × 13 correlated columns in three clusters (the size of UCI's wine),
     * 30% of the values dropped at random, full covariances, K = 3. Exact EM without a prior drives
     * covariance eigenvalues to about 1e-5 and the held-out log-likelihood to thousands below the
     * truth's; with mclust's default prior the smallest eigenvalue stays near 0.05 and the held-out
     * log-likelihood near the truth's (about −23 per row).
     */
    @Test
    void thePriorRescuesFullCovariancesWithManyMissingValues() {
        Random random = new Random(1);
        int d = 13;
        int[] sizes = {59, 71, 48};
        double[][] means = new double[3][d];
        double[][][] factors = new double[3][d][d];
        for (int c = 0; c < 3; c++) {
            for (int j = 0; j < d; j++) means[c][j] = 2.5 * random.nextGaussian();
            for (int a = 0; a < d; a++) {
                for (int b = 0; b < d; b++) factors[c][a][b] = (a == b ? 0.5 : 0) + 0.35 * random.nextGaussian();
            }
        }
        double[][] train = sample(random, sizes, means, factors), heldOut = sample(random, sizes, means, factors);
        for (double[] row : train) for (int j = 0; j < d; j++) if (random.nextDouble() < 0.3) row[j] = Double.NaN;

        GaussianMixture.Builder settings = GaussianMixture.builder().components(3).maxIterations(500).seed(1);
        GaussianMixtureModel exact = settings.build().fit(train);
        GaussianMixtureModel map = settings.prior(true).build().fit(train);
        double exactHeldOut = exact.meanLogLikelihood(Dataset.of(heldOut));
        double mapHeldOut = map.meanLogLikelihood(Dataset.of(heldOut));

        assertTrue(mapHeldOut > -30, "held-out mean log-likelihood with the prior: " + mapHeldOut);
        assertTrue(mapHeldOut > exactHeldOut + 100, "with the prior " + mapHeldOut + ", without " + exactHeldOut);
        assertTrue(smallestEigenvalue(map) > 1e-2, "smallest eigenvalue with the prior: " + smallestEigenvalue(map));
        assertTrue(smallestEigenvalue(exact) < 1e-3, "smallest eigenvalue without: " + smallestEigenvalue(exact));
    }

    private static double[][] sample(Random random, int[] sizes, double[][] means, double[][][] factors) {
        int d = means[0].length;
        List<double[]> rows = new ArrayList<>();
        for (int c = 0; c < sizes.length; c++) {
            for (int s = 0; s < sizes[c]; s++) {
                double[] z = new double[d];
                for (int j = 0; j < d; j++) z[j] = random.nextGaussian();
                double[] row = means[c].clone();
                for (int a = 0; a < d; a++) for (int b = 0; b < d; b++) row[a] += factors[c][a][b] * z[b];
                rows.add(row);
            }
        }
        return rows.toArray(new double[0][]);
    }

    private static double smallestEigenvalue(GaussianMixtureModel m) {
        double smallest = Double.POSITIVE_INFINITY;
        for (double[][] sigma : m.covariances()) {
            int d = sigma.length;
            double[] values = gmm4j.internal.SymmetricEigenAccess.values(Matrices.flat(sigma), d);
            for (double v : values) smallest = Math.min(smallest, v);
        }
        return smallest;
    }

    /** The seam's M-step under the prior is a fit's, to the bit, over the engine's tree nodes. */
    @ParameterizedTest
    @EnumSource(value = CovarianceType.class, names = {"FULL", "TIED", "DIAGONAL", "EEI", "VEV"})
    void sufficientStatisticsApplyThePriorAsAFitDoes(CovarianceType type) {
        int n = 5000, d = 4;
        double[][] rows = Mixtures.separated(n, d, 3, 12);
        double[] weights = new double[n];
        for (int i = 0; i < n; i++) {
            if (i % 29 == 3) rows[i][i % d] = Double.NaN;
            weights[i] = 0.5 + (i % 3) * 0.5;
        }
        Dataset data = Dataset.of(rows, weights);
        GaussianMixture settings = GaussianMixture.builder().components(3).covariance(type).prior(true).seed(3).build();
        GaussianMixtureModel start = settings.initialize(data);
        GaussianMixtureModel expected = settings.toBuilder().maxIterations(1).build().fit(data);
        int[] cuts = SufficientStatistics.treeCuts(n, 2);
        List<SufficientStatistics> parts = new ArrayList<>();
        for (int p = 0; p + 1 < cuts.length; p++) {
            parts.add(SufficientStatistics.of(start, data.select(IntStream.range(cuts[p], cuts[p + 1]).toArray())));
        }
        GaussianMixtureModel actual = SufficientStatistics.mergeAll(parts).estimate(settings);
        assertArrayEquals(expected.weights(), actual.weights());
        assertArrayEquals(expected.means(), actual.means());
        assertArrayEquals(expected.covariances(), actual.covariances());
        assertEquals(expected.prior(), actual.prior());

        GaussianMixtureModel plainStart = settings.toBuilder().prior(false).build().initialize(data);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SufficientStatistics.of(plainStart, data).estimate(settings));
        assertTrue(e.getMessage().contains("initialize"), e.getMessage());
    }
}
