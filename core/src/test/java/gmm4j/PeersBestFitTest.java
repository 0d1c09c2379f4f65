// SPDX-License-Identifier: Apache-2.0
package gmm4j;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * At the true K, gmm4j's default starts reach the best fit either peer finds: at least max(R mclust's
 * fit from its own start, scikit-learn's best of {@code n_init = 20}) − 1e-6 per row, on each data
 * set the reference results hold (iris, faithful, the seed example) and each of mclust's 14 covariance
 * models (scikit-learn's best only for the four it has: full, tied, diagonal, spherical; for the other
 * ten, mclust's fit is the bar). {@link ModelSelection}'s default start (mclust's agglomeration) is
 * checked on all 14; {@link GaussianMixture}'s (one k-means start on the standardised columns, as
 * scikit-learn's default) on scikit-learn's four. The peers' numbers are
 * of fits run to convergence (mclust's "tight" table in mclust-bic-reference.json; scikit-learn's
 * best, which stopped at its tolerance 1e-3, is if anything lower), so gmm4j runs to convergence too
 * (tolerance 1e-10): what is compared is the optimum each start leads to, not where a tolerance stops.
 */
class PeersBestFitTest {
    /** The types scikit-learn fits too. */
    private static final List<CovarianceType> SCIKIT_LEARN = List.of(CovarianceType.FULL, CovarianceType.TIED,
            CovarianceType.DIAGONAL, CovarianceType.SPHERICAL);

    static Stream<Arguments> cases() {
        return Stream.of("iris", "faithful", "seed-example")
                .flatMap(set -> Stream.of(CovarianceType.mclustModels()).map(type -> Arguments.of(set, type.mclustName())));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void theDefaultStartsReachThePeersBestFit(String dataSet, String model) {
        double[][] rows = SklearnReference.rows(dataSet);
        int k = (int) Json.number(SklearnReference.dataSet(dataSet), "k");
        CovarianceType type = CovarianceType.parse(model);
        double scikitLearn = SCIKIT_LEARN.contains(type)
                ? Json.number(SklearnReference.type(dataSet, type), "best_mean_loglik") : Double.NEGATIVE_INFINITY;
        double mclust = mclustConverged(dataSet, model, k) / rows.length;
        double peers = Math.max(scikitLearn, mclust);

        GaussianMixture converging = GaussianMixture.builder().components(k).covariance(type).tolerance(1e-10)
                .maxIterations(10_000).build();
        double fit = converging.fit(rows).meanLogLikelihood();
        double selected = ModelSelection.builder().components(k, k).covariances(type)
                .settings(converging.toBuilder().init(Initialization.HIERARCHICAL).build()).build()
                .select(Dataset.of(rows)).model().meanLogLikelihood();
        String where = dataSet + " " + model + " K=" + k + ": mclust " + mclust + ", scikit-learn " + scikitLearn;
        // a single k-means start is scikit-learn's default, and held to its types: on the other ten it
        // falls short once (iris EVI K = 3, 0.009 nats per row below mclust's)
        if (SCIKIT_LEARN.contains(type)) assertTrue(fit >= peers - 1e-6, "GaussianMixture's default start: " + fit + "; " + where);
        assertTrue(selected >= peers - 1e-6, "ModelSelection's default start: " + selected + "; " + where);
    }

    /** mclust's log-likelihood at K from its own start, EM run to convergence. */
    @SuppressWarnings("unchecked")
    private static double mclustConverged(String dataSet, String model, int k) {
        Map<String, Object> sets = (Map<String, Object>) Json.resource("/mclust/mclust-bic-reference.json").get("sets");
        Map<String, Object> tight = (Map<String, Object>) ((Map<String, Object>) sets.get(dataSet)).get("tight");
        Map<String, Object> cell = (Map<String, Object>) ((Map<String, Object>) tight.get("models")).get(model);
        return ((Number) ((List<Object>) cell.get("loglik")).get(k - 1)).doubleValue();
    }
}
