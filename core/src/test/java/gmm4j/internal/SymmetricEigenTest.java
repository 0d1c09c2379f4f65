// SPDX-License-Identifier: Apache-2.0
package gmm4j.internal;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Jacobi eigensolver and the polar factor the EVE and VVE M-steps take from it. */
class SymmetricEigenTest {
    @Test
    void decomposesRandomSymmetricMatrices() {
        Random random = new Random(3);
        for (int d = 1; d <= 9; d++) {
            for (int trial = 0; trial < 20; trial++) {
                double[] a = new double[d * d];
                for (int i = 0; i < d; i++) {
                    for (int j = 0; j <= i; j++) a[i * d + j] = a[j * d + i] = random.nextGaussian() * (trial % 3 == 0 ? 1e6 : 1);
                }
                assertDecomposes(a, d);
            }
        }
    }

    @Test
    void repeatedAndZeroEigenvalues() {
        assertDecomposes(new double[]{2, 0, 0, 0, 2, 0, 0, 0, 2}, 3);
        assertDecomposes(new double[]{1, 1, 1, 1, 1, 1, 1, 1, 1}, 3); // rank one: 3, 0, 0
        SymmetricEigen e = SymmetricEigen.of(new double[]{1, 1, 1, 1, 1, 1, 1, 1, 1}, 3);
        assertEquals(3, e.values[0], 1e-14);
        assertEquals(0, e.values[2], 1e-14);
    }

    @Test
    void orthogonalFactorIsThePolarFactor() {
        Random random = new Random(4);
        int d = 4;
        for (int trial = 0; trial < 20; trial++) {
            double[] f = new double[d * d];
            for (int i = 0; i < d * d; i++) f[i] = random.nextGaussian();
            if (trial % 4 == 0) for (int i = 0; i < d; i++) f[i * d + 3] = f[i * d + 2]; // singular
            double[] u = OrientationConstraints.orthogonalFactor(f, d);
            // U orthogonal, and Uᵀ·F symmetric positive semi-definite
            double[] utu = OrientationConstraints.multiply(OrientationConstraints.transpose(u, d), u, d);
            double[] h = OrientationConstraints.multiply(OrientationConstraints.transpose(u, d), f, d);
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    assertEquals(i == j ? 1 : 0, utu[i * d + j], 1e-12);
                    assertEquals(h[i * d + j], h[j * d + i], 1e-12);
                }
            }
            for (double v : SymmetricEigen.of(h, d).values) assertTrue(v > -1e-12, "eigenvalue " + v);
        }
    }

    private static void assertDecomposes(double[] a, int d) {
        SymmetricEigen e = SymmetricEigen.of(a, d);
        double scale = 0;
        for (double v : a) scale = Math.max(scale, Math.abs(v));
        double[] back = e.compose(e.values);
        for (int i = 0; i < d * d; i++) assertEquals(a[i], back[i], 1e-13 * Math.max(scale, 1));
        double[] vtv = OrientationConstraints.multiply(OrientationConstraints.transpose(e.vectors, d), e.vectors, d);
        for (int i = 0; i < d; i++) for (int j = 0; j < d; j++) assertEquals(i == j ? 1 : 0, vtv[i * d + j], 1e-13);
        for (int i = 1; i < d; i++) assertTrue(e.values[i - 1] >= e.values[i], "decreasing");
    }
}
