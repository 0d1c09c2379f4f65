// SPDX-License-Identifier: Apache-2.0
package gmm4j.spark;

import gmm4j.Criterion;
import gmm4j.ModelSelection;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** GaussianMixtureSelection: every candidate is the core's fit from the same start; the best by the criterion is kept. */
class SelectionTest extends WithSpark {
    @Test
    void everyCandidateIsTheCoreFitAndTheBestIsChosen() {
        LocalSpark.Rows rows = LocalSpark.clusters(900, 2, 3, 0.05, 13);
        GaussianMixtureSelection selection = new GaussianMixtureSelection().setKRange(1, 4)
                .setCovarianceTypes("full", "diag").setCriterion("bic").setTol(1e-5).setSeed(2).setWeightCol("weight");
        AtomicInteger jobs = new AtomicInteger();
        SparkListener counter = new SparkListener() {
            @Override
            public void onJobStart(SparkListenerJobStart jobStart) {
                jobs.incrementAndGet();
            }
        };
        spark.sparkContext().addSparkListener(counter);
        GaussianMixtureModel chosen;
        try {
            chosen = selection.fit(LocalSpark.frame(spark, rows, 3));
        } finally {
            spark.sparkContext().removeSparkListener(counter);
        }
        List<ModelSelection.Score> scores = chosen.summary().candidates();
        List<gmm4j.GaussianMixture> candidates = selection.toCoreCandidates();
        assertEquals(8, scores.size());
        List<gmm4j.GaussianMixtureModel> cores = candidates.stream().map(c -> c.fit(rows.core(true))).toList();
        int best = 0;
        int iterations = 0;
        for (int i = 0; i < candidates.size(); i++) {
            gmm4j.GaussianMixtureModel core = cores.get(i);
            ModelSelection.Score score = scores.get(i);
            assertEquals(core.components(), score.components());
            assertEquals(core.covarianceType(), score.covariance());
            FitAssertions.assertRelative(core.logLikelihood(), score.logLikelihood(), "candidate " + i + " log-likelihood");
            FitAssertions.assertRelative(core.bic(), score.bic(), "candidate " + i + " BIC");
            FitAssertions.assertRelative(core.icl(), score.icl(), "candidate " + i + " ICL");
            assertEquals(score.bic(), score.value());
            if (core.bic() < cores.get(best).bic()) best = i;
            iterations += core.iterations();
        }
        assertEquals(Criterion.BIC, chosen.summary().criterion());
        FitAssertions.assertSameFit(cores.get(best), chosen);
        // one pass per iteration for all the candidates, not one per candidate and iteration
        assertTrue(jobs.get() < iterations, jobs.get() + " jobs for " + iterations + " candidate iterations");
    }

    /**
     * A spike (30 rows at one far point): the candidates whose component collapses onto it are
     * singular by the core's rule (ModelSelection.score on the core's fit of the same candidate) and
     * have no score; the best is chosen among the others.
     */
    @Test
    void aSingularCandidateHasNoScoreAsInTheCore() {
        LocalSpark.Rows clusters = LocalSpark.clusters(400, 2, 2, 0, 6);
        double[][] values = Arrays.copyOf(clusters.values(), 430);
        double[] weights = Arrays.copyOf(clusters.weights(), 430);
        for (int i = 400; i < 430; i++) {
            values[i] = new double[]{40, -40};
            weights[i] = 1;
        }
        LocalSpark.Rows rows = new LocalSpark.Rows(values, weights);
        GaussianMixtureSelection selection = new GaussianMixtureSelection().setKRange(1, 4).setCovarianceTypes("full", "VVI")
                .setSeed(3).setTol(1e-6);
        GaussianMixtureModel chosen = selection.fit(LocalSpark.frame(spark, rows, 3));
        List<ModelSelection.Score> scores = chosen.summary().candidates();
        gmm4j.Dataset data = rows.core(false);
        double[] dataCovariance = ModelSelection.dataCovariance(data);
        List<gmm4j.GaussianMixture> candidates = selection.toCoreCandidates();
        int singular = 0;
        for (int i = 0; i < candidates.size(); i++) {
            ModelSelection.Score core = ModelSelection.score(candidates.get(i).fit(data), Criterion.BIC,
                    candidates.get(i).regularization(), dataCovariance);
            assertEquals(core.scored(), scores.get(i).scored(), "candidate " + i + ": " + scores.get(i) + " / " + core);
            if (!core.scored()) {
                singular++;
                assertTrue(scores.get(i).unscored().startsWith("singular: "), scores.get(i).unscored());
                assertTrue(Double.isNaN(scores.get(i).value()));
            }
        }
        assertTrue(singular > 0, "some candidate collapses onto the spike: " + scores);
        ModelSelection.Score best = scores.get(ModelSelection.best(scores));
        assertTrue(best.scored());
        assertEquals(best.components(), chosen.getK());
    }

    /** Under the prior, the models mclust has none for are not fitted, with the core's reason. */
    @Test
    void underThePriorModelsWithoutOneAreNotFitted() {
        LocalSpark.Rows rows = LocalSpark.clusters(300, 2, 2, 0, 9);
        GaussianMixtureModel chosen = new GaussianMixtureSelection().setKRange(1, 2).setCovarianceTypes("VVV", "VEE")
                .setPrior(true).setSeed(1).fit(LocalSpark.frame(spark, rows, 2));
        List<ModelSelection.Score> scores = chosen.summary().candidates();
        assertEquals(4, scores.size());
        assertTrue(scores.get(0).scored() && scores.get(1).scored());
        for (int i = 2; i < 4; i++) assertTrue(scores.get(i).unscored().contains("no conjugate prior"), scores.get(i).unscored());
        assertTrue(chosen.toCoreModel().prior() != null);
    }

    @Test
    void aCapOnRunsPerPassGivesTheSameSelection() {
        LocalSpark.Rows rows = LocalSpark.clusters(500, 2, 2, 0, 4);
        Dataset<Row> frame = LocalSpark.frame(spark, rows, 2);
        GaussianMixtureSelection selection = new GaussianMixtureSelection().setKRange(new int[]{1, 2, 3})
                .setCovarianceTypes("spherical").setCriterion("icl").setRestarts(2).setSeed(5);
        GaussianMixtureModel all = selection.fit(frame);
        GaussianMixtureModel capped = selection.copy(org.apache.spark.ml.param.ParamMap.empty()).setRunsPerPass(1).fit(frame);
        assertEquals(all.summary().candidates(), capped.summary().candidates());
        assertArrayEquals(all.toCoreModel().means(), capped.toCoreModel().means());
        assertEquals(Criterion.ICL, all.summary().criterion());
        for (ModelSelection.Score s : all.summary().candidates()) assertEquals(s.icl(), s.value());
    }

    @Test
    void paramsAreCheckedAndSaved(@TempDir Path dir) throws java.io.IOException {
        GaussianMixtureSelection selection = new GaussianMixtureSelection();
        assertThrows(IllegalArgumentException.class, () -> selection.setCriterion("cv"));
        assertThrows(IllegalArgumentException.class, () -> selection.setKRange(new int[0]));
        assertThrows(IllegalArgumentException.class, () -> selection.setKRange(3, 2));
        assertThrows(IllegalArgumentException.class, () -> selection.setCovarianceTypes("banana"));
        selection.setKRange(2, 5).setCovarianceTypes("VVV", "diag").setCriterion("AIC").setRunsPerPass(3);
        String path = dir.resolve("selection").toString();
        selection.save(path);
        GaussianMixtureSelection loaded = GaussianMixtureSelection.load(path);
        assertEquals(selection.uid(), loaded.uid());
        assertArrayEquals(new int[]{2, 3, 4, 5}, loaded.getOrDefault(loaded.kRange()));
        assertEquals(Arrays.asList("VVV", "diag"), Arrays.asList(loaded.getOrDefault(loaded.covarianceTypes())));
        assertEquals("AIC", loaded.getOrDefault(loaded.criterion()));
        assertEquals(selection.toCoreCandidates().size(), loaded.toCoreCandidates().size());
    }
}
