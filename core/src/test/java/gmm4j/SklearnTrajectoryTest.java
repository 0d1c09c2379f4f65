// SPDX-License-Identifier: Apache-2.0
package gmm4j;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Iteration for iteration, our EM follows scikit-learn's from the same starting parameters, for
 * every reference data set and covariance type; and with free initialisation it finds at least
 * as good a fit as scikit-learn's best of 20 restarts.
 */
class SklearnTrajectoryTest {
    static final String[] DATA_SETS = {"seed-example", "iris", "faithful"};

    static List<Arguments> trajectoryCases() {
        List<Arguments> cases = new ArrayList<>();
        for (String ds : DATA_SETS) {
            for (CovarianceType type : CovarianceType.scikitLearnTypes()) {
                for (int iterations : new int[]{1, 2, 10, 100}) cases.add(Arguments.of(ds, type, iterations));
            }
        }
        return cases;
    }

    static List<Arguments> bestCases() {
        List<Arguments> cases = new ArrayList<>();
        for (String ds : DATA_SETS) for (CovarianceType type : CovarianceType.scikitLearnTypes()) cases.add(Arguments.of(ds, type));
        return cases;
    }

    @ParameterizedTest(name = "{0} {1} after {2} iterations")
    @MethodSource("trajectoryCases")
    void followsScikitLearnIterationForIteration(String dataSet, CovarianceType type, int iterations) {
        Map<String, Object> expected = Json.object(Json.object(SklearnReference.type(dataSet, type), "trajectory"),
                String.valueOf(iterations));
        GaussianMixtureModel model = GaussianMixture.builder()
                .start(SklearnReference.start(dataSet))
                .covariance(type)
                .maxIterations(iterations)
                .tolerance(0)
                .regularization(1e-6)
                .build()
                .fit(SklearnReference.rows(dataSet));

        double relative = iterations <= 10 ? 1e-8 : 1e-6;
        assertEquals(iterations, model.iterations());
        assertClose("weights", Json.flat(expected.get("weights")), model.weights(), relative);
        assertClose("means", Json.flat(expected.get("means")), flat(model.means()), relative);
        assertClose("covariances", Json.flat(expected.get("covariances")), covariancesAsScikitLearn(model), relative);
        assertEquals(Json.number(expected, "mean_loglik"), model.meanLogLikelihood(), 1e-9, "mean log-likelihood");
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("bestCases")
    void restartsFindAtLeastScikitLearnsBestFit(String dataSet, CovarianceType type) {
        Map<String, Object> reference = SklearnReference.type(dataSet, type);
        int k = (int) Json.number(SklearnReference.dataSet(dataSet), "k");
        double best = bestOfKMeansStarts(SklearnReference.rows(dataSet), k, type, 20).meanLogLikelihood();
        double sklearnBest = Json.number(reference, "best_mean_loglik");
        assertTrue(best >= sklearnBest - 1e-6, "ours " + best + " vs scikit-learn's best " + sklearnBest);
    }

    /**
     * The best of fits from {@code restarts} of scikit-learn's k-means starts (in the data's units,
     * as scikit-learn's; our KMEANS z-scores the columns and would find other optima).
     */
    static GaussianMixtureModel bestOfKMeansStarts(double[][] rows, int k, CovarianceType type, int restarts) {
        GaussianMixtureModel best = null;
        for (int restart = 0; restart < restarts; restart++) {
            GaussianMixtureModel model = GaussianMixture.builder().covariance(type)
                    .start(gmm4j.internal.ScikitLearnKMeansStart.of(rows, k, 0, restart)).build().fit(rows);
            if (best == null || model.logLikelihood() > best.logLikelihood()) best = model;
        }
        return best;
    }

    /** Our full matrices in scikit-learn's shape for the type: k×d×d, d×d, k×d or k. */
    static double[] covariancesAsScikitLearn(GaussianMixtureModel model) {
        double[][][] cov = model.covariances();
        int k = cov.length;
        int d = model.dimension();
        return switch (model.covarianceType()) {
            case FULL -> flat3(cov);
            case TIED -> flat(cov[0]);
            case DIAGONAL -> {
                double[] out = new double[k * d];
                for (int c = 0; c < k; c++) for (int j = 0; j < d; j++) out[c * d + j] = cov[c][j][j];
                yield out;
            }
            case SPHERICAL -> {
                double[] out = new double[k];
                for (int c = 0; c < k; c++) out[c] = cov[c][0][0];
                yield out;
            }
            default -> throw new IllegalArgumentException(model.covarianceType() + " is not one of scikit-learn's types");
        };
    }

    /** Each value within {@code relative} of the expected one, relative to the largest magnitude in the array. */
    static void assertClose(String what, double[] expected, double[] actual, double relative) {
        assertEquals(expected.length, actual.length, what + ": length");
        double scale = 0;
        for (double v : expected) scale = Math.max(scale, Math.abs(v));
        for (int i = 0; i < expected.length; i++) {
            double error = Math.abs(actual[i] - expected[i]);
            double allowed = relative * Math.max(Math.abs(expected[i]), 1e-3 * scale);
            assertTrue(error <= allowed, what + "[" + i + "]: expected " + expected[i] + " got " + actual[i]
                    + " (relative error " + error / Math.abs(expected[i]) + ")");
        }
    }

    static double[] flat(double[][] m) {
        int size = 0;
        for (double[] r : m) size += r.length;
        double[] out = new double[size];
        int a = 0;
        for (double[] r : m) {
            System.arraycopy(r, 0, out, a, r.length);
            a += r.length;
        }
        return out;
    }

    static double[] flat3(double[][][] m) {
        List<double[]> rows = new ArrayList<>();
        for (double[][] a : m) for (double[] r : a) rows.add(r);
        return flat(rows.toArray(new double[0][]));
    }
}
