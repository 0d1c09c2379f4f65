// SPDX-License-Identifier: Apache-2.0
package gmm4j.smile;

import gmm4j.CovarianceType;
import gmm4j.FitSettings;
import gmm4j.GaussianMixture;
import gmm4j.Initialization;
import gmm4j.smile.GaussianMixtureClustering.Options;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The options' ranges and defaults are the core's: the same values are refused with the core's words, under Smile's names. */
class OptionsFromCoreTest {

    @Test
    void theDefaultsAreTheCores() {
        FitSettings core = FitSettings.defaults();
        for (Options o : new Options[]{new Options(3), Options.of(new Properties())}) {
            assertEquals(core.covariance(), o.covariance());
            assertEquals(core.maxIterations(), o.maxIter());
            assertEquals(core.tolerance(), o.tol());
            assertEquals(core.regularization(), o.regularization());
            assertEquals(core.restarts(), o.restarts());
            assertEquals(core.init(), o.init());
            assertEquals(core.threads(), o.threads());
            assertEquals(core.noise(), o.noise());
        }
    }

    @Test
    void theOptionsBecomeTheCoresSettingsUnchanged() {
        var options = new Options(4, CovarianceType.DIAGONAL, 37, 2.5E-7, 0.125, 3, Initialization.RANDOM, -12, 2, null, true, false);
        FitSettings s = options.toGaussianMixture().settings();
        assertEquals(new FitSettings(4, CovarianceType.DIAGONAL, Initialization.RANDOM, null, 3, 37, 2.5E-7, 0.125, -12, 2,
                s.listener(), true, null), s);
    }

    @Test
    void outOfRangeValuesAreRefusedAsTheCoreRefusesThem() {
        for (int bad : new int[]{0, -1, Integer.MIN_VALUE}) {
            assertSameRefusal("components", "k", () -> GaussianMixture.builder().components(bad), () -> options(bad, 100, 1E-3, 1E-6, 1, 0));
            assertSameRefusal("maxIterations", "maxIter", () -> GaussianMixture.builder().maxIterations(bad), () -> options(2, bad, 1E-3, 1E-6, 1, 0));
            assertSameRefusal("restarts", "restarts", () -> GaussianMixture.builder().restarts(bad), () -> options(2, 100, 1E-3, 1E-6, bad, 0));
        }
        assertSameRefusal("threads", "threads", () -> GaussianMixture.builder().threads(-1), () -> options(2, 100, 1E-3, 1E-6, 1, -1));
        assertSameRefusal("threads", "threads", () -> GaussianMixture.builder().threads(40_000),
                () -> options(2, 100, 1E-3, 1E-6, 1, 40_000));
        for (double bad : new double[]{-1E-300, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
            assertSameRefusal("tolerance", "tol", () -> GaussianMixture.builder().tolerance(bad), () -> options(2, 100, bad, 1E-6, 1, 0));
            assertSameRefusal("regularization", "regularization", () -> GaussianMixture.builder().regularization(bad),
                    () -> options(2, 100, 1E-3, bad, 1, 0));
        }
    }

    @Test
    void theEdgesOfTheRangesAreAccepted() {
        assertDoesNotThrow(() -> options(1, 1, 0, 0, 1, 0));
        assertDoesNotThrow(() -> options(Integer.MAX_VALUE, Integer.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE,
                Integer.MAX_VALUE, gmm4j.FitSettings.MAX_THREADS));
    }

    private static Options options(int k, int maxIter, double tol, double regularization, int restarts, int threads) {
        return new Options(k, CovarianceType.FULL, maxIter, tol, regularization, restarts, Initialization.KMEANS, 1,
                threads, null);
    }

    /** The adapter's message is the core's, with the Smile option's name for the core's. */
    private static void assertSameRefusal(String coreName, String smileName, Executable core, Executable smile) {
        String coreMessage = assertThrows(IllegalArgumentException.class, core).getMessage();
        String smileMessage = assertThrows(IllegalArgumentException.class, smile).getMessage();
        assertEquals(coreName + " ", coreMessage.substring(0, coreName.length() + 1), coreMessage);
        assertEquals(smileName + coreMessage.substring(coreName.length()), smileMessage);
    }
}
