// SPDX-License-Identifier: Apache-2.0
package gmm4j;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the engine repairs instead of failing, and reports. */
class RepairTest {
    @Test
    void collapsedComponentIsReseededAndTheFitRecovers() {
        double[][] rows = Mixtures.separated(1000, 2, 2, 6);
        // the third component starts far from every row: it gets no responsibility at all
        StartingParameters start = new StartingParameters(new double[]{0.4, 0.4, 0.2},
                new double[][]{{0, 0}, {8, 8}, {1e4, 1e4}},
                new double[][][]{{{1, 0}, {0, 1}}, {{1, 0}, {0, 1}}, {{1e-2, 0}, {0, 1e-2}}});
        GaussianMixtureModel model = GaussianMixture.builder().start(start).tolerance(1e-9).maxIterations(2000).build().fit(rows);
        assertTrue(model.repairs().stream().anyMatch(r -> r.kind() == Repair.Kind.COMPONENT_RESEEDED), model.repairs().toString());
        BadInputTest.assertFinite(model);
        for (double w : model.weights()) assertTrue(w * rows.length > 2, "every component holds rows after re-seeding: " + w);
        for (double[] m : model.means()) assertTrue(Math.abs(m[0]) < 20, "no mean stays far away: " + m[0]);
        // three components explain the data at least as well as the two it was drawn from
        GaussianMixtureModel two = GaussianMixture.builder().components(2).build().fit(rows);
        assertTrue(model.logLikelihood() >= two.logLikelihood() - 1e-6 * Math.abs(two.logLikelihood()));
    }

    @Test
    void singularCovarianceWithoutRegularisationRaisesJitter() {
        // the two columns are exactly collinear: every covariance is singular
        double[][] rows = new double[300][];
        for (int i = 0; i < rows.length; i++) {
            double x = (i % 3) * 5 + Math.sin(i);
            rows[i] = new double[]{x, 2 * x};
        }
        GaussianMixtureModel model = GaussianMixture.builder().components(3).regularization(0).build().fit(rows);
        BadInputTest.assertFinite(model);
        assertTrue(model.repairs().stream().anyMatch(r -> r.kind() == Repair.Kind.JITTER_RAISED));
        Repair first = model.repairs().get(0);
        assertTrue(first.value() > 0);
        assertTrue(first.toString().contains("raised by"));
        assertEquals(0, first.restart());
    }
}
