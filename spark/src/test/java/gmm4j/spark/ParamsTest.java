// SPDX-License-Identifier: Apache-2.0
package gmm4j.spark;

import gmm4j.CovarianceType;
import gmm4j.FitSettings;
import gmm4j.Initialization;
import org.apache.spark.ml.param.ParamMap;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The params, their defaults and checks: no Spark session needed. */
class ParamsTest {
    @Test
    void defaultsAreTheCores() {
        GaussianMixture estimator = new GaussianMixture();
        assertEquals(gmm4j.GaussianMixture.builder().build().settings(), estimator.toCoreSettings().settings());
        assertEquals(FitSettings.DEFAULT_COMPONENTS, estimator.getOrDefault(estimator.k()));
        assertEquals("full", estimator.getOrDefault(estimator.covarianceType()));
        assertEquals("kmeans", estimator.getOrDefault(estimator.initMode()));
        assertEquals("features", estimator.getOrDefault(estimator.featuresCol()));
        assertTrue(!estimator.isDefined(estimator.weightCol()));
    }

    @Test
    void sparkFindsEveryParam() {
        String[] names = Arrays.stream(new GaussianMixture().params()).map(p -> p.name()).sorted().toArray(String[]::new);
        assertEquals(Arrays.asList("covarianceType", "featuresCol", "initMode", "initSampleSize", "initSteps", "k", "maxIter",
                "noise", "predictionCol", "prior", "probabilityCol", "regularization", "restarts", "seed", "tol", "weightCol"), Arrays.asList(names));
        names = Arrays.stream(new GaussianMixtureSelection().params()).map(p -> p.name()).sorted().toArray(String[]::new);
        assertEquals(Arrays.asList("covarianceTypes", "criterion", "featuresCol", "initMode", "initSampleSize", "initSteps",
                "kRange", "maxIter", "noise", "predictionCol", "prior", "probabilityCol", "regularization", "restarts", "runsPerPass", "seed",
                "tol", "weightCol"), Arrays.asList(names));
    }

    @Test
    void everyCoreCovarianceTypeAndInitHasANameInAnyCase() {
        for (CovarianceType type : CovarianceType.values()) {
            GaussianMixture estimator = new GaussianMixture().setCovarianceType(type.name());
            assertEquals(type, estimator.toCoreSettings().covariance());
            assertEquals(type, new GaussianMixture().setCovarianceType(type.name().toLowerCase()).toCoreSettings().covariance());
        }
        assertEquals(CovarianceType.DIAGONAL, new GaussianMixture().setCovarianceType("Diag").toCoreSettings().covariance());
        for (Initialization init : Initialization.values()) {
            assertEquals(init, new GaussianMixture().setInitMode(init.name()).toCoreSettings().init());
        }
        assertEquals(Initialization.KMEANS_PLUS_PLUS, new GaussianMixture().setInitMode("k-means++").toCoreSettings().init());
    }

    @Test
    void settersCarryIntoTheCoreSettings() {
        FitSettings s = new GaussianMixture().setK(4).setMaxIter(7).setTol(0).setRegularization(1e-3).setRestarts(3)
                .setSeed(-5).toCoreSettings().settings();
        assertEquals(new FitSettings(4, CovarianceType.FULL, Initialization.KMEANS, null, 3, 7, 0, 1e-3, -5,
                FitSettings.DEFAULT_THREADS, null), s);
        gmm4j.GaussianMixture withBoth = new GaussianMixture().setNoise(true).setPrior(true).toCoreSettings();
        assertTrue(withBoth.noise());
        assertEquals(gmm4j.ConjugatePrior.mclustDefault(), withBoth.prior());
    }

    @Test
    void outOfRangeValuesAreRejectedNamingTheParam() {
        GaussianMixture estimator = new GaussianMixture();
        assertRejected(() -> estimator.setK(0), "k");
        assertRejected(() -> estimator.setMaxIter(0), "maxIter");
        assertRejected(() -> estimator.setRestarts(0), "restarts");
        assertRejected(() -> estimator.setTol(-1), "tol");
        assertRejected(() -> estimator.setTol(Double.POSITIVE_INFINITY), "tol");
        assertRejected(() -> estimator.setRegularization(Double.NaN), "regularization");
        assertRejected(() -> estimator.setCovarianceType("banana"), "covarianceType");
        assertRejected(() -> estimator.setInitMode("kmeans+++"), "initMode");
        assertRejected(() -> estimator.setInitSampleSize(0), "initSampleSize");
    }

    @Test
    void copyKeepsTheParamsAndTheUid() {
        GaussianMixture estimator = new GaussianMixture().setK(3);
        GaussianMixture copy = estimator.copy(ParamMap.empty().put(estimator.seed(), 7L));
        assertNotSame(estimator, copy);
        assertEquals(estimator.uid(), copy.uid());
        assertEquals(3, copy.toCoreSettings().components());
        assertEquals(7L, copy.toCoreSettings().seed());
        assertEquals(0L, estimator.toCoreSettings().seed());
    }

    private static void assertRejected(org.junit.jupiter.api.function.Executable set, String param) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, set);
        assertTrue(e.getMessage().contains(param), e.getMessage());
    }
}
