// SPDX-License-Identifier: Apache-2.0
package gmm4j.internal;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The diagonal and spherical log-densities of a block against the formula, for dimensions with and
 * without a ragged group of axes (the spherical kernel sums whole groups of four unscaled and pads the
 * last one otherwise), the means folded into the diagonal's roots and not. Runs on the scalar loops, and again on the vector path with its module.
 */
class AxisAlignedLogDensityTest {
    private static final int K = 3;
    private static final int ROWS = 203; // not a multiple of any vector's rows

    @Test
    void sphericalAndDiagonalLogDensitiesAreTheFormulas() {
        // 100 from the origin the diagonal folds the means into the roots (|m·r| ≤ 1024), 10⁴ away it takes the differences
        for (double offset : new double[]{100, 1e4}) check(offset);
    }

    private static void check(double offset) {
        Random random = new Random(13);
        for (int d : new int[]{1, 3, 4, 6, 8, 9}) {
            double[][] variances = new double[K][d];
            double[][] matrices = new double[K][d * d];
            double[][] sphericalMatrices = new double[K][d * d];
            for (int c = 0; c < K; c++) {
                double spherical = 0.2 + random.nextDouble();
                for (int j = 0; j < d; j++) {
                    variances[c][j] = 0.1 + 2 * random.nextDouble();
                    matrices[c][j * d + j] = variances[c][j];
                    sphericalMatrices[c][j * d + j] = spherical;
                }
            }
            double[] means = new double[K * d];
            for (int i = 0; i < means.length; i++) means[i] = 5 * random.nextGaussian();
            double[][] xt = new double[d][Kernels.TILE_ROWS];
            for (int j = 0; j < d; j++) for (int b = 0; b < ROWS; b++) xt[j][b] = offset + 4 * random.nextGaussian();
            for (int j = 0; j < d; j++) for (int i = j; i < means.length; i += d) means[i] += offset;
            check(DiagonalCovariance.MODEL.fromMatrices(d, matrices, 0, RepairLog.IGNORE), xt, means, d, "diagonal, " + offset);
            check(SphericalCovariance.MODEL.fromMatrices(d, sphericalMatrices, 0, RepairLog.IGNORE), xt, means, d, "spherical, " + offset);
        }
    }

    private static void check(Covariance covariance, double[][] xt, double[] means, int d, String what) {
        BlockScratch s = new BlockScratch(K, d, Kernels.TILE_ROWS);
        s.vector = Parallel.VECTOR;
        double[][] out = new double[K][Kernels.TILE_ROWS];
        covariance.logGaussian(xt, ROWS, means, out, s);
        for (int c = 0; c < K; c++) {
            double[] variance = covariance.matrix(c);
            for (int b = 0; b < ROWS; b++) {
                double expected = -0.5 * d * Math.log(2 * Math.PI);
                for (int j = 0; j < d; j++) {
                    double z = xt[j][b] - means[c * d + j], v = variance[j * d + j];
                    expected -= 0.5 * (Math.log(v) + z * z / v);
                }
                assertEquals(expected, out[c][b], 1e-12 * (1 + Math.abs(expected)),
                        what + ", d = " + d + ", component " + c + ", row " + b);
            }
        }
    }
}
