// SPDX-License-Identifier: Apache-2.0
package gmm4j.internal;

/**
 * The plain loops the passes are built from, written so that the JIT vectorises them or, for
 * floating-point reductions it keeps in order, so that their additions overlap: sums and dot
 * products with partial sums, the gathering of a block of rows into a transposed layout, and the
 * per-row maximum and minimum of a block.
 */
final class Kernels {
    /**
     * Rows per block of the complete-row kernels: long vectorised loops over rows; measured best
     * from d = 2 to d = 64 (at d = 64 a block of 128 rows was 30% slower, 32 rows twice as slow).
     */
    static final int TILE_ROWS = 256;

    private Kernels() {
    }

    /**
     * Σ a[b]·c[b] over b < n (Σ a[b] when c is null), with partial sums so that the additions
     * overlap (the JIT keeps floating-point sums in order and will not do it): sixteen for products,
     * eight for plain sums (measured at 256 values: 75 ns with sixteen, 100 to 130 with eight).
     */
    static double dot(double[] a, double[] c, int n) {
        return c == null ? sum(a, n) : products(a, c, n);
    }

    private static double sum(double[] a, int n) {
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
        int b = 0;
        for (; b + 7 < n; b += 8) {
            s0 += a[b];
            s1 += a[b + 1];
            s2 += a[b + 2];
            s3 += a[b + 3];
            s4 += a[b + 4];
            s5 += a[b + 5];
            s6 += a[b + 6];
            s7 += a[b + 7];
        }
        for (; b < n; b++) s0 += a[b];
        return ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
    }

    private static double products(double[] a, double[] c, int n) {
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
        double t0 = 0, t1 = 0, t2 = 0, t3 = 0, t4 = 0, t5 = 0, t6 = 0, t7 = 0;
        int b = 0;
        for (; b + 15 < n; b += 16) {
            s0 += a[b] * c[b];
            s1 += a[b + 1] * c[b + 1];
            s2 += a[b + 2] * c[b + 2];
            s3 += a[b + 3] * c[b + 3];
            s4 += a[b + 4] * c[b + 4];
            s5 += a[b + 5] * c[b + 5];
            s6 += a[b + 6] * c[b + 6];
            s7 += a[b + 7] * c[b + 7];
            t0 += a[b + 8] * c[b + 8];
            t1 += a[b + 9] * c[b + 9];
            t2 += a[b + 10] * c[b + 10];
            t3 += a[b + 11] * c[b + 11];
            t4 += a[b + 12] * c[b + 12];
            t5 += a[b + 13] * c[b + 13];
            t6 += a[b + 14] * c[b + 14];
            t7 += a[b + 15] * c[b + 15];
        }
        for (; b < n; b++) s0 += a[b] * c[b];
        return (((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7))) + (((t0 + t1) + (t2 + t3)) + ((t4 + t5) + (t6 + t7)));
    }

    /**
     * Collects the complete rows with weight of {@code [from, to)} into {@code s.blockRows} and,
     * transposed, into {@code s.xt} ({@code xt[j][b]} is coordinate j of the b-th), by the scratch's
     * kernels; returns their number.
     */
    static int gatherCompleteRows(Table t, int from, int to, BlockScratch s) {
        return gatherCompleteRows(t, from, to, s, true);
    }

    /** {@link #gatherCompleteRows}, the rows of weight 0 too unless {@code weighted}. */
    static int gatherCompleteRows(Table t, int from, int to, BlockScratch s, boolean weighted) {
        int[] rows = s.blockRows;
        TransposedTiles.Tile kept = weighted ? t.tiles.kept(from, to) : null;
        if (kept != null) {
            System.arraycopy(kept.rows(), 0, rows, 0, kept.rows().length);
            s.readBlock(kept.columns(), t.x);
            return kept.rows().length;
        }
        int count = 0;
        for (int i = from; i < to; i++) {
            if (t.pattern(i) == Table.COMPLETE && (!weighted || t.weight(i) > 0)) rows[count++] = i;
        }
        double[][] keep = weighted ? t.tiles.newColumns(from, to) : null;
        s.transposeBlock(t.x, t.d, count, keep);
        if (keep != null) t.tiles.keep(from, new TransposedTiles.Tile(java.util.Arrays.copyOf(rows, count), keep));
        return count;
    }

    /** {@code xt[j][b] = x[rows[b]·d + j]}: the listed rows of row-major data, transposed. */
    static void transpose(double[] x, int d, int[] rows, int count, double[][] xt) {
        // up to 32 columns, eight rows at a time, read along their columns: a cache line of each of
        // the d arrays xt[j] is filled by one pass (measured 1.5 to 3 times faster than a pass per
        // eight columns); beyond, row by row (a row is four or more cache lines of its own; measured
        // 10 to 25% faster than eight rows at a time at d = 40 to 64, twice as slow at d = 16)
        int b = 0;
        int tiled = d <= 32 ? count : 0;
        for (; b + 7 < tiled; b += 8) {
            int o0 = rows[b] * d, o1 = rows[b + 1] * d, o2 = rows[b + 2] * d, o3 = rows[b + 3] * d;
            int o4 = rows[b + 4] * d, o5 = rows[b + 5] * d, o6 = rows[b + 6] * d, o7 = rows[b + 7] * d;
            for (int j = 0; j < d; j++) {
                double[] column = xt[j];
                column[b] = x[o0 + j];
                column[b + 1] = x[o1 + j];
                column[b + 2] = x[o2 + j];
                column[b + 3] = x[o3 + j];
                column[b + 4] = x[o4 + j];
                column[b + 5] = x[o5 + j];
                column[b + 6] = x[o6 + j];
                column[b + 7] = x[o7 + j];
            }
        }
        transposeRowByRow(x, d, rows, b, count, xt);
    }

    /** {@link #transpose} of the listed rows from {@code from} to {@code to}, one row at a time. */
    static void transposeRowByRow(double[] x, int d, int[] rows, int from, int to, double[][] xt) {
        for (int b = from; b < to; b++) {
            int off = rows[b] * d;
            for (int j = 0; j < d; j++) xt[j][b] = x[off + j];
        }
    }

    /** Each row's largest value over the k columns, two columns per pass after the first (Math.max's NaN and −0 rules make the order irrelevant). */
    static void rowMax(double[][] block, int k, int count, double[] max) {
        System.arraycopy(block[0], 0, max, 0, count);
        int c = 1;
        for (; c + 1 < k; c += 2) {
            double[] o0 = block[c], o1 = block[c + 1];
            for (int b = 0; b < count; b++) max[b] = Math.max(max[b], Math.max(o0[b], o1[b]));
        }
        if (c < k) {
            double[] o = block[c];
            for (int b = 0; b < count; b++) max[b] = Math.max(max[b], o[b]);
        }
    }

    /**
     * The smallest of a[0..n), NaN left out: a comparison per value that rarely branches (the
     * minimum settles early), where {@code Math.min} costs a sequence for its NaN and −0 rules.
     */
    static double lowest(double[] a, int n) {
        double m0 = Double.POSITIVE_INFINITY, m1 = m0;
        int b = 0;
        for (; b + 1 < n; b += 2) {
            if (a[b] < m0) m0 = a[b];
            if (a[b + 1] < m1) m1 = a[b + 1];
        }
        if (b < n && a[b] < m0) m0 = a[b];
        return Math.min(m0, m1);
    }

    /** Where the multiply-adds are one instruction, fused (see {@link Exponentials#HARDWARE_FMA}). */
    private static final boolean FMA = Exponentials.HARDWARE_FMA;

    /**
     * Sixteen dot products over b < n: {@code out[4p + q] = Σ_b a[a0 + p][b]·c[c0 + q][b]} for p, q < 4,
     * an index of a from {@code aEnd} on (of c from {@code cEnd}) reading the one before instead (the
     * caller drops those sums).
     * Sixteen sums in registers take the rows in one pass, eight loads for sixteen multiply-adds,
     * where a dot product per pair needs two loads per multiply-add and is bound by its loads; each
     * sum runs over b in order.
     */
    static void products4x4(double[][] a, int a0, int aEnd, double[][] c, int c0, int cEnd, int n, double[] out) {
        double[] x0 = a[a0], x1 = a[Math.min(a0 + 1, aEnd - 1)], x2 = a[Math.min(a0 + 2, aEnd - 1)], x3 = a[Math.min(a0 + 3, aEnd - 1)];
        double[] y0 = c[c0], y1 = c[Math.min(c0 + 1, cEnd - 1)], y2 = c[Math.min(c0 + 2, cEnd - 1)], y3 = c[Math.min(c0 + 3, cEnd - 1)];
        double s00 = 0, s01 = 0, s02 = 0, s03 = 0, s10 = 0, s11 = 0, s12 = 0, s13 = 0;
        double s20 = 0, s21 = 0, s22 = 0, s23 = 0, s30 = 0, s31 = 0, s32 = 0, s33 = 0;
        if (FMA) {
            for (int b = 0; b < n; b++) {
                double u0 = x0[b], u1 = x1[b], u2 = x2[b], u3 = x3[b];
                double v0 = y0[b], v1 = y1[b], v2 = y2[b], v3 = y3[b];
                s00 = Math.fma(u0, v0, s00);
                s01 = Math.fma(u0, v1, s01);
                s02 = Math.fma(u0, v2, s02);
                s03 = Math.fma(u0, v3, s03);
                s10 = Math.fma(u1, v0, s10);
                s11 = Math.fma(u1, v1, s11);
                s12 = Math.fma(u1, v2, s12);
                s13 = Math.fma(u1, v3, s13);
                s20 = Math.fma(u2, v0, s20);
                s21 = Math.fma(u2, v1, s21);
                s22 = Math.fma(u2, v2, s22);
                s23 = Math.fma(u2, v3, s23);
                s30 = Math.fma(u3, v0, s30);
                s31 = Math.fma(u3, v1, s31);
                s32 = Math.fma(u3, v2, s32);
                s33 = Math.fma(u3, v3, s33);
            }
        } else {
            for (int b = 0; b < n; b++) {
                double u0 = x0[b], u1 = x1[b], u2 = x2[b], u3 = x3[b];
                double v0 = y0[b], v1 = y1[b], v2 = y2[b], v3 = y3[b];
                s00 += u0 * v0;
                s01 += u0 * v1;
                s02 += u0 * v2;
                s03 += u0 * v3;
                s10 += u1 * v0;
                s11 += u1 * v1;
                s12 += u1 * v2;
                s13 += u1 * v3;
                s20 += u2 * v0;
                s21 += u2 * v1;
                s22 += u2 * v2;
                s23 += u2 * v3;
                s30 += u3 * v0;
                s31 += u3 * v1;
                s32 += u3 * v2;
                s33 += u3 * v3;
            }
        }
        out[0] = s00;
        out[1] = s01;
        out[2] = s02;
        out[3] = s03;
        out[4] = s10;
        out[5] = s11;
        out[6] = s12;
        out[7] = s13;
        out[8] = s20;
        out[9] = s21;
        out[10] = s22;
        out[11] = s23;
        out[12] = s30;
        out[13] = s31;
        out[14] = s32;
        out[15] = s33;
    }

    /** How many of a[0..n) are not 0, without a branch (which of them are is not predictable). */
    static int nonZero(double[] a, int n) {
        int m = 0;
        for (int b = 0; b < n; b++) m += a[b] != 0 ? 1 : 0;
        return m;
    }

    /** The product of a[from..to), with eight partial products so that the multiplications overlap. */
    static double product(double[] a, int from, int to) {
        double p0 = 1, p1 = 1, p2 = 1, p3 = 1, p4 = 1, p5 = 1, p6 = 1, p7 = 1;
        int b = from;
        for (; b + 7 < to; b += 8) {
            p0 *= a[b];
            p1 *= a[b + 1];
            p2 *= a[b + 2];
            p3 *= a[b + 3];
            p4 *= a[b + 4];
            p5 *= a[b + 5];
            p6 *= a[b + 6];
            p7 *= a[b + 7];
        }
        for (; b < to; b++) p0 *= a[b];
        return ((p0 * p1) * (p2 * p3)) * ((p4 * p5) * (p6 * p7));
    }
}
