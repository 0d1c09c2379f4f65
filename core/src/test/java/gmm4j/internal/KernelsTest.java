// SPDX-License-Identifier: Apache-2.0
package gmm4j.internal;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The register-tiled dot products against one dot product per pair. */
class KernelsTest {
    @Test
    void withoutTheIncubatorModuleThePassesRunTheScalarLoops() {
        // surefire's default execution starts the JVM without --add-modules jdk.incubator.vector
        assertTrue(ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty(), "this test runs without the module");
        assertNull(Parallel.VECTOR);
        try (Parallel parallel = new Parallel(2)) {
            assertNull(parallel.vector);
        }
    }

    @Test
    void fourByFourTilesAreSixteenDotProductsWithTheEdgesRepeated() {
        Random random = new Random(3);
        int n = 257;
        double[][] a = new double[6][n], c = new double[7][n];
        for (double[] row : a) for (int b = 0; b < n; b++) row[b] = random.nextGaussian();
        for (double[] row : c) for (int b = 0; b < n; b++) row[b] = random.nextGaussian();
        double[] tile = new double[16];
        // a tile past both ends: rows 4..7 of a (6 rows), columns 4..7 of c (7 rows)
        Kernels.products4x4(a, 4, a.length, c, 4, c.length, n, tile);
        for (int p = 0; p < 4; p++) {
            for (int q = 0; q < 4; q++) {
                double[] x = a[Math.min(4 + p, a.length - 1)], y = c[Math.min(4 + q, c.length - 1)];
                double expected = 0, scale = 0;
                for (int b = 0; b < n; b++) {
                    expected += x[b] * y[b];
                    scale += Math.abs(x[b] * y[b]);
                }
                assertEquals(expected, tile[4 * p + q], 1e-14 * scale, "p=" + p + " q=" + q);
            }
        }
    }

    @Test
    void countsTheValuesThatAreNotZero() {
        assertEquals(2, Kernels.nonZero(new double[] {0, 1e-300, -0.0, 3, 5}, 4));
    }
}
