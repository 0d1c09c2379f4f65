// SPDX-License-Identifier: Apache-2.0
package gmm4j.smile;

import gmm4j.CovarianceType;
import gmm4j.Initialization;
import gmm4j.smile.GaussianMixtureClustering.Options;
import org.junit.jupiter.api.Test;
import smile.math.MathEx;
import smile.util.AlgoStatus;
import smile.util.IterativeAlgorithmController;

import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OptionsTest {

    private static Options options(int k, int maxIter, double tol, double regularization, int restarts, int threads) {
        return new Options(k, CovarianceType.FULL, maxIter, tol, regularization, restarts, Initialization.KMEANS, 1,
                threads, null);
    }

    @Test
    void everyOptionRoundTripsThroughProperties() {
        var options = new Options(4, CovarianceType.SPHERICAL, 37, 2.5E-7, 0.125, 3, Initialization.RANDOM_FROM_DATA,
                -1234567890123L, 2, null, true, false);
        Properties props = options.toProperties();
        assertEquals("4", props.getProperty("smile.gmm.k"));
        assertEquals("SPHERICAL", props.getProperty("smile.gmm.covariance"));
        assertEquals("37", props.getProperty("smile.gmm.iterations"));
        assertEquals("true", props.getProperty("smile.gmm.noise"));
        assertEquals("false", props.getProperty("smile.gmm.prior"));
        assertEquals(11, props.size());
        assertEquals(options, Options.of(props));
        assertEquals(options.withNoise(false), Options.of(options.withNoise(false).toProperties()));
        var map = options.withNoise(false).withPrior(true);
        assertEquals("true", map.toProperties().getProperty("smile.gmm.prior"));
        assertEquals(map, Options.of(map.toProperties()));
    }

    /** The prior: mclust's default conjugate prior, refused for a covariance type mclust has none for. */
    @Test
    void priorFitsUnderMclustsDefaultPrior() {
        double[][] iris = TestData.iris();
        var plain = GaussianMixtureClustering.fit(iris, new Options(3, CovarianceType.FULL, 100, 1E-3, 1E-6, 1,
                Initialization.KMEANS, 1, 1, null));
        var map = GaussianMixtureClustering.fit(iris, new Options(3, CovarianceType.FULL, 100, 1E-3, 1E-6, 1,
                Initialization.KMEANS, 1, 1, null).withPrior(true));
        assertNull(plain.model().prior());
        assertEquals(gmm4j.ConjugatePrior.mclustDefault().shrinkage(), map.model().prior().shrinkage());
        assertNotEquals(plain.logLikelihood(), map.logLikelihood());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Options(3,
                CovarianceType.VEE, 100, 1E-3, 1E-6, 1, Initialization.KMEANS, 1, 1, null).withPrior(true));
        assertTrue(e.getMessage().contains("VEE"), e.getMessage());
        assertMessage("smile.gmm.prior must be true or false, not 'yes'.", () -> Options.of(with("smile.gmm.prior", "yes")));
    }

    @Test
    void missingPropertiesTakeTheDefaults() {
        MathEx.setSeed(5);
        long expectedSeed = MathEx.randomLong();
        MathEx.setSeed(5);
        var options = Options.of(new Properties());
        assertEquals(new Options(2, CovarianceType.FULL, 100, 1E-3, 1E-6, 1, Initialization.KMEANS, expectedSeed, 0, null),
                options);
    }

    @Test
    void theShortConstructorsDrawTheSeedFromSmilesGenerator() {
        MathEx.setSeed(77);
        var first = new Options(3);
        var second = new Options(3, 50);
        MathEx.setSeed(77);
        assertEquals(first, new Options(3));
        assertNotEquals(first.seed(), second.seed(), "each Options draws a new seed");
        assertEquals(50, second.maxIter());
        assertEquals(100, first.maxIter());
        assertNull(first.controller());
    }

    @Test
    void propertiesAreReadInAnyCaseAndWithSpaces() {
        Properties props = new Properties();
        props.setProperty("smile.gmm.covariance", " diagonal");
        props.setProperty("smile.gmm.init", "kmeans_plus_plus");
        props.setProperty("smile.gmm.seed", "9");
        var options = Options.of(props);
        assertEquals(CovarianceType.DIAGONAL, options.covariance());
        assertEquals(Initialization.KMEANS_PLUS_PLUS, options.init());
    }

    /** The covariance property takes every type by either scheme's name, in any case, and writes it back as the enum's. */
    @Test
    void covarianceTakesMclustsAndScikitLearnsNames() {
        assertEquals(CovarianceType.VEV, Options.of(with("smile.gmm.covariance", "VEV")).covariance());
        for (CovarianceType type : CovarianceType.values()) {
            for (String name : new String[]{type.mclustName(), type.mclustName().toLowerCase(java.util.Locale.ROOT), type.name()}) {
                Options options = Options.of(with("smile.gmm.covariance", name));
                assertEquals(type, options.covariance(), name);
                assertEquals(type.name(), options.toProperties().getProperty("smile.gmm.covariance"), name);
            }
        }
    }

    @Test
    void theHierarchicalStartIsAnInitProperty() {
        Properties props = new Properties();
        props.setProperty("smile.gmm.init", "hierarchical");
        assertEquals(Initialization.HIERARCHICAL, Options.of(props).init());
    }

    @Test
    void badPropertiesNameTheKey() {
        assertMessage("smile.gmm.k must be an integer, not 'three'.", () -> Options.of(with("smile.gmm.k", "three")));
        assertMessage("smile.gmm.tolerance must be a number, not '1e-3x'.", () -> Options.of(with("smile.gmm.tolerance", "1e-3x")));
        assertMessage("smile.gmm.covariance must be one of " + CovarianceType.acceptedNames() + ", not 'round'.",
                () -> Options.of(with("smile.gmm.covariance", "round")));
        assertMessage("k must be at least 1, not 0.", () -> Options.of(with("smile.gmm.k", "0")));
        assertMessage("smile.gmm.noise must be true or false, not 'yes'.", () -> Options.of(with("smile.gmm.noise", "yes")));
    }

    @Test
    void badValuesAreRejectedWhenTheOptionsAreMade() {
        assertMessage("k must be at least 1, not 0.", () -> options(0, 100, 1E-3, 1E-6, 1, 0));
        assertMessage("maxIter must be at least 1, not 0.", () -> options(2, 0, 1E-3, 1E-6, 1, 0));
        assertMessage("tol must be finite and not negative, not -1.0.", () -> options(2, 100, -1, 1E-6, 1, 0));
        assertMessage("tol must be finite and not negative, not NaN.", () -> options(2, 100, Double.NaN, 1E-6, 1, 0));
        assertMessage("regularization must be finite and not negative, not Infinity.",
                () -> options(2, 100, 1E-3, Double.POSITIVE_INFINITY, 1, 0));
        assertMessage("restarts must be at least 1, not 0.", () -> options(2, 100, 1E-3, 1E-6, 0, 0));
        assertMessage("threads must be 0 (one per core) or more, not -1.", () -> options(2, 100, 1E-3, 1E-6, 1, -1));
        assertThrows(NullPointerException.class, () -> new Options(2, null, 100, 1E-3, 1E-6, 1, Initialization.KMEANS, 1, 0, null));
    }

    @Test
    void theControllerIsNotAProperty() {
        try (var controller = new IterativeAlgorithmController<AlgoStatus>()) {
            var options = new Options(2, CovarianceType.FULL, 100, 1E-3, 1E-6, 1, Initialization.KMEANS, 1, 0, controller);
            var restored = Options.of(options.toProperties());
            assertNull(restored.controller());
            assertEquals(options.seed(), restored.seed());
            assertTrue(options.toProperties().keySet().stream().allMatch(key -> ((String) key).startsWith("smile.gmm.")));
        }
    }

    private static Properties with(String key, String value) {
        Properties props = new Properties();
        props.setProperty(key, value);
        return props;
    }

    static void assertMessage(String expected, org.junit.jupiter.api.function.Executable bad) {
        assertEquals(expected, assertThrows(IllegalArgumentException.class, bad).getMessage());
    }
}
