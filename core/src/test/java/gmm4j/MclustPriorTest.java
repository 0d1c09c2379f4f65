// SPDX-License-Identifier: Apache-2.0
package gmm4j;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static gmm4j.MclustReference.assertClose;
import static gmm4j.MclustReference.assertParameters;
import static gmm4j.MclustReference.flat;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * MAP EM with mclust's default prior ({@code prior = priorControl()}) follows mclust's {@code me()}
 * iteration for iteration from the same start (mclust's M-step with the prior from the hard labels
 * of {@code hclass(hc(data), G)}), for each of the ten models mclust has a prior for, on iris and
 * faithful with G = 2 and 3: log-likelihoods and parameters to 1e-8, relatively, with no
 * regularisation. The prior's values taken from the data equal {@code defaultPrior()}'s; and one
 * {@code Mclust(iris, G = 3, modelNames = "VVV", prior = priorControl())} fit is reproduced from its
 * own start: parameters, log-likelihood and BIC (which mclust takes from the log-likelihood alone).
 * Made by src/test/resources/mclust/make-prior-reference.R.
 */
class MclustPriorTest {
    private static final Map<String, Object> ROOT = Json.resource("/mclust/mclust-prior-reference.json");

    @SuppressWarnings("unchecked")
    private static Stream<Arguments> list(String key) {
        return ((List<Map<String, Object>>) ROOT.get(key)).stream().map(c -> Arguments.of(c.get("data"), c.get("model"),
                (int) Json.number(c, "G"), c));
    }

    static Stream<Arguments> cases() {
        return list("cases");
    }

    static Stream<Arguments> priors() {
        return list("priors");
    }

    private static GaussianMixture.Builder mapEm(String model, int k) {
        return GaussianMixture.builder().components(k).covariance(CovarianceType.parse(model))
                .prior(ConjugatePrior.mclustDefault());
    }

    @ParameterizedTest(name = "{0} {1} G={2}")
    @MethodSource("cases")
    void followsMclustIterationForIteration(String dataSet, String model, int k, Map<String, Object> reference) {
        double[][] rows = MclustReference.rows(dataSet);
        int d = rows[0].length;
        GaussianMixtureModel fit = MclustReference.followTrajectory(mapEm(model, k), rows, reference, k,
                (int) Json.number(ROOT, "iterations"));
        assertParameters(MclustReference.parameters(Json.object(reference, "after"), k, d), fit, 1e-8);
    }

    @ParameterizedTest(name = "{0} {1} G={2}")
    @MethodSource("priors")
    void takesMclustsDefaultPriorFromTheData(String dataSet, String model, int k, Map<String, Object> reference) {
        double[][] rows = MclustReference.rows(dataSet);
        int d = rows[0].length;
        ConjugatePrior prior = GaussianMixture.builder().components(k).covariance(CovarianceType.parse(model))
                .prior(true).build().initialize(Dataset.of(rows)).prior();
        assertEquals(Json.number(reference, "shrinkage"), prior.shrinkage());
        assertEquals(Json.number(reference, "dof"), prior.dof());
        assertClose("mean", Json.flat(reference.get("mean")), prior.mean(), 1e-14);
        double[] scale = Json.flat(reference.get("scale"));
        double[][] matrix = prior.scale();
        if (scale.length == 1) {
            // the axis-aligned models' scalar scale: the mean of the matrix's diagonal
            double trace = 0;
            for (int j = 0; j < d; j++) trace += matrix[j][j];
            assertEquals(scale[0], trace / d, 1e-14 * scale[0], "scalar scale");
        } else {
            assertClose("scale", scale, flat(matrix), 1e-14);
        }
    }

    /** Mclust's own fit from its start: the same parameters, log-likelihood and BIC. */
    @Test
    void reproducesMclustsFitWithThePrior() {
        Map<String, Object> reference = Json.object(ROOT, "Mclust");
        double[][] rows = MclustReference.rows("iris");
        int n = rows.length, d = rows[0].length, k = 3;
        int iterations = (int) Json.number(reference, "iterations");
        GaussianMixtureModel fit = mapEm("VVV", k).start(MclustReference.parameters(Json.object(reference, "start"), k, d))
                .maxIterations(iterations - 1).tolerance(0).regularization(0).build().fit(rows);
        double loglik = Json.number(reference, "loglik");
        assertEquals(loglik, fit.meanLogLikelihood() * n, 1e-8 * Math.abs(loglik), "log-likelihood");
        assertParameters(MclustReference.parameters(Json.object(reference, "fitted"), k, d), fit, 1e-8);
        assertEquals((long) Json.number(reference, "parameters"), fit.parameterCount());
        // mclust's BIC is 2·loglik − p·log n of the log-likelihood alone; gmm4j's the same, negated (lower is better)
        double bic = Json.number(reference, "bic");
        assertEquals(-bic, fit.bic(), 1e-8 * Math.abs(bic), "BIC");
    }
}
