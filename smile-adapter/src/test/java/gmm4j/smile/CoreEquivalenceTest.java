// SPDX-License-Identifier: Apache-2.0
package gmm4j.smile;

import gmm4j.CovarianceType;
import gmm4j.Criterion;
import gmm4j.Dataset;
import gmm4j.GaussianMixture;
import gmm4j.GaussianMixtureModel;
import gmm4j.Initialization;
import gmm4j.ModelSelection;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The adapter is a thin layer: for the same data and options it gives exactly the core's model. */
class CoreEquivalenceTest {
    private static final double[][] IRIS = TestData.iris();

    @ParameterizedTest
    @EnumSource(CovarianceType.class)
    void fitGivesTheCoresModelForTheSameOptions(CovarianceType type) {
        var options = new GaussianMixtureClustering.Options(3, type, 200, 1E-4, 1E-5, 2,
                Initialization.KMEANS_PLUS_PLUS, 7, 1, null);
        GaussianMixtureClustering adapter = GaussianMixtureClustering.fit(IRIS, options);
        GaussianMixtureModel core = GaussianMixture.builder()
                .components(3).covariance(type).maxIterations(200).tolerance(1E-4).regularization(1E-5)
                .restarts(2).init(Initialization.KMEANS_PLUS_PLUS).seed(7).threads(1)
                .build().fit(Dataset.of(IRIS));

        assertEquals(3, adapter.k());
        assertEquals(type, adapter.covarianceType());
        assertArrayEquals(core.weights(), adapter.weights());
        assertArrayEquals(core.means(), adapter.means());
        assertArrayEquals(core.covariances(), adapter.covariances());
        assertEquals(core.logLikelihood(), adapter.logLikelihood());
        assertEquals(core.bic(), adapter.bic());
        assertEquals(core.aic(), adapter.aic());
        assertEquals(core.icl(), adapter.icl());
        assertEquals(core.iterations(), adapter.iterations());
        assertEquals(core.converged(), adapter.converged());
        assertArrayEquals(core.predict(Dataset.of(IRIS)), adapter.group());
        for (double[] x : new double[][]{IRIS[0], IRIS[75], IRIS[149], {6, 3, 4, Double.NaN}}) {
            assertEquals(core.predict(x), adapter.predict(x));
            assertArrayEquals(core.posterior(x), adapter.posteriori(x));
            assertEquals(core.logDensity(x), adapter.logp(x));
        }
    }

    @Test
    void sizesCountTheGroups() {
        GaussianMixtureClustering model = GaussianMixtureClustering.fit(IRIS, 3);
        int[] counted = new int[model.k() + 1];   // Smile keeps the outliers' count last
        for (int label : model.group()) counted[label]++;
        assertArrayEquals(counted, model.size());
        assertEquals(IRIS.length, model.group().length);
    }

    @Test
    void threadsDoNotChangeTheModel() {
        var one = GaussianMixtureClustering.fit(IRIS, new GaussianMixtureClustering.Options(3, CovarianceType.FULL,
                100, 1E-3, 1E-6, 1, Initialization.KMEANS, 11, 1, null));
        var all = GaussianMixtureClustering.fit(IRIS, new GaussianMixtureClustering.Options(3, CovarianceType.FULL,
                100, 1E-3, 1E-6, 1, Initialization.KMEANS, 11, 0, null));
        assertArrayEquals(one.means(), all.means());
        assertEquals(one.logLikelihood(), all.logLikelihood());
    }

    @ParameterizedTest
    @EnumSource(Criterion.class)
    void selectGivesTheCoresSelection(Criterion criterion) {
        var options = new GaussianMixtureClustering.Options(1, CovarianceType.FULL, 100, 1E-3, 1E-6, 1,
                Initialization.KMEANS, 3, 1, null);
        GaussianMixtureClustering.Selection adapter = GaussianMixtureClustering.select(IRIS, 1, 4, criterion, options,
                CovarianceType.FULL, CovarianceType.DIAGONAL);
        ModelSelection.Result core = ModelSelection.builder()
                .components(1, 4)
                .covariances(CovarianceType.FULL, CovarianceType.DIAGONAL)
                .criterion(criterion)
                .settings(GaussianMixture.builder().seed(3).threads(1).build())
                .build()
                .select(Dataset.of(IRIS));

        assertEquals(core.scores(), adapter.scores());
        assertEquals(8, adapter.scores().size());
        assertEquals(core.best(), adapter.best());
        assertEquals(core.best().components(), adapter.model().k());
        assertEquals(core.best().covariance(), adapter.model().covarianceType());
        assertArrayEquals(core.model().means(), adapter.model().means());
        assertArrayEquals(core.model().predict(Dataset.of(IRIS)), adapter.model().group());
    }
}
