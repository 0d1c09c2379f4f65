// SPDX-License-Identifier: Apache-2.0
package gmm4j.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** A distributed fit against the core's: equal to 1e-10 relative. */
final class FitAssertions {
    static final double RELATIVE = 1e-10;

    private FitAssertions() {
    }

    /** The fitted parameters, log-likelihood, iterations and convergence of the two fits agree. */
    static void assertSameFit(gmm4j.GaussianMixtureModel core, GaussianMixtureModel spark) {
        gmm4j.GaussianMixtureModel fitted = spark.toCoreModel();
        GaussianMixtureSummary summary = spark.summary();
        assertEquals(core.iterations(), summary.iterations(), "iterations");
        assertEquals(core.converged(), summary.converged(), "converged");
        assertRelative(core.logLikelihood(), summary.logLikelihood(), "log-likelihood");
        assertRelative(core.bic(), summary.bic(), "BIC");
        assertRelative(core.aic(), summary.aic(), "AIC");
        assertRelative(core.weights(), fitted.weights(), "weights");
        for (int c = 0; c < core.components(); c++) {
            assertRelative(core.means()[c], fitted.means()[c], "mean " + c);
            for (int a = 0; a < core.dimension(); a++) {
                assertRelative(core.covariances()[c][a], fitted.covariances()[c][a], "covariance " + c + " row " + a);
            }
        }
        assertFalse(summary.toString().isEmpty());
    }

    static void assertRelative(double expected, double actual, String what) {
        assertEquals(expected, actual, RELATIVE * Math.abs(expected), what);
    }

    /** Equal to 1e-10 relative to the vector's largest entry. */
    static void assertRelative(double[] expected, double[] actual, String what) {
        double scale = 0;
        for (double v : expected) scale = Math.max(scale, Math.abs(v));
        assertArrayEquals(expected, actual, RELATIVE * scale, what);
    }
}
