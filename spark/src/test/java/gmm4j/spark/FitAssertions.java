// SPDX-License-Identifier: Apache-2.0
package gmm4j.spark;

import gmm4j.RestartSummary;

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
        assertEquals(core.converged(), summary.converged(), "converged");
        assertEquals(fitted.iterations(), summary.iterations(), "summary iterations");
        assertEquals(fitted.logLikelihood(), summary.logLikelihood(), "summary log-likelihood");
        assertEquals(fitted.bic(), summary.bic(), "summary BIC");
        assertRelative(core.weights(), fitted.weights(), "weights");
        for (int c = 0; c < core.components(); c++) {
            assertRelative(core.means()[c], fitted.means()[c], "mean " + c);
            for (int a = 0; a < core.dimension(); a++) {
                assertRelative(core.covariances()[c][a], fitted.covariances()[c][a], "covariance " + c + " row " + a);
            }
        }
        assertFalse(summary.toString().isEmpty());
        assertSameDiagnostics(core, fitted);
    }

    /** toCoreModel() carries the fit's diagnostics: the core fit's, restart by restart. */
    static void assertSameDiagnostics(gmm4j.GaussianMixtureModel core, gmm4j.GaussianMixtureModel fitted) {
        assertEquals(core.iterations(), fitted.iterations(), "iterations");
        assertEquals(core.stopReason(), fitted.stopReason(), "stop reason");
        assertRelative(core.logLikelihood(), fitted.logLikelihood(), "log-likelihood");
        assertRelative(core.meanLogLikelihood(), fitted.meanLogLikelihood(), "mean log-likelihood");
        assertRelative(core.bic(), fitted.bic(), "BIC");
        assertRelative(core.aic(), fitted.aic(), "AIC");
        assertRelative(core.icl(), fitted.icl(), "ICL");
        assertEquals(core.repairs().size(), fitted.repairs().size(), "repairs " + core.repairs() + " / " + fitted.repairs());
        assertEquals(core.restarts().size(), fitted.restarts().size(), "restarts");
        for (int r = 0; r < core.restarts().size(); r++) {
            RestartSummary expected = core.restarts().get(r);
            RestartSummary actual = fitted.restarts().get(r);
            assertEquals(expected.iterations(), actual.iterations(), "restart " + r + " iterations");
            assertEquals(expected.stopReason(), actual.stopReason(), "restart " + r + " stop reason");
            assertRelative(expected.meanLogLikelihood(), actual.meanLogLikelihood(), "restart " + r);
            assertRelative(expected.trace(), actual.trace(), "restart " + r + " trace");
        }
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
