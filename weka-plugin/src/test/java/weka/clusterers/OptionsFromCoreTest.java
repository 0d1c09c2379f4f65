// SPDX-License-Identifier: Apache-2.0
package weka.clusterers;

import gmm4j.CovarianceType;
import gmm4j.FitSettings;
import gmm4j.ModelSelection;
import gmm4j.Initialization;
import gmm4j.weka.EngineSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import weka.core.SelectedTag;
import weka.core.Tag;
import weka.core.Utils;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The fit options' ranges and defaults are the core's: the clusterer refuses the same values with
 * the core's words (under its own names), and its defaults are the core's but where Weka's EM sets
 * its own (restarts, seed, execution slots).
 */
class OptionsFromCoreTest {

    @Test
    void theFitDefaultsAreTheCores() {
        FitSettings core = FitSettings.defaults();
        EngineSettings weka = new GaussianMixture().engineSettings();
        assertEquals(core.covariance(), weka.covariance());
        assertEquals(ModelSelection.DEFAULT_INIT, weka.start(), "K is chosen by default: mclust's start");
        assertEquals(core.init(), weka.withComponents(3).start(), "a fixed K and type: the core's (scikit-learn's) start");
        assertEquals(core.maxIterations(), weka.maxIterations());
        assertEquals(core.tolerance(), weka.tolerance());
        assertEquals(core.regularization(), weka.regularization());
        assertEquals(core.noise(), weka.noise());
        FitSettings estimator = weka.estimator(null).settings();
        assertEquals(core.components(), estimator.components(), "K stands at the core's default until the selection sets it");
    }

    @Test
    void everyTagBecomesTheEnginesValueOfTheSameName() throws Exception {
        GaussianMixture clusterer = new GaussianMixture();
        for (Tag tag : GaussianMixture.TAGS_COVARIANCE) {
            clusterer.setCovarianceType(new SelectedTag(tag.getID(), GaussianMixture.TAGS_COVARIANCE));
            CovarianceType type = clusterer.engineSettings().covariance();
            if (tag.getID() == GaussianMixture.COVARIANCE_AUTO) assertNull(type);
            else assertEquals(tag.getIDStr(), type.name().toLowerCase());
        }
        for (Tag tag : GaussianMixture.TAGS_INIT) {
            clusterer.setInitialization(new SelectedTag(tag.getID(), GaussianMixture.TAGS_INIT));
            Initialization init = clusterer.engineSettings().init();
            if (tag.getID() == GaussianMixture.INIT_AUTO) assertNull(init);
            else assertEquals(tag.getIDStr(), init.name().toLowerCase().replace("_plus_plus", "++").replace('_', '-'));
        }
    }

    @Test
    void outOfRangeValuesAreRefusedAsTheCoreRefusesThem() {
        for (int bad : new int[]{0, -1, Integer.MIN_VALUE}) {
            assertSameRefusal("components", "The minimum number of clusters", () -> gmm4j.GaussianMixture.builder().components(bad),
                    () -> new GaussianMixture().setMinNumClusters(bad), "-min " + bad);
            assertSameRefusal("components", "The maximum number of clusters", () -> gmm4j.GaussianMixture.builder().components(bad),
                    () -> new GaussianMixture().setMaxNumClusters(bad), "-max " + bad);
            assertSameRefusal("restarts", "The number of restarts", () -> gmm4j.GaussianMixture.builder().restarts(bad),
                    () -> new GaussianMixture().setNumRestarts(bad), "-n-init " + bad);
            assertSameRefusal("maxIterations", "The maximum number of iterations", () -> gmm4j.GaussianMixture.builder().maxIterations(bad),
                    () -> new GaussianMixture().setMaxIterations(bad), "-I " + bad);
        }
        assertSameRefusal("threads", "The number of execution slots", () -> gmm4j.GaussianMixture.builder().threads(-1),
                () -> new GaussianMixture().setNumExecutionSlots(-1), "-num-slots -1");
        assertSameRefusal("threads", "The number of execution slots", () -> gmm4j.GaussianMixture.builder().threads(40_000),
                () -> new GaussianMixture().setNumExecutionSlots(40_000), "-num-slots 40000");
        for (double bad : new double[]{-1E-300, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
            assertSameRefusal("tolerance", "The tolerance", () -> gmm4j.GaussianMixture.builder().tolerance(bad),
                    () -> new GaussianMixture().setTolerance(bad), "-tol " + bad);
            assertSameRefusal("regularization", "The regularization", () -> gmm4j.GaussianMixture.builder().regularization(bad),
                    () -> new GaussianMixture().setRegularization(bad), "-reg " + bad);
        }
    }

    /**
     * The property setter and {@code setOptions} both refuse with the core's message, the core's
     * name of the value replaced by Weka's.
     */
    private static void assertSameRefusal(String coreName, String wekaName, Executable core, Executable setter, String options) {
        String coreMessage = assertThrows(IllegalArgumentException.class, core).getMessage();
        assertEquals(coreName + " ", coreMessage.substring(0, coreName.length() + 1), coreMessage);
        String expected = wekaName + coreMessage.substring(coreName.length());
        assertEquals(expected, assertThrows(IllegalArgumentException.class, setter).getMessage());
        Exception fromOptions = assertThrows(Exception.class,
                () -> new GaussianMixture().setOptions(Utils.splitOptions(options)));
        assertEquals(expected, fromOptions.getMessage(), options);
    }
}
