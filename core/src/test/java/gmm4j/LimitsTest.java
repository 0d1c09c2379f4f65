// SPDX-License-Identifier: Apache-2.0
package gmm4j;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Settings at their limits work, or fail at build time with a clear message (issue 15, points 6 and 8). */
class LimitsTest {
    private static final double[][] SIX = {{0, 0}, {1, 0}, {0, 1}, {9, 9}, {10, 9}, {9, 10}};

    @Test
    void runUntilConvergedNeedsNoMemoryForTheIterationsItDoesNotRun() {
        GaussianMixtureModel model = GaussianMixture.builder().components(2).maxIterations(Integer.MAX_VALUE).build().fit(SIX);
        assertTrue(model.converged());
        assertEquals(model.iterations(), model.restarts().get(0).trace().length);
    }
}
