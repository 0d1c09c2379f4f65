// SPDX-License-Identifier: Apache-2.0
package gmm4j;

import java.util.List;
import java.util.Map;

/** R mclust's EM trajectories of its 14 models (made by src/test/resources/mclust/make-reference.R). */
final class MclustReference {
    static final Map<String, Object> ROOT = Json.resource("/mclust/mclust-reference.json");

    private MclustReference() {
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> cases() {
        return (List<Map<String, Object>>) ROOT.get("cases");
    }

    static int iterations() {
        return (int) Json.number(ROOT, "iterations");
    }

    static double[][] rows(String dataSet) {
        return Csv.resource(dataSet + ".csv", dataSet.equals("iris") ? 4 : 2);
    }

    /** mclust's parameters (weights, means, covariances) as gmm4j's starting parameters. */
    static StartingParameters parameters(Map<String, Object> p, int k, int d) {
        double[] means = Json.flat(p.get("means"));
        double[] covariances = Json.flat(p.get("covariances"));
        double[][] m = new double[k][d];
        double[][][] s = new double[k][d][d];
        for (int c = 0; c < k; c++) {
            for (int i = 0; i < d; i++) {
                m[c][i] = means[c * d + i];
                for (int j = 0; j < d; j++) s[c][i][j] = covariances[(c * d + i) * d + j];
            }
        }
        return new StartingParameters(Json.flat(p.get("weights")), m, s);
    }

    /**
     * Fits {@code rows} with {@code settings} for {@code iterations} iterations, from the case's
     * "start", and checks each iteration's log-likelihood and the final one against the case's
     * "loglik" trajectory, to 1e-8 relatively; returns the fit.
     */
    static GaussianMixtureModel followTrajectory(GaussianMixture.Builder settings, double[][] rows,
                                                 Map<String, Object> reference, int k, int iterations) {
        int n = rows.length, d = rows[0].length;
        List<Double> trajectory = new java.util.ArrayList<>();
        GaussianMixtureModel fit = settings
                .start(parameters(Json.object(reference, "start"), k, d))
                .maxIterations(iterations)
                .tolerance(0)
                .regularization(0)
                .listener((restart, iteration, meanLogLikelihood) -> trajectory.add(meanLogLikelihood * n))
                .build()
                .fit(rows);
        double[] expected = Json.flat(reference.get("loglik"));
        org.junit.jupiter.api.Assertions.assertEquals(iterations, trajectory.size());
        for (int t = 0; t < iterations; t++) {
            org.junit.jupiter.api.Assertions.assertEquals(expected[t], trajectory.get(t), 1e-8 * Math.abs(expected[t]),
                    "log-likelihood after " + (t + 1));
        }
        org.junit.jupiter.api.Assertions.assertEquals(expected[iterations], fit.meanLogLikelihood() * n,
                1e-8 * Math.abs(expected[iterations]), "final log-likelihood");
        return fit;
    }

    /** Each value within {@code relative} of the expected one, or of a thousandth of the largest expected value when that is more. */
    static void assertClose(String what, double[] expected, double[] actual, double relative) {
        org.junit.jupiter.api.Assertions.assertEquals(expected.length, actual.length, what);
        double largest = 0;
        for (double e : expected) largest = Math.max(largest, Math.abs(e));
        for (int i = 0; i < expected.length; i++) {
            org.junit.jupiter.api.Assertions.assertEquals(expected[i], actual[i],
                    relative * Math.max(Math.abs(expected[i]), 1e-3 * largest), what + "[" + i + "]");
        }
    }

    /** The weights, means and covariances of {@code fit} within {@code relative} of {@code expected}'s. */
    static void assertParameters(StartingParameters expected, GaussianMixtureModel fit, double relative) {
        assertClose("weights", expected.weights(), fit.weights(), relative);
        assertClose("means", flat(expected.means()), flat(fit.means()), relative);
        assertClose("covariances", flat(expected.covariances()), flat(fit.covariances()), relative);
    }

    static double[] flat(double[][] a) {
        return java.util.stream.Stream.of(a).flatMapToDouble(java.util.Arrays::stream).toArray();
    }

    static double[] flat(double[][][] a) {
        return java.util.stream.Stream.of(a).flatMap(java.util.stream.Stream::of).flatMapToDouble(java.util.Arrays::stream).toArray();
    }
}
