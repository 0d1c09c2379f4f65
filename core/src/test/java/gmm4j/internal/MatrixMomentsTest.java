// SPDX-License-Identifier: Apache-2.0
package gmm4j.internal;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A block's full-covariance moments against their formulas, for components with weight on every
 * row, on most rows and on a few (the three ways the moments read a block), dimensions with and
 * without a ragged group of four, rows out of the data's order. Runs on the scalar loops, and again
 * on the vector path with its module.
 */
class MatrixMomentsTest {
    private static final int ROWS = 203; // not a multiple of any vector's rows
    /** The share of the block's rows each component has weight on. */
    private static final double[] SHARES = {1.0, 0.9, 0.6, 0.3, 0.02};

    @Test
    void eachComponentsMomentsAreItsWeightedSums() {
        Random random = new Random(31);
        int k = SHARES.length;
        for (int d : new int[]{3, 5, 16, 37, 64}) {
            int n = 2 * ROWS;
            double[] x = new double[n * d], shift = new double[k * d];
            for (int i = 0; i < x.length; i++) x[i] = 50 + random.nextGaussian();
            for (int i = 0; i < shift.length; i++) shift[i] = 50 + random.nextGaussian();
            BlockScratch s = new BlockScratch(k, d, Kernels.TILE_ROWS);
            s.vector = Parallel.VECTOR;
            for (int b = 0; b < ROWS; b++) s.blockRows[b] = n - 1 - 2 * b;
            s.transposeBlock(x, d, ROWS, null);
            for (int c = 0; c < k; c++) {
                for (int b = 0; b < ROWS; b++) s.byComponent[c][b] = random.nextDouble() < SHARES[c] ? random.nextDouble() : 0;
            }
            double[][] weights = new double[k][];
            for (int c = 0; c < k; c++) weights[c] = s.byComponent[c].clone();
            MatrixMoments moments = new MatrixMoments(k, d, shift);
            moments.addBlock(s, x, ROWS);
            for (int c = 0; c < k; c++) {
                double mass = 0;
                double[] first = new double[d], scatter = new double[d * d];
                for (int b = 0; b < ROWS; b++) {
                    double w = weights[c][b];
                    mass += w;
                    int from = s.blockRows[b] * d;
                    for (int a = 0; a < d; a++) {
                        double u = x[from + a] - shift[c * d + a];
                        first[a] += w * u;
                        for (int j = 0; j < d; j++) scatter[a * d + j] += w * u * (x[from + j] - shift[c * d + j]);
                    }
                }
                String where = "d = " + d + ", component " + c + " (share " + SHARES[c] + ")";
                assertEquals(mass, moments.count[c], 1e-12 * mass, where + ": mass");
                double[] made = moments.scatterMatrix(c);
                for (int a = 0; a < d; a++) {
                    assertEquals(first[a], moments.sum[c][a], 1e-11 * (mass + 1), where + ": first moment " + a);
                    for (int j = 0; j < d; j++) {
                        assertEquals(scatter[a * d + j], made[a * d + j], 1e-11 * (mass + 1), where + ": scatter " + a + ", " + j);
                    }
                }
            }
        }
    }
}
