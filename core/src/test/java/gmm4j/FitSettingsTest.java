// SPDX-License-Identifier: Apache-2.0
package gmm4j;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The settings are one value: the builder fills it, the estimator holds it, the defaults and checks are its own. */
class FitSettingsTest {

    private static final StartingParameters TWO = new StartingParameters(new double[]{1, 1},
            new double[][]{{0}, {5}}, new double[][][]{{{1}}, {{1}}});

    @Test
    void theDefaultsAreTheExportedConstants() {
        FitSettings d = FitSettings.defaults();
        assertEquals(new FitSettings(1, CovarianceType.FULL, Initialization.KMEANS, null, 1, 100, 1e-3, 1e-6, 0, 0, null), d);
        assertEquals(FitSettings.DEFAULT_COMPONENTS, d.components());
        assertEquals(FitSettings.DEFAULT_COVARIANCE, d.covariance());
        assertEquals(FitSettings.DEFAULT_INIT, d.init());
        assertEquals(FitSettings.DEFAULT_RESTARTS, d.restarts());
        assertEquals(FitSettings.DEFAULT_MAX_ITERATIONS, d.maxIterations());
        assertEquals(FitSettings.DEFAULT_TOLERANCE, d.tolerance());
        assertEquals(FitSettings.DEFAULT_REGULARIZATION, d.regularization());
        assertEquals(FitSettings.DEFAULT_SEED, d.seed());
        assertEquals(FitSettings.DEFAULT_THREADS, d.threads());
        assertEquals(FitSettings.DEFAULT_NOISE, d.noise());
        assertEquals(d, GaussianMixture.builder().build().settings());
    }

    @Test
    void theBuilderFillsOneValueThatTheAccessorsRead() {
        FitListener listener = (restart, iteration, ll) -> true;
        GaussianMixture gm = GaussianMixture.builder().components(4).covariance(CovarianceType.TIED)
                .init(Initialization.RANDOM).restarts(3).maxIterations(7).tolerance(0.5).regularization(0.25)
                .seed(-9).threads(2).listener(listener).noise(true).prior(true).build();
        FitSettings expected = new FitSettings(4, CovarianceType.TIED, Initialization.RANDOM, null, 3, 7, 0.5, 0.25,
                -9, 2, listener, true, ConjugatePrior.mclustDefault());
        assertEquals(expected, gm.settings());
        assertEquals(expected, gm.toBuilder().build().settings());
        assertEquals(expected, GaussianMixture.of(expected).settings());
        assertEquals(4, gm.components());
        assertEquals(CovarianceType.TIED, gm.covariance());
        assertEquals(Initialization.RANDOM, gm.init());
        assertEquals(3, gm.restarts());
        assertEquals(7, gm.maxIterations());
        assertEquals(0.5, gm.tolerance());
        assertEquals(0.25, gm.regularization());
        assertEquals(-9, gm.seed());
        assertEquals(2, gm.threads());
        assertSame(listener, gm.listener());
        assertTrue(gm.noise());
        assertEquals(ConjugatePrior.mclustDefault(), gm.prior());
        assertNull(gm.start());
        assertEquals("GaussianMixture[components=4, covariance=TIED, init=RANDOM, restarts=3, maxIterations=7, "
                + "tolerance=0.5, regularization=0.25, seed=-9, threads=2, noise=true, prior=" + ConjugatePrior.mclustDefault() + "]", gm.toString());
    }

    @Test
    void anExplicitStartSetsKAndMayDisagreeOnlyUntilBuilt() {
        GaussianMixture started = GaussianMixture.builder().components(5).start(TWO).build();
        assertEquals(2, started.components());
        assertSame(TWO, started.settings().start());
        assertEquals("explicit", started.toString().replaceAll(".*init=([a-z]+).*", "$1"));

        GaussianMixture.Builder b = started.toBuilder().components(3);
        assertMessage("The starting parameters have 2 components but components is 3.", b::build);
        assertEquals(3, b.start(null).build().components(), "without the start, K is the builder's again");
        assertMessage("The starting parameters have 2 components but components is 3.",
                () -> new FitSettings(3, CovarianceType.FULL, Initialization.KMEANS, TWO, 1, 100, 1e-3, 1e-6, 0, 0, null));
    }

    @Test
    void theBuilderAndTheRecordRejectTheSameValuesWithTheSameMessages() {
        FitSettings d = FitSettings.defaults();
        assertBoth("components must be at least 1, not 0.", () -> GaussianMixture.builder().components(0),
                () -> new FitSettings(0, d.covariance(), d.init(), null, 1, 100, 1e-3, 1e-6, 0, 0, null));
        assertBoth("restarts must be at least 1, not -2.", () -> GaussianMixture.builder().restarts(-2),
                () -> new FitSettings(1, d.covariance(), d.init(), null, -2, 100, 1e-3, 1e-6, 0, 0, null));
        assertBoth("maxIterations must be at least 1, not 0.", () -> GaussianMixture.builder().maxIterations(0),
                () -> new FitSettings(1, d.covariance(), d.init(), null, 1, 0, 1e-3, 1e-6, 0, 0, null));
        assertBoth("tolerance must be finite and not negative, not NaN.", () -> GaussianMixture.builder().tolerance(Double.NaN),
                () -> new FitSettings(1, d.covariance(), d.init(), null, 1, 100, Double.NaN, 1e-6, 0, 0, null));
        assertBoth("regularization must be finite and not negative, not Infinity.",
                () -> GaussianMixture.builder().regularization(Double.POSITIVE_INFINITY),
                () -> new FitSettings(1, d.covariance(), d.init(), null, 1, 100, 1e-3, Double.POSITIVE_INFINITY, 0, 0, null));
        assertBoth("threads must be 0 (one per core) or more, not -1.", () -> GaussianMixture.builder().threads(-1),
                () -> new FitSettings(1, d.covariance(), d.init(), null, 1, 100, 1e-3, 1e-6, 0, -1, null));
        assertThrows(NullPointerException.class, () -> GaussianMixture.builder().covariance(null));
        assertThrows(NullPointerException.class, () -> GaussianMixture.builder().init(null));
    }

    @Test
    void theChecksNameTheValueAsTheCallerDoesAndReturnItWhenInRange() {
        assertMessage("k must be at least 1, not 0.", () -> FitSettings.checkComponents("k", 0));
        assertMessage("-I must be at least 1, not -1.", () -> FitSettings.checkMaxIterations("-I", -1));
        assertMessage("tol must be finite and not negative, not -1.0E-9.", () -> FitSettings.checkTolerance("tol", -1e-9));
        assertEquals(1, FitSettings.checkRestarts("n", 1));
        assertEquals(0.0, FitSettings.checkRegularization("reg", 0.0));
        assertEquals(0, FitSettings.checkThreads("slots", 0));
    }

    @Test
    void aSettingOutOfRangeLeavesTheBuilderAsItWas() {
        GaussianMixture.Builder b = GaussianMixture.builder().maxIterations(42);
        assertThrows(IllegalArgumentException.class, () -> b.maxIterations(0));
        assertEquals(42, b.build().maxIterations());
    }

    private static void assertBoth(String expected, Executable setter, Executable constructor) {
        assertMessage(expected, setter);
        assertMessage(expected, constructor);
    }

    private static void assertMessage(String expected, Executable bad) {
        assertEquals(expected, assertThrows(IllegalArgumentException.class, bad).getMessage());
    }
}
