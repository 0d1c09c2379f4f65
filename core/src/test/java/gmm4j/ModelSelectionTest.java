// SPDX-License-Identifier: Apache-2.0
package gmm4j;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Choosing K and the covariance type. */
class ModelSelectionTest {
    @Test
    void informationCriteriaPickTheTrueNumberOfComponents() {
        double[][] rows = Mixtures.separated(1500, 2, 3, 12);
        for (Criterion criterion : new Criterion[]{Criterion.BIC, Criterion.ICL, Criterion.CROSS_VALIDATION}) {
            List<ModelSelection.Score> told = new CopyOnWriteArrayList<>();
            ModelSelection.Result result = ModelSelection.builder().components(1, 6)
                    .covariances(CovarianceType.scikitLearnTypes()).criterion(criterion).listener(told::add)
                    .settings(GaussianMixture.builder().restarts(2).seed(3).build())
                    .build().select(Dataset.of(rows));
            assertEquals(3, result.best().components(), criterion + ": " + result.scores());
            assertEquals(24, result.scores().size());
            // each candidate is told, and told again when a warm start raised it: the last one told is its score
            for (ModelSelection.Score s : result.scores()) {
                ModelSelection.Score last = null;
                for (ModelSelection.Score t : told) {
                    if (t.components() == s.components() && t.covariance() == s.covariance()) last = t;
                }
                assertEquals(s, last);
            }
            assertEquals(3, result.model().components());
            assertEquals(result.best().covariance(), result.model().covarianceType());
            for (ModelSelection.Score s : result.scores()) assertTrue(!s.scored() || s.value() >= result.best().value());
        }
    }

    /**
     * For every K our BIC is within 0.1% of scikit-learn's best of 10 restarts or better (the
     * optima of many-component models are local, so we take 30), and we choose the same K. The
     * restarts start as scikit-learn's do, from k-means in the data's units: our KMEANS z-scores the
     * columns, and from there finds on iris a spike of the full model with 6 components (BIC 508
     * against 574 for K = 2) that scikit-learn's restarts never reach.
     */
    @Test
    void bicTableMatchesScikitLearns() {
        for (String dataSet : SklearnTrajectoryTest.DATA_SETS) {
            double[][] rows = SklearnReference.rows(dataSet);
            for (CovarianceType type : CovarianceType.scikitLearnTypes()) {
                Map<String, Object> bicByK = Json.object(SklearnReference.type(dataSet, type), "bic_by_k");
                int sklearnBest = 1;
                int ourBest = 1;
                double ourLeast = Double.POSITIVE_INFINITY;
                for (int k = 1; k <= 6; k++) {
                    double bic = SklearnTrajectoryTest.bestOfKMeansStarts(rows, k, type, 30).bic();
                    double sklearn = ((Number) bicByK.get(String.valueOf(k))).doubleValue();
                    assertTrue(bic <= sklearn + 1e-3 * Math.abs(sklearn),
                            dataSet + " " + type + " K=" + k + ": ours " + bic + ", scikit-learn " + sklearn);
                    double best = ((Number) bicByK.get(String.valueOf(sklearnBest))).doubleValue();
                    if (sklearn < best) sklearnBest = k;
                    if (bic < ourLeast) {
                        ourLeast = bic;
                        ourBest = k;
                    }
                }
                assertEquals(sklearnBest, ourBest, dataSet + " " + type);
            }
        }
    }

    /**
     * On 20 rows in 3-D, a full covariance needs 4 rows: K = 6..10 full components cannot all have
     * them, so they are not fitted and have no score (mclust's NA), the table saying why.
     */
    @Test
    void candidatesWhoseComponentsCannotHaveTheMassTheyNeedAreNotScored() {
        double[][] rows = Mixtures.separated(20, 3, 2, 3);
        List<ModelSelection.Score> told = new CopyOnWriteArrayList<>();
        ModelSelection.Result result = ModelSelection.builder().components(1, 10).listener(told::add)
                .build().select(Dataset.of(rows));
        assertEquals(10, result.scores().size());
        assertEquals(10, told.size());
        for (ModelSelection.Score s : result.scores()) {
            if (s.components() > 5) {
                assertFalse(s.scored(), "K=" + s.components());
                assertTrue(s.unscored().startsWith("not fitted: " + s.components() + " components of 4 rows each"), s.unscored());
                assertTrue(Double.isNaN(s.value()) && Double.isNaN(s.bic()) && Double.isNaN(s.logLikelihood()));
            }
        }
        assertTrue(result.best().scored());
        assertTrue(result.best().components() <= 5);
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> ModelSelection.builder().components(6, 7).build().select(Dataset.of(rows)));
        assertTrue(e.getMessage().startsWith("No candidate can be scored:"), e.getMessage());
        assertTrue(e.getMessage().contains("K=7 FULL: not fitted: 7 components of 4 rows each"), e.getMessage());
    }

    /**
     * Three clusters of 100 rows in 5-D and five near-duplicate rows away from them: the fit with K = 4
     * puts a component on the five, whose covariance is at the regularisation floor (a likelihood
     * spike: BIC chose it before). It has no score, saying why, and the choice is the 3 clusters.
     */
    @Test
    void aSpikeOnAFewRowsHasNoScore() {
        Random random = new Random(1);
        double[][] centres = {{0, 0, 0, 0, 0}, {10, 0, 0, 0, 0}, {0, 10, 0, 0, 0}};
        double[][] rows = new double[305][5];
        for (int i = 0; i < 300; i++) {
            for (int j = 0; j < 5; j++) rows[i][j] = centres[i / 100][j] + random.nextGaussian();
        }
        for (int i = 300; i < 305; i++) {
            for (int j = 0; j < 5; j++) rows[i][j] = 5 + 1e-4 * random.nextGaussian();
        }
        // the default start, mclust's agglomeration, finds the three clusters at K = 3 and the spike at K = 4
        ModelSelection.Result result = ModelSelection.builder().components(1, 6).build().select(Dataset.of(rows));
        assertEquals(3, result.best().components(), result.scores().toString());
        ModelSelection.Score three = result.scores().get(2), four = result.scores().get(3);
        assertFalse(four.scored());
        assertTrue(four.unscored().startsWith("singular: component ") && four.unscored().contains(
                " has a mass of 5.00 rows, fewer than the 6 its covariance needs"), four.unscored());
        assertTrue(four.logLikelihood() > three.logLikelihood() + 100, "a spike: " + four.logLikelihood());
        assertTrue(Double.isNaN(four.bic()) && Double.isNaN(four.value()));
    }

    /**
     * A constant column puts every component's covariance at the floor along it, and says nothing:
     * the data are flat there too. The seed example with a third, constant column is scored as before.
     */
    @Test
    void aConstantColumnMakesNoComponentSingular() {
        double[][] rows = Csv.resource("seed-example.csv", 2);
        double[][] wider = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) wider[i] = new double[]{rows[i][0], rows[i][1], 7};
        ModelSelection.Result result = ModelSelection.builder().components(1, 4).build().select(Dataset.of(wider));
        for (ModelSelection.Score s : result.scores()) assertTrue(s.scored(), s.toString());
        assertEquals(2, result.best().components());
    }

    /**
     * Two clusters of 285 rows in 30-D: full K = 2 has 991 free parameters, more than the 570 rows,
     * yet each component has 285 rows for the 31 its covariance needs. It is scored, and chosen.
     */
    @Test
    void aCandidateWithMoreParametersThanRowsButEnoughRowsPerComponentIsScored() {
        Random random = new Random(5);
        double[][] rows = new double[570][30];
        for (int i = 0; i < rows.length; i++) {
            boolean second = i % 2 == 1;
            for (int j = 0; j < 30; j++) rows[i][j] = second ? 6 + 2 * random.nextGaussian() : random.nextGaussian();
        }
        ModelSelection.Result result = ModelSelection.builder().components(1, 3).build().select(Dataset.of(rows));
        ModelSelection.Score two = result.scores().get(1);
        assertEquals(991, two.parameters());
        assertTrue(two.scored(), two.unscored());
        assertEquals(2, result.best().components(), result.scores().toString());
        assertEquals(CovarianceType.FULL, result.best().covariance());
    }

    /**
     * Within a covariance type the log-likelihood never falls from K to a larger K (K components can
     * do all that fewer do): on the seed example, where the main job's full K = 3 fit used to end
     * 2 nats below K = 2 (stopped by the tolerance on a slow climb), for every one of the 14 types.
     */
    @Test
    void theLogLikelihoodNeverFallsAsKGrowsWithinAType() {
        Dataset data = Dataset.of(Csv.resource("seed-example.csv", 2));
        ModelSelection.Result result = ModelSelection.builder().components(1, 8).covariances(CovarianceType.values())
                .settings(GaussianMixture.builder().restarts(3).seed(100).build()).build().select(data);
        assertEquals(14 * 8, result.scores().size());
        assertNonDecreasingInK(result);
        assertTrue(result.scores().get(2).logLikelihood() >= result.scores().get(1).logLikelihood());
    }

    /** Within each type, the scored candidates' log-likelihood never falls as K grows (to rounding). */
    private static void assertNonDecreasingInK(ModelSelection.Result result) {
        ModelSelection.Score previous = null;
        for (ModelSelection.Score s : result.scores()) {
            if (previous != null && previous.covariance() != s.covariance()) previous = null;
            if (!s.scored()) continue;
            if (previous != null) {
                assertTrue(s.logLikelihood() >= previous.logLikelihood() - 1e-12 * Math.abs(previous.logLikelihood()),
                        s.covariance() + " K=" + previous.components() + " → " + s.components() + ": "
                                + previous.logLikelihood() + " → " + s.logLikelihood());
            }
            previous = s;
        }
    }

    @Test
    void bestModelIsTheFittedCandidate() {
        double[][] rows = Csv.resource("faithful.csv", 2);
        ModelSelection.Result result = ModelSelection.builder().components(1, 4).criterion(Criterion.AIC)
                .build().select(Dataset.of(rows));
        assertEquals(result.best().aic(), result.model().aic(), 1e-9);
        assertEquals(result.best().value(), result.best().aic());
        assertSame(Criterion.AIC, result.criterion());
    }

    /**
     * On data more than twice the screening size, candidates are fitted on a sample but scored on all
     * the rows, and the winner is a fit of all the rows: the same choice as without screening, the
     * same fit, while the candidates the sample ruled out keep their sample fits.
     */
    @Test
    void screeningScoresOnAllTheDataAndFitsTheWinnerOnAll() {
        double[][] rows = Mixtures.separated(30_000, 2, 3, 5);
        Dataset data = Dataset.of(rows);
        ModelSelection.Builder builder = ModelSelection.builder().components(1, 5).covariances(CovarianceType.scikitLearnTypes());
        ModelSelection.Result screened = builder.screeningRows(2_000).build().select(data);
        ModelSelection.Result exhaustive = builder.screeningRows(0).build().select(data);
        assertEquals(exhaustive.best().components(), screened.best().components());
        assertEquals(exhaustive.best().covariance(), screened.best().covariance());
        assertEquals(3, screened.best().components());
        assertNonDecreasingInK(screened);
        assertNonDecreasingInK(exhaustive);
        for (ModelSelection.Score s : screened.scores()) {
            // the criteria count all 30 000 rows, not the sample's 2 000
            assertEquals(-2 * s.logLikelihood() + s.parameters() * Math.log(30_000), s.bic(), 1e-6 * Math.abs(s.bic()));
        }
        GaussianMixtureModel model = screened.model();
        assertEquals(model.logLikelihood(data), model.logLikelihood(), 1e-9 * Math.abs(model.logLikelihood()));
        assertEquals(screened.best().logLikelihood(), model.logLikelihood(), 0.0);
        assertEquals(exhaustive.best(), screened.best());
        assertEquals(exhaustive.model().logLikelihood(), model.logLikelihood(), 0.0);
        assertTrue(screened.scores().get(0).logLikelihood() < exhaustive.scores().get(0).logLikelihood(),
                "K = 1 is ruled out by its sample fit, which is less likely on all the rows than its fit of all the rows");
    }

    @Test
    void screeningNeedsAPositiveSampleSizeOrZero() {
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> ModelSelection.builder().screeningRows(-1));
        assertTrue(e.getMessage().contains("-1"), e.getMessage());
    }

    /**
     * ICL = BIC + 2·Σ −log max_c p_c over the rows' posteriors (Biernacki et al., mclust: the MAP
     * labels' log-loss, not the posteriors' entropy), computed here one row at a time.
     */
    @Test
    void iclIsBicPlusTwiceTheLogLossOfTheMapLabels() {
        Dataset data = Dataset.of(Mixtures.separated(3_000, 3, 3, 2));
        GaussianMixtureModel model = GaussianMixture.builder().components(4).build().fit(data);
        double mapLogLoss = 0, entropy = 0;
        for (double[] p : model.posterior(data)) {
            mapLogLoss -= Math.log(java.util.Arrays.stream(p).max().orElseThrow());
            for (double v : p) if (v > 0) entropy -= v * Math.log(v);
        }
        assertTrue(mapLogLoss > 1, "overlapping components lose on their labels: " + mapLogLoss);
        assertTrue(Math.abs(mapLogLoss - entropy) > 1e-3 * entropy, "not the entropy: " + mapLogLoss + " vs " + entropy);
        assertEquals(model.bic() + 2 * mapLogLoss, model.icl(), 1e-9 * Math.abs(model.icl()));
        assertEquals(model.icl(), model.icl(data), 1e-9 * Math.abs(model.icl()));
    }

    /** Scoring several models in one pass (as screening does) gives each the score of its own pass, missing values included. */
    @Test
    void onePassScoresEachModelAsItsOwnPassWould() {
        double[][] rows = Mixtures.separated(5_000, 3, 3, 9);
        for (int i = 0; i < rows.length; i += 7) rows[i][i % 3] = Double.NaN;
        Dataset data = Dataset.of(rows);
        List<GaussianMixtureModel> models = new java.util.ArrayList<>();
        for (CovarianceType type : CovarianceType.scikitLearnTypes()) {
            models.add(GaussianMixture.builder().components(2 + type.ordinal()).covariance(type).build().fit(data));
        }
        gmm4j.internal.Likelihood[] all;
        try (gmm4j.internal.Parallel parallel = new gmm4j.internal.Parallel(2)) {
            all = GaussianMixtureModel.score(data, models, parallel);
        }
        for (int i = 0; i < models.size(); i++) {
            GaussianMixtureModel m = models.get(i);
            assertEquals(m.logLikelihood(data), all[i].logLikelihood(), 1e-9 * Math.abs(m.logLikelihood()));
            assertEquals(m.icl(data), -2 * all[i].logLikelihood() + m.parameterCount() * Math.log(all[i].weight())
                    + 2 * all[i].mapLogLoss(), 1e-9 * Math.abs(m.icl(data)));
        }
    }
}
