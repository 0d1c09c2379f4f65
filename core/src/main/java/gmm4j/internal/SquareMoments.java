// SPDX-License-Identifier: Apache-2.0
package gmm4j.internal;

import java.io.Serial;

/**
 * Moments whose scatter is a symmetric d×d matrix (its lower triangle kept): one per component, or
 * one shared by all. The row and rank-four updates are the same for both; which matrix a component
 * adds to is the subclass's.
 */
abstract sealed class SquareMoments extends Moments permits MatrixMoments, PooledMoments {
    @Serial
    private static final long serialVersionUID = 1L;

    SquareMoments(int k, int d, double[] shift, int scatterRows) {
        super(k, d, shift, scatterRows);
    }

    /** The scatter row holding row a of the matrix component c adds to. */
    abstract double[] scatterRow(int c, int a);

    /** Σ w·r·(x − shift)(x − shift)ᵀ of the matrix component c adds to, as a full symmetric d×d matrix. */
    final double[] scatterMatrix(int c) {
        double[] s = new double[d * d];
        for (int i = 0; i < d; i++) {
            double[] row = scatterRow(c, i);
            for (int j = 0; j <= i; j++) {
                s[i * d + j] = row[j];
                s[j * d + i] = row[j];
            }
        }
        return s;
    }

    @Override
    final void addScatter(int c, double rw, double[] diff) {
        for (int a = 0; a < d; a++) {
            double rwa = rw * diff[a];
            double[] row = scatterRow(c, a);
            for (int b = 0; b <= a; b++) row[b] += rwa * diff[b];
        }
    }

    @Override
    final void addConditionalCovariance(int c, double rw, MarginalGaussian g) {
        int[] m = g.missing;
        int q = m.length;
        for (int a = 0; a < q; a++) {
            double[] row = scatterRow(c, m[a]);
            for (int b = 0; b < q; b++) {
                if (m[b] <= m[a]) row[m[b]] += rw * g.conditionalCovariance[a * q + b];
            }
        }
    }

    /**
     * The scatter of a block by columns, Σ_b weighted[a][b]·diffs[j][b] for j ≤ a, in tiles of four
     * rows by four columns of the matrix ({@link Kernels#products4x4}); a tile on the diagonal
     * computes its upper entries too and drops them.
     */
    @Override
    final void addScatterByColumns(int c, double[][] weighted, double[][] diffs, BlockScratch s, int count) {
        double[] tile = s.tile;
        for (int a0 = 0; a0 < d; a0 += 4) {
            for (int j0 = 0; j0 <= a0; j0 += 4) {
                s.products4x4(weighted, a0, d, diffs, j0, d, count);
                for (int p = 0; p < 4; p++) addToScatter(c, a0 + p, j0, tile, 4 * p);
            }
        }
    }

    /**
     * {@inheritDoc} The tiles on the diagonal compute only their lower entries, and the first
     * moments of their four columns with them ({@link VectorKernels#symmetricTile}): the moments'
     * own dot products, two loads per multiply-add, took a tenth of a dense fit at d = 16. Panel by
     * panel of {@link #PANEL_COLUMNS} columns; each entry gets one tile's sums, so the order of the
     * tiles does not change the bits.
     */
    @Override
    final void addRootWeighted(int c, BlockScratch s, int count, double[] root) {
        double[] tile = s.tile, first = sum[c];
        for (int p0 = 0; p0 < d; p0 += PANEL_COLUMNS) {
            int panelEnd = Math.min(d, p0 + PANEL_COLUMNS);
            for (int a0 = p0; a0 < d; a0 += 4) {
                for (int j0 = p0; j0 < Math.min(a0, panelEnd); j0 += 4) {
                    s.products4x4(s.diff, a0, d, s.diff, j0, d, count);
                    for (int p = 0; p < 4; p++) addToScatter(c, a0 + p, j0, tile, 4 * p);
                }
                if (a0 >= panelEnd) continue;
                s.vector.symmetricTile(s.diff, a0, d, root, count, tile, s.lanes);
                for (int p = 0; p < 4 && a0 + p < d; p++) {
                    addToScatter(c, a0 + p, a0, tile, 4 * p);
                    first[a0 + p] += tile[16 + p];
                }
            }
        }
    }

    /**
     * Columns of the scatter per panel of {@link #addRootWeighted}: a panel's columns of the block's
     * differences (8 × 256 rows, 16 KB) stay in the L1 cache while every tile row below it reads
     * them; tile row by tile row over all the columns, each tile read its four from L2 at d = 64
     * (×0.95 per iteration at 100 000×64, K = 8, separated and overlapping, on an Intel Xeon with
     * AVX-512; 16 measured the same there, and would fill a 32 KB L1 cache).
     */
    private static final int PANEL_COLUMNS = 8;

    /** Adds a tile's row of four sums, {@code tile[at..at+4)}, to row a of the matrix component c adds to, the entries at or below the diagonal. */
    private void addToScatter(int c, int a, int j0, double[] tile, int at) {
        if (a >= d) return;
        double[] row = scatterRow(c, a);
        for (int q = 0; q < 4 && j0 + q <= a; q++) row[j0 + q] += tile[at + q];
    }

    /** The weight of the q-th row of {@code s.quad}, of which the first {@code valid} are real (the others repeat one with weight 0). */
    static double quadWeight(BlockScratch s, double[] w, int q, int valid) {
        return q < valid ? w[s.quad[q]] : 0;
    }

    /**
     * The differences of the rows in {@code s.quad} from component c's shift, into {@code s.quadDiff}:
     * each row copied first, since the JIT vectorises a loop over arrays indexed by j alone but not
     * one that reads at an offset.
     */
    final void quadDifferences(BlockScratch s, double[] x, int c) {
        double[] shiftC = shiftRow(c);
        for (int q = 0; q < 4; q++) {
            double[] dq = s.quadDiff[q];
            System.arraycopy(x, s.blockRows[s.quad[q]] * d, dq, 0, d);
            for (int j = 0; j < d; j++) dq[j] -= shiftC[j];
        }
    }

    /** Adds the four rows of {@code s.quadDiff}, weighted, to component c's mass and first moment. */
    final void addQuadSums(BlockScratch s, int c, double w0, double w1, double w2, double w3) {
        double[] d0 = s.quadDiff[0], d1 = s.quadDiff[1], d2 = s.quadDiff[2], d3 = s.quadDiff[3];
        count[c] += (w0 + w1) + (w2 + w3);
        double[] sumC = sum[c];
        for (int j = 0; j < d; j++) sumC[j] += (w0 * d0[j] + w1 * d1[j]) + (w2 * d2[j] + w3 * d3[j]);
    }

    /**
     * Adds Σ_q w_q·diff_q·diff_qᵀ over the four rows of {@code s.quadDiff} to the matrix component c
     * adds to: one pass over the matrix, which stays in the L1 cache, for four rows (the update is
     * bound by its loads and stores).
     */
    final void addQuadScatter(BlockScratch s, int c, double w0, double w1, double w2, double w3) {
        double[] d0 = s.quadDiff[0], d1 = s.quadDiff[1], d2 = s.quadDiff[2], d3 = s.quadDiff[3];
        for (int a = 0; a < d; a++) {
            double a0 = w0 * d0[a], a1 = w1 * d1[a], a2 = w2 * d2[a], a3 = w3 * d3[a];
            double[] row = scatterRow(c, a);
            int end = Math.min(d, (a + 8) & ~7);
            for (int j = 0; j < end; j++) row[j] += (a0 * d0[j] + a1 * d1[j]) + (a2 * d2[j] + a3 * d3[j]);
        }
    }
}
