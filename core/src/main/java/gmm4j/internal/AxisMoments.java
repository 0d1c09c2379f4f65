// SPDX-License-Identifier: Apache-2.0
package gmm4j.internal;

import java.io.Serial;

/** Moments for axis-aligned covariances (diagonal, spherical): the scatter's diagonal per component. */
sealed class AxisMoments extends Moments permits SphericalMoments {
    @Serial
    private static final long serialVersionUID = 1L;

    AxisMoments(int k, int d, double[] shift) {
        super(k, d, shift, k);
    }

    @Override
    AxisMoments empty() {
        return new AxisMoments(k, d, shift);
    }

    /** Component c's weighted variances around its new mean, S/n − m², with m the new mean's offset from the shift. */
    double[] variances(int c) {
        double n = mass(c);
        double[] var = new double[d];
        for (int j = 0; j < d; j++) {
            double m = sum[c][j] / n;
            var[j] = scatter[c][j] / n - m * m;
        }
        return var;
    }

    @Override
    void addScatter(int c, double rw, double[] diff) {
        double[] diagonal = scatter[c];
        for (int j = 0; j < d; j++) diagonal[j] += rw * diff[j] * diff[j];
    }

    @Override
    void addConditionalCovariance(int c, double rw, MarginalGaussian g) {
        int[] m = g.missing;
        int q = m.length;
        double[] diagonal = scatter[c];
        for (int a = 0; a < q; a++) diagonal[m[a]] += rw * g.conditionalCovariance[a * q + a];
    }

    @Override
    void addScatterByColumns(int c, double[][] weighted, double[][] diffs, BlockScratch s, int count) {
        double[] diagonal = scatter[c];
        for (int j = 0; j < d; j++) diagonal[j] += s.dot(weighted[j], diffs[j], count);
    }

    /**
     * The diagonal moments of the block: first, per component, the positions of its rows with
     * weight and, in place, their weights are listed (a branch-free pass: which rows a component
     * explains is not predictable), unless it has weight on {@link #WHOLE_SHARE a good share} of
     * them, which are then all taken; then each four columns of the transposed block, while they
     * are in the L1 cache, give every component its first moments and scatter diagonal on its rows. Measured against rank-four updates of rows copied from the data: 30%
     * faster fits at 200 000×16 (where a row's loops are too short to vectorise), 15% at 100 000×64.
     */
    @Override
    void addBlock(BlockScratch s, double[] x, int count) {
        if (d <= SMALL_D) {
            addBlockByColumns(s, count);
            return;
        }
        int[][] positions = s.positions();
        int[] listed = s.positionCount;
        for (int c = 0; c < k; c++) {
            double[] wr = s.byComponent[c];
            int withWeight = 0; // every eighth row: the count itself took a tenth of a fit at 200 000×16
            for (int b = 0; b < count; b += 8) withWeight += wr[b] != 0 ? 1 : 0;
            if (withWeight * WHOLE_SHARE >= (count + 7) / 8) {
                listed[c] = count; // its zero weights add nothing to the whole column's sums
                this.count[c] += s.dot(wr, null, count);
                continue;
            }
            int[] picked = positions[c];
            int m = 0;
            for (int b = 0; b < count; b++) {
                double w = wr[b];
                picked[m] = b;
                wr[m] = w;
                m += w != 0 ? 1 : 0;
            }
            listed[c] = m;
            this.count[c] += s.dot(wr, null, m);
        }
        int j = 0;
        for (; j + 3 < d; j += 4) {
            for (int c = 0; c < k; c++) {
                int m = listed[c];
                if (m == count) {
                    addWholeColumns4(c, j, count, s);
                } else if (m > 0) {
                    addListedColumns4(c, j, s.xt, positions[c], s.byComponent[c], m);
                }
            }
        }
        for (; j < d; j++) {
            for (int c = 0; c < k; c++) {
                int m = listed[c];
                if (m == 0) continue;
                if (m == count) addWholeColumn(c, j, s.xt[j], s.byComponent[c], count, shift[c * d + j], s);
                else addListedColumn(c, j, s.xt[j], positions[c], s.byComponent[c], m);
            }
        }
    }

    /**
     * Columns j..j+3's first moments and scatters for component c on its m listed rows: eight
     * independent sums, so that the additions' latency does not bound the loop (with two sums per
     * column, the listed rows' loop took most of a separated fit's samples at d = 64).
     */
    private void addListedColumns4(int c, int j, double[][] xt, int[] picked, double[] weight, int m) {
        double[] x0 = xt[j], x1 = xt[j + 1], x2 = xt[j + 2], x3 = xt[j + 3];
        int at = c * d + j;
        double h0 = shift[at], h1 = shift[at + 1], h2 = shift[at + 2], h3 = shift[at + 3];
        double f0 = 0, f1 = 0, f2 = 0, f3 = 0, q0 = 0, q1 = 0, q2 = 0, q3 = 0;
        for (int i = 0; i < m; i++) {
            int b = picked[i];
            double w = weight[i];
            double v0 = x0[b] - h0, v1 = x1[b] - h1, v2 = x2[b] - h2, v3 = x3[b] - h3;
            double u0 = w * v0, u1 = w * v1, u2 = w * v2, u3 = w * v3;
            f0 += u0;
            f1 += u1;
            f2 += u2;
            f3 += u3;
            q0 += u0 * v0;
            q1 += u1 * v1;
            q2 += u2 * v2;
            q3 += u3 * v3;
        }
        double[] first = sum[c], square = scatter[c];
        first[j] += f0;
        first[j + 1] += f1;
        first[j + 2] += f2;
        first[j + 3] += f3;
        square[j] += q0;
        square[j + 1] += q1;
        square[j + 2] += q2;
        square[j + 3] += q3;
    }

    /** Column j's first moment and scatter for component c on its m listed rows, two sums of each. */
    private void addListedColumn(int c, int j, double[] column, int[] picked, double[] weight, int m) {
        double shiftJ = shift[c * d + j];
        double sum0 = 0, sum1 = 0, square0 = 0, square1 = 0;
        int i = 0;
        for (; i + 1 < m; i += 2) {
            double v0 = column[picked[i]] - shiftJ, v1 = column[picked[i + 1]] - shiftJ;
            double u0 = weight[i] * v0, u1 = weight[i + 1] * v1;
            sum0 += u0;
            sum1 += u1;
            square0 += u0 * v0;
            square1 += u1 * v1;
        }
        if (i < m) {
            double v0 = column[picked[i]] - shiftJ;
            double u0 = weight[i] * v0;
            sum0 += u0;
            square0 += u0 * v0;
        }
        sum[c][j] += sum0 + sum1;
        scatter[c][j] += square0 + square1;
    }

    /**
     * Columns j..j+3's first moments and scatters for component c with weight on every row: one pass
     * of the vector kernel, or the scalar loops column by column.
     */
    private void addWholeColumns4(int c, int j, int count, BlockScratch s) {
        if (s.vector == null) {
            for (int q = j; q < j + 4; q++) addWholeColumn(c, q, s.xt[q], s.byComponent[c], count, shift[c * d + q], s);
            return;
        }
        double[] out = s.tile;
        s.vector.columnMoments4(s.xt, j, s.byComponent[c], count, shift, c * d + j, out, s.lanes);
        for (int q = 0; q < 4; q++) {
            sum[c][j + q] += out[q];
            scatter[c][j + q] += out[4 + q];
        }
    }

    /**
     * Column j's first moment and scatter for component c when it has weight on every row of the
     * block (overlapping clusters): no positions to read (measured at 200 000×16, K = 16 with every
     * row shared by every component, the listed rows' loop took two thirds of a fit's samples). A
     * whole block is folded first: lane l of {@link #LANES} sums the rows l, l + LANES, … in a loop
     * over the lanes, which the JIT vectorises (a sum over the rows it keeps in order and does not);
     * then the lanes are summed. Elsewhere four sums of each kind, since the additions' latency,
     * not the loads, bounds a loop with two.
     */
    private void addWholeColumn(int c, int j, double[] column, double[] weight, int count, double shiftJ, BlockScratch s) {
        if (s.vector != null) {
            double[] moments = s.firstLanes; // its first two values
            s.vector.columnMoments(column, weight, count, shiftJ, moments, s.lanes);
            sum[c][j] += moments[0];
            scatter[c][j] += moments[1];
            return;
        }
        if (count == Kernels.TILE_ROWS) {
            double[] firstLanes = s.firstLanes, squareLanes = s.squareLanes;
            for (int l = 0; l < LANES; l++) {
                double v0 = column[l] - shiftJ, v1 = column[l + LANES] - shiftJ;
                double v2 = column[l + 2 * LANES] - shiftJ, v3 = column[l + 3 * LANES] - shiftJ;
                double u0 = weight[l] * v0, u1 = weight[l + LANES] * v1;
                double u2 = weight[l + 2 * LANES] * v2, u3 = weight[l + 3 * LANES] * v3;
                firstLanes[l] = (u0 + u1) + (u2 + u3);
                squareLanes[l] = (u0 * v0 + u1 * v1) + (u2 * v2 + u3 * v3);
            }
            sum[c][j] += Kernels.dot(firstLanes, null, LANES);
            scatter[c][j] += Kernels.dot(squareLanes, null, LANES);
            return;
        }
        double sum0 = 0, sum1 = 0, sum2 = 0, sum3 = 0, square0 = 0, square1 = 0, square2 = 0, square3 = 0;
        int b = 0;
        for (; b + 3 < count; b += 4) {
            double v0 = column[b] - shiftJ, v1 = column[b + 1] - shiftJ;
            double v2 = column[b + 2] - shiftJ, v3 = column[b + 3] - shiftJ;
            double u0 = weight[b] * v0, u1 = weight[b + 1] * v1, u2 = weight[b + 2] * v2, u3 = weight[b + 3] * v3;
            sum0 += u0;
            sum1 += u1;
            sum2 += u2;
            sum3 += u3;
            square0 += u0 * v0;
            square1 += u1 * v1;
            square2 += u2 * v2;
            square3 += u3 * v3;
        }
        for (; b < count; b++) {
            double v0 = column[b] - shiftJ;
            double u0 = weight[b] * v0;
            sum0 += u0;
            square0 += u0 * v0;
        }
        sum[c][j] += (sum0 + sum1) + (sum2 + sum3);
        scatter[c][j] += (square0 + square1) + (square2 + square3);
    }

    /**
     * A component with weight on at least 1/WHOLE_SHARE of a block's rows takes the whole-column
     * loop, its rows without weight included: vectorised, it costs a quarter of the listed rows'
     * gathers per row or less. Measured at 100 000×64, K = 8, overlapping (83% of the pairs above the
     * cut, so most components miss a few rows of each block): the listed rows' loop took three
     * quarters of a diagonal fit's samples.
     */
    private static final int WHOLE_SHARE = 4;

    /** Lanes a whole block's column is folded into: a quarter of {@link Kernels#TILE_ROWS}, four rows per lane. */
    static final int LANES = Kernels.TILE_ROWS / 4;
}
