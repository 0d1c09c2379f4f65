// SPDX-License-Identifier: Apache-2.0
package gmm4j;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One outlier must not derail a fit (issue 15, point 1): the repair of a collapsed component never
 * loops, a fit ends on an EM step (never on a repair), and a fit whose collapse no repair can help
 * says so.
 */
class OutlierRepairTest {
    /** Two N(0, I) blobs of 300 rows at (0, 0) and (6, −6), and one row at (x, 0), last. */
    static double[][] blobsAndOutlier(double x) {
        Random random = new Random(1);
        double[][] rows = new double[601][];
        for (int i = 0; i < 300; i++) rows[i] = new double[]{random.nextGaussian(), random.nextGaussian()};
        for (int i = 300; i < 600; i++) rows[i] = new double[]{6 + random.nextGaussian(), -6 + random.nextGaussian()};
        rows[600] = new double[]{x, 0};
        return rows;
    }

    /** The rows' mean posterior under the model: what the next M-step would make the weights. */
    private static double[] meanPosterior(GaussianMixtureModel model, double[][] rows) {
        double[] mean = new double[model.components()];
        for (double[] p : model.posterior(Dataset.of(rows))) {
            for (int c = 0; c < mean.length; c++) mean[c] += p[c] / rows.length;
        }
        return mean;
    }

    private static List<Repair> reseeds(GaussianMixtureModel model) {
        return model.repairs().stream().filter(r -> r.kind() == Repair.Kind.COMPONENT_RESEEDED).toList();
    }

    private static void assertEndsOnAnEmStepWithoutLoops(GaussianMixtureModel model, double[][] rows) {
        assertTrue(model.iterations() < 100, "the fit stops before its budget: " + model);
        Set<Integer> places = new HashSet<>();
        for (Repair r : reseeds(model)) {
            assertTrue(r.row() >= 0, "a re-seed names its row: " + r);
            assertTrue(places.add(r.row()), "no component is re-seeded twice at the same row: " + model.repairs());
        }
        double[] weights = model.weights();
        double[] posterior = meanPosterior(model, rows);
        for (int c = 0; c < weights.length; c++) {
            assertEquals(posterior[c], weights[c], 1e-2, "an EM fixed point: the weights are the mean posterior, component " + c);
        }
    }

    /**
     * Starts from k-means++ seeds in the data's units, which take the outlier far away as a seed and
     * leave it a component of its own (the KMEANS start, on z-scored columns, finds the two blobs).
     */
    static GaussianMixture.Builder outlierSeeded(int k) {
        return GaussianMixture.builder().components(k).init(Initialization.KMEANS_PLUS_PLUS);
    }

    @Test
    void anOutlierAtAThousandDoesNotMakeTheRepairLoop() {
        double[][] rows = blobsAndOutlier(1000);
        GaussianMixtureModel model = outlierSeeded(2).build().fit(rows);
        assertEndsOnAnEmStepWithoutLoops(model, rows);
        assertFalse(model.converged(), "a component sits on one row: that is not a converged fit of two clusters");
        assertSaysTheOutlierTookAComponent(model);
    }

    private static void assertSaysTheOutlierTookAComponent(GaussianMixtureModel model) {
        assertEquals(StopReason.COMPONENT_COLLAPSED, model.stopReason());
        List<Repair> left = model.repairs().stream().filter(r -> r.kind() == Repair.Kind.COLLAPSE_NOT_REPAIRED).toList();
        assertEquals(1, left.size(), model.repairs().toString());
        assertEquals(600, left.get(0).row(), "the outlier's row is named");
        assertTrue(left.get(0).toString().contains("row 600"), left.get(0).toString());
        assertTrue(model.toString().contains("COMPONENT_COLLAPSED"), model.toString());
    }

    @Test
    void anOutlierAtAHundredDoesNotMakeTheRepairLoopWithThreeDiagonalComponents() {
        double[][] rows = blobsAndOutlier(100);
        GaussianMixtureModel model = GaussianMixture.builder().components(3).covariance(CovarianceType.DIAGONAL).build().fit(rows);
        assertEndsOnAnEmStepWithoutLoops(model, rows);
        assertFalse(model.converged());
        assertSaysTheOutlierTookAComponent(model);
    }

    /** A start whose third component is far from every row: the first M-step collapses it. */
    private static GaussianMixture.Builder farStart() {
        StartingParameters start = new StartingParameters(new double[]{0.4, 0.4, 0.2},
                new double[][]{{0, 0}, {6, -6}, {1e4, 1e4}},
                new double[][][]{{{1, 0}, {0, 1}}, {{1, 0}, {0, 1}}, {{1e-2, 0}, {0, 1e-2}}});
        return GaussianMixture.builder().start(start);
    }

    @Test
    void aFitWhoseBudgetEndsWhereARepairWouldBeEndsOnTheMStep() {
        double[][] rows = blobsAndOutlier(1);
        GaussianMixtureModel model = farStart().maxIterations(1).build().fit(rows);
        assertEquals(1, model.iterations());
        assertTrue(reseeds(model).isEmpty(), "the last step repairs nothing: " + model.repairs());
        assertTrue(model.weights()[2] < 1e-9, "the collapsed component keeps its M-step weight: " + model.weights()[2]);
        assertEquals(StopReason.MAX_ITERATIONS, model.stopReason());
        assertEquals(StopReason.MAX_ITERATIONS, model.restarts().get(0).stopReason());
    }

    @Test
    void aFitStoppedByItsListenerWhereARepairWouldBeEndsOnTheMStep() {
        double[][] rows = blobsAndOutlier(1);
        GaussianMixtureModel model = farStart().listener((restart, iteration, ll) -> false).build().fit(rows);
        assertTrue(model.cancelled());
        assertEquals(StopReason.CANCELLED, model.stopReason());
        assertTrue(reseeds(model).isEmpty(), model.repairs().toString());
        assertTrue(model.weights()[2] < 1e-9, "the M-step's weight: " + model.weights()[2]);
    }

    @Test
    void theSeamNeverReseedsTwiceAtTheSamePlace() {
        double[][] rows = blobsAndOutlier(1000);
        Dataset data = Dataset.of(rows);
        GaussianMixture settings = outlierSeeded(2).build();
        GaussianMixtureModel model = settings.initialize(data);
        List<Integer> rowsUsed = new ArrayList<>();
        for (int iteration = 0; iteration < 100; iteration++) {
            model = SufficientStatistics.of(model, data).estimate(settings);
            for (Repair r : reseeds(model)) rowsUsed.add(r.row());
        }
        assertEquals(new HashSet<>(rowsUsed).size(), rowsUsed.size(), "each place once: " + rowsUsed);
        assertEquals(StopReason.COMPONENT_COLLAPSED, model.stopReason(), "the seam says when no repair can help");
    }
}
