// SPDX-License-Identifier: Apache-2.0
package gmm4j.internal;

import java.io.Serial;
import java.io.Serializable;

/**
 * One covariance matrix Σ = L·Lᵀ kept with U = L⁻¹, so that a Mahalanobis distance is a
 * triangular matrix-vector product (no divisions, no dependency chain) and the log-determinant
 * comes from U's diagonal.
 */
final class GaussianFactor implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    final int d;
    final double[] covariance;
    /** L⁻¹, lower triangular, row-major. */
    final double[] inverseFactor;
    /** Σ log U_ii = −½ log|Σ|. */
    final double halfLogDetPrecision;
    /** L⁻¹ in strips of four rows for the Vector API's triangular product ({@link #packStrips}). */
    private final double[] strips;

    private GaussianFactor(int d, double[] covariance, double[] inverseFactor) {
        this.d = d;
        this.covariance = covariance;
        this.inverseFactor = inverseFactor;
        this.strips = packStrips(inverseFactor, d);
        double s = 0;
        for (int i = 0; i < d; i++) s += Math.log(inverseFactor[i * d + i]);
        this.halfLogDetPrecision = s;
    }

    /** Factors {@code covariance} (taken over), raising its diagonal if it is not positive definite. */
    static GaussianFactor of(double[] covariance, int d, double floor, RepairLog log, int component) {
        double[] l = new double[d * d];
        double jitter = Cholesky.factorWithJitter(covariance, d, l, floor);
        if (jitter > 0) log.jitter(component, jitter);
        return new GaussianFactor(d, covariance, Cholesky.invertLower(l, d));
    }

    /**
     * {@code out[b] = |U·(x_b − μ)|²} for the rows of a transposed block ({@code xt[j][b]} is
     * coordinate j of row b): z = U·(x − μ) by {@link #product}, then the squares summed four rows
     * of z at a time. On the Vector API's path, for the block in hand and a mean that can be folded
     * in ({@link #foldMean}), from the block's panels as {@link #mahalanobisOfEach} computes it (the
     * same sums to the bit, and no differences of its own: those were a sixteenth of a fit's samples
     * at 100 000×64, K = 8, overlapping).
     */
    void mahalanobis(double[][] xt, int rows, double[] mean, int mOff, double[] out, BlockScratch scratch) {
        int padded = paddedRows(rows);
        double[] shift = scratch.vector != null && xt == scratch.xt && xt[0].length >= padded && out.length >= padded
                ? scratch.meanShift(this, mean, mOff) : null;
        if (shift != null) scratch.vector.mahalanobisOfPanels(strips, d, scratch.panels(rows, d), rows, shift, out);
        else mahalanobis(xt, rows, mean, mOff, out, scratch, d);
    }

    /**
     * The sum of the first {@code to} squares of z = U·(x − μ): since z_i depends on coordinates
     * j ≤ i alone, it needs only the first {@code to} coordinates, and for {@code to} a multiple of
     * four it is exactly the value the whole sum passes through, so a lower bound of it.
     */
    void mahalanobis(double[][] xt, int rows, double[] mean, int mOff, double[] out, BlockScratch scratch, int to) {
        VectorKernels vector = scratch.vector;
        int padded = paddedRows(rows);
        if (vector != null && out.length >= padded && xt[0].length >= padded) {
            vector.mahalanobis(strips, d, xt, rows, mean, mOff, out, scratch.productWork, to);
            return;
        }
        double[][] z = scratch.transformed;
        product(xt, mean, mOff, scratch.diff, rows, z, to);
        for (int b = 0; b < rows; b++) out[b] = 0;
        int i = 0;
        for (; i + 3 < to; i += 4) {
            double[] z0 = z[i], z1 = z[i + 1], z2 = z[i + 2], z3 = z[i + 3];
            for (int b = 0; b < rows; b++) out[b] += (z0[b] * z0[b] + z1[b] * z1[b]) + (z2[b] * z2[b] + z3[b] * z3[b]);
        }
        for (; i < to; i++) {
            double[] zi = z[i];
            for (int b = 0; b < rows; b++) out[b] += zi[b] * zi[b];
        }
    }

    /**
     * {@link #mahalanobis} of the listed rows of a transposed block, {@code out[q]} for its row
     * {@code picked[q]}: on the Vector API's path, where the block is the one in hand, from the
     * row-major data it was read from ({@link VectorKernels#mahalanobisOfRows}), the mean folded in
     * where {@link #mahalanobis} folds it; else from those rows gathered out of the block's columns.
     * Either way the same sums, to the bit, as {@link #mahalanobis} of the whole block.
     */
    void mahalanobisOfListed(double[][] xt, int[] picked, int count, double[] mean, int mOff, double[] out,
                             BlockScratch scratch) {
        if (scratch.vector != null && xt == scratch.xt && scratch.rowMajor != null && out.length >= paddedRows(count)) {
            scratch.vector.mahalanobisOfRows(strips, d, scratch.rowMajor, scratch.blockRows, picked, count, mean, mOff,
                    scratch.meanShift(this, mean, mOff), out, scratch.productWork);
            return;
        }
        double[][] subset = scratch.subset();
        for (int j = 0; j < d; j++) {
            double[] from = xt[j], to = subset[j];
            for (int q = 0; q < count; q++) to[q] = from[picked[q]];
        }
        mahalanobis(subset, count, mean, mOff, out, scratch);
    }

    /**
     * The largest Σ_j |U_ij·μ_j| for which the product folds the mean in (z = U·x − U·μ, as
     * scikit-learn computes it): z then loses to rounding at most about 2⁻⁴² of that, ~2·10⁻¹³, where
     * the differences x − μ would have kept it to z's own scale. Data far from the origin for their
     * spread (times in seconds since 1970, say) take the differences. The diagonal covariances fold
     * theirs by the same rule ({@link AxisAligned#logJoint}).
     */
    static final double FOLD_LIMIT = 1024;

    /**
     * {@code shift[i] = (U·μ)_i}, μ at {@code mean[mOff..mOff+d)}, zero from d on; whether the mean
     * is close enough to the origin for its spread to be folded into the product ({@link #FOLD_LIMIT}).
     */
    boolean foldMean(double[] mean, int mOff, double[] shift) {
        for (int i = 0; i < d; i++) {
            double sum = 0, size = 0;
            for (int j = 0; j <= i; j++) {
                double term = inverseFactor[i * d + j] * mean[mOff + j];
                sum += term;
                size += Math.abs(term);
            }
            if (!(size <= FOLD_LIMIT)) return false;
            shift[i] = sum;
        }
        return true;
    }

    /**
     * {@code out[c][b]}: {@link #mahalanobis} up to {@code to} of each factor, with the means
     * {@code means[c·d..]}: on the Vector API's path, all in one pass over the block's panels when
     * every mean can be folded in ({@link #foldMean}), else each in turn.
     */
    static void mahalanobisOfEach(GaussianFactor[] factors, double[][] xt, int rows, double[] means, double[][] out,
                                  BlockScratch scratch, int to) {
        if (mahalanobisOfPanels(factors, xt, rows, means, out, scratch, to)) return;
        for (int c = 0; c < factors.length; c++) factors[c].mahalanobis(xt, rows, means, c * factors[c].d, out[c], scratch, to);
    }

    /**
     * The factors' sums from the block's panels, means folded in, if this thread has the Vector API's
     * kernels, {@code xt} is the block in hand and every mean can be folded in; whether it did.
     */
    private static boolean mahalanobisOfPanels(GaussianFactor[] factors, double[][] xt, int rows, double[] means,
                                               double[][] out, BlockScratch scratch, int to) {
        int padded = paddedRows(rows), d = factors[0].d;
        if (scratch.vector == null || xt != scratch.xt || xt[0].length < padded) return false;
        double[][] packed = new double[factors.length][], shifts = new double[factors.length][];
        for (int c = 0; c < factors.length; c++) {
            shifts[c] = scratch.meanShift(factors[c], means, c * d);
            if (shifts[c] == null || out[c].length < padded) return false;
            packed[c] = factors[c].strips;
        }
        int used = Math.min(d, (to + 3) & -4);
        scratch.vector.mahalanobisOfPanels(packed, d, scratch.panels(rows, used), rows, shifts, out, to);
        return true;
    }

    /** {@code y[i][b] = (U·(x_b − centre))_i} for the rows of a transposed block. */
    void transform(double[][] xt, int rows, double[] centre, double[][] y, BlockScratch scratch) {
        product(xt, centre, 0, scratch.diff, rows, y, d);
    }

    /** Columns of U (rows of the block's differences) per pass: eight arrays of a block stay in the L1 cache. */
    private static final int PANEL = 8;
    /**
     * Whether the panel's eight terms are added by fused multiply-adds: half the instructions, and
     * measured 3 to 5% faster over a whole fit at d = 64; only where they are one instruction.
     */
    private static final boolean FMA = Exponentials.HARDWARE_FMA;

    /**
     * {@code z[i][b] = Σ_{j≤i} U_ij·(xt[j][b] − point[off+j])}, a panel of eight coordinates at a
     * time: the panel's differences are made into {@code diff} just before use, then each row of z
     * takes the panel's eight terms in one pass (one load and store of z for eight products), and the
     * panel is read from the L1 cache by every row of z, where a whole block of differences (d = 64:
     * 128 kB) would not fit (made all at once beforehand, measured 8% slower over a fit at d = 64).
     * Terms beyond the triangle get coefficient 0. Only the first {@code to} rows of z, from the
     * first {@code to} coordinates.
     */
    private void product(double[][] xt, double[] point, int off, double[][] diff, int rows, double[][] z, int to) {
        for (int j0 = 0; j0 < to; j0 += PANEL) {
            // the panel's differences just before they are used: they stay in the L1 cache
            difference(xt, rows, point, off, diff, j0, Math.min(to, j0 + PANEL));
            double[] e0 = diff[j0], e1 = panelRow(diff, j0, 1, to), e2 = panelRow(diff, j0, 2, to), e3 = panelRow(diff, j0, 3, to);
            double[] e4 = panelRow(diff, j0, 4, to), e5 = panelRow(diff, j0, 5, to), e6 = panelRow(diff, j0, 6, to), e7 = panelRow(diff, j0, 7, to);
            for (int i = j0; i < to; i++) {
                int row = i * d + j0;
                double u0 = coefficient(i, j0, 0, row), u1 = coefficient(i, j0, 1, row);
                double u2 = coefficient(i, j0, 2, row), u3 = coefficient(i, j0, 3, row);
                double u4 = coefficient(i, j0, 4, row), u5 = coefficient(i, j0, 5, row);
                double u6 = coefficient(i, j0, 6, row), u7 = coefficient(i, j0, 7, row);
                double[] zi = z[i];
                if (i - j0 < 4) {
                    // on the diagonal, only the panel's first four terms can be non-zero
                    if (j0 == 0) {
                        for (int b = 0; b < rows; b++) zi[b] = (u0 * e0[b] + u1 * e1[b]) + (u2 * e2[b] + u3 * e3[b]);
                    } else {
                        for (int b = 0; b < rows; b++) zi[b] += (u0 * e0[b] + u1 * e1[b]) + (u2 * e2[b] + u3 * e3[b]);
                    }
                } else if (j0 == 0) {
                    for (int b = 0; b < rows; b++) {
                        zi[b] = ((u0 * e0[b] + u1 * e1[b]) + (u2 * e2[b] + u3 * e3[b]))
                                + ((u4 * e4[b] + u5 * e5[b]) + (u6 * e6[b] + u7 * e7[b]));
                    }
                } else if (FMA) {
                    for (int b = 0; b < rows; b++) {
                        double s = Math.fma(u0, e0[b], zi[b]);
                        s = Math.fma(u1, e1[b], s);
                        s = Math.fma(u2, e2[b], s);
                        s = Math.fma(u3, e3[b], s);
                        s = Math.fma(u4, e4[b], s);
                        s = Math.fma(u5, e5[b], s);
                        s = Math.fma(u6, e6[b], s);
                        zi[b] = Math.fma(u7, e7[b], s);
                    }
                } else {
                    for (int b = 0; b < rows; b++) {
                        zi[b] += ((u0 * e0[b] + u1 * e1[b]) + (u2 * e2[b] + u3 * e3[b]))
                                + ((u4 * e4[b] + u5 * e5[b]) + (u6 * e6[b] + u7 * e7[b]));
                    }
                }
            }
        }
    }

    /** Row j0 + t of the differences, or row j0 (to be multiplied by 0) past the last one computed. */
    private static double[] panelRow(double[][] diff, int j0, int t, int to) {
        return diff[j0 + t < to ? j0 + t : j0];
    }

    /** U_{i, j0+t}, or 0 above the diagonal or past the last column. */
    private double coefficient(int i, int j0, int t, int row) {
        return j0 + t <= i ? inverseFactor[row + t] : 0;
    }

    /** The precision's upper triangular factor P = Uᵀ (Σ⁻¹ = P·Pᵀ, scikit-learn's convention), row-major. */
    double[] upperPrecisionFactor() {
        double[] t = new double[d * d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) t[j * d + i] = inverseFactor[i * d + j];
        }
        return t;
    }

    /** U·v for one vector. */
    double[] times(double[] v) {
        double[] out = new double[d];
        for (int i = 0; i < d; i++) {
            double s = 0;
            for (int j = 0; j <= i; j++) s += inverseFactor[i * d + j] * v[j];
            out[i] = s;
        }
        return out;
    }

    /**
     * The rows the Vector API's triangular product pads a block to: a multiple of its pass, four
     * vectors (sixteen rows with 256-bit vectors, thirty-two with 512-bit).
     */
    static final int PRODUCT_ROWS = 32;

    /**
     * A lower triangular factor U (row-major, d × d) packed for {@link VectorKernels#mahalanobis}: strip s holds
     * rows 4s to 4s + 3 over the columns j below min(d, 4s + 4), column by column, four values each
     * ({@code U[4s+p][j]} at {@code 8s(s+1) + 4j + p}), 0 above the diagonal and past row d.
     */
    static double[] packStrips(double[] u, int d) {
        int strips = (d + 3) / 4;
        double[] packed = new double[stripOffset(strips - 1) + 4 * d];
        for (int s = 0; s < strips; s++) {
            int off = stripOffset(s), columns = Math.min(d, 4 * s + 4);
            for (int j = 0; j < columns; j++) {
                for (int p = 0; p < 4; p++) {
                    int i = 4 * s + p;
                    packed[off + 4 * j + p] = i < d && j <= i ? u[i * d + j] : 0;
                }
            }
        }
        return packed;
    }

    /** Where strip s starts in a packed factor: the strips before it have 4, 8, …, 4s columns of four values. */
    static int stripOffset(int s) {
        return 8 * s * (s + 1);
    }

    /** The rows {@link VectorKernels#mahalanobis} reads and writes for a block of {@code rows}: up to the next multiple of {@link #PRODUCT_ROWS}. */
    static int paddedRows(int rows) {
        return (rows + PRODUCT_ROWS - 1) / PRODUCT_ROWS * PRODUCT_ROWS;
    }

    private void difference(double[][] xt, int rows, double[] point, int off, double[][] diff, int from, int to) {
        for (int j = from; j < to; j++) {
            double m = point[off + j];
            double[] x = xt[j];
            double[] dj = diff[j];
            for (int b = 0; b < rows; b++) dj[b] = x[b] - m;
        }
    }
}
