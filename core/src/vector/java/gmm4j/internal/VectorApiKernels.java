// SPDX-License-Identifier: Apache-2.0
package gmm4j.internal;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link VectorKernels} written with the Vector API ({@code jdk.incubator.vector}). Its own source
 * root ({@code src/vector/java}), compiled with the incubator module by a compiler execution of its
 * own, so that nothing else of the engine — nor its javadoc — needs the module; loaded by name only
 * when the module is in the boot layer ({@link Parallel#VECTOR}).
 *
 * <p>Every result has one order of operations, whatever the thread or the JIT tier: lanes are summed
 * in a fixed order by {@link #laneSum} (not {@code reduceLanes}, whose order for floating point is
 * unspecified), and each lane of the triangular product computes its row alone.
 *
 * <p>The vectors are the widest the JVM runs in hardware, 512 bits (AVX-512) or 256 (AVX2): an
 * AVX-512 core has two 512-bit FMA units, twice AVX2's flops per cycle (measured 10 to 20% faster over
 * a full fit at 200 000×16, K = 16, overlapping, on one core). The register tiles are sized for
 * AVX2's 16 vector registers, where C2 spills what does not fit to the stack (and reloads it at every
 * step of the loop); the triangular product alone has a second tile for AVX-512's 32. A sum over
 * lanes has one order for each width, so results on an AVX2 machine and an AVX-512 one differ by
 * rounding (as the scalar path's do); on one machine they do not change with the threads.
 */
final class VectorApiKernels extends VectorKernels {
    private static final VectorSpecies<Double> S =
            DoubleVector.SPECIES_PREFERRED.vectorBitSize() >= 512 ? DoubleVector.SPECIES_512 : DoubleVector.SPECIES_256;
    /** Four doubles, the transposition's vectors at either width. */
    private static final VectorSpecies<Double> QUAD = DoubleVector.SPECIES_256;
    private static final VectorShuffle<Double> SWAP_PAIRS = VectorShuffle.fromValues(QUAD, 1, 0, 3, 2);
    private static final VectorShuffle<Double> SWAP_HALVES = VectorShuffle.fromValues(QUAD, 2, 3, 0, 1);
    private static final VectorMask<Double> ODD_LANES = VectorMask.fromValues(QUAD, false, true, false, true);
    private static final VectorMask<Double> UPPER_LANES = VectorMask.fromValues(QUAD, false, false, true, true);
    /**
     * Never set; read at every step of the loops over rows that keep eight or more sums in registers
     * (the scatter's tiles, {@link #columnMoments4}). C2 unrolls a counted loop four times and
     * schedules the later steps' loads first, which from AVX2's 16 registers spills the sums to the
     * stack at every step; a volatile read makes the loop uncounted and keeps those loads below it.
     * Measured with and without, one core, 256 rows: the 2×4 products 29 → 39 GFLOP/s (JDK 25; 25 → 37
     * on JDK 17), the symmetric tile 26 → 36, the column moments at d = 64 4.9 → 6.5 values per ns; in
     * a full fit at 200 000×16, K = 16, overlapping, ×0.84 per iteration. Not in the triangular
     * product's short loops nor the axis-aligned distances, where it measured slower.
     */
    private static volatile boolean HELD;
    /** Doubles per vector: 8 or 4. */
    private static final int L = S.length();
    /** Rows of the block per pass of the triangular product: four vectors. */
    private static final int ROWS = 4 * L;

    /** Loaded by name ({@link Parallel#VECTOR}), and only where this JVM runs 256-bit vectors in hardware (else the API's Java fallback would be far slower than the scalar loops). */
    VectorApiKernels() {
        if (DoubleVector.SPECIES_PREFERRED.vectorBitSize() < 256) throw new UnsupportedOperationException("vectors under 256 bits");
        if (GaussianFactor.PRODUCT_ROWS % ROWS != 0) throw new IllegalStateException("the product's padding is not a multiple of " + ROWS + " rows");
    }

    /** Σ a[b] over b < n. */
    private static double sum(double[] a, int n, double[] lanes) {
        DoubleVector s0 = DoubleVector.zero(S), s1 = s0, s2 = s0, s3 = s0;
        int b = 0;
        for (int end = n & -(4 * L); b < end; b += 4 * L) {
            s0 = s0.add(DoubleVector.fromArray(S, a, b));
            s1 = s1.add(DoubleVector.fromArray(S, a, b + L));
            s2 = s2.add(DoubleVector.fromArray(S, a, b + 2 * L));
            s3 = s3.add(DoubleVector.fromArray(S, a, b + 3 * L));
        }
        double tail = 0;
        for (; b < n; b++) tail += a[b];
        return lanes(s0.add(s1).add(s2.add(s3)), lanes) + tail;
    }

    /** A vector's comparison with 0 counted at once. */
    @Override
    int nonZero(double[] a, int n) {
        int m = 0, b = 0;
        for (int end = n & -L; b < end; b += L) m += DoubleVector.fromArray(S, a, b).compare(VectorOperators.NE, 0).trueCount();
        for (; b < n; b++) m += a[b] != 0 ? 1 : 0;
        return m;
    }

    /** Sixteen partial sums in four vectors. */
    @Override
    double dot(double[] a, double[] c, int n, double[] lanes) {
        if (c == null) return sum(a, n, lanes);
        DoubleVector s0 = DoubleVector.zero(S), s1 = s0, s2 = s0, s3 = s0;
        int b = 0;
        for (int end = n & -(4 * L); b < end; b += 4 * L) {
            s0 = DoubleVector.fromArray(S, a, b).fma(DoubleVector.fromArray(S, c, b), s0);
            s1 = DoubleVector.fromArray(S, a, b + L).fma(DoubleVector.fromArray(S, c, b + L), s1);
            s2 = DoubleVector.fromArray(S, a, b + 2 * L).fma(DoubleVector.fromArray(S, c, b + 2 * L), s2);
            s3 = DoubleVector.fromArray(S, a, b + 3 * L).fma(DoubleVector.fromArray(S, c, b + 3 * L), s3);
        }
        double tail = 0;
        for (; b < n; b++) tail = Math.fma(a[b], c[b], tail);
        return lanes(s0.add(s1).add(s2.add(s3)), lanes) + tail;
    }

    /** Four vectors of partial sums. */
    @Override
    void columnMoments(double[] column, double[] weight, int n, double shift, double[] out, double[] lanes) {
        DoubleVector f0 = DoubleVector.zero(S), f1 = f0, q0 = f0, q1 = f0;
        int b = 0;
        for (int end = n & -(2 * L); b < end; b += 2 * L) {
            DoubleVector v0 = DoubleVector.fromArray(S, column, b).sub(shift);
            DoubleVector v1 = DoubleVector.fromArray(S, column, b + L).sub(shift);
            DoubleVector u0 = DoubleVector.fromArray(S, weight, b).mul(v0);
            DoubleVector u1 = DoubleVector.fromArray(S, weight, b + L).mul(v1);
            f0 = f0.add(u0);
            f1 = f1.add(u1);
            q0 = u0.fma(v0, q0);
            q1 = u1.fma(v1, q1);
        }
        double first = 0, square = 0;
        for (; b < n; b++) {
            double v = column[b] - shift, u = weight[b] * v;
            first += u;
            square = Math.fma(u, v, square);
        }
        out[0] = lanes(f0.add(f1), lanes) + first;
        out[1] = lanes(q0.add(q1), lanes) + square;
    }

    /** Eight vector sums, one of each kind per column: over a block of 256 rows at d = 64, K = 8, a quarter faster than four calls of {@link #columnMoments}. */
    @Override
    void columnMoments4(double[][] xt, int j, double[] weight, int n, double[] shift, int at, double[] out, double[] lanes) {
        double[] x0 = xt[j], x1 = xt[j + 1], x2 = xt[j + 2], x3 = xt[j + 3];
        double h0 = shift[at], h1 = shift[at + 1], h2 = shift[at + 2], h3 = shift[at + 3];
        DoubleVector f0 = DoubleVector.zero(S), f1 = f0, f2 = f0, f3 = f0, q0 = f0, q1 = f0, q2 = f0, q3 = f0;
        int b = 0;
        for (int end = n & -L; b < end && !HELD; b += L) {
            DoubleVector w = DoubleVector.fromArray(S, weight, b);
            DoubleVector v0 = DoubleVector.fromArray(S, x0, b).sub(h0), u0 = w.mul(v0);
            DoubleVector v1 = DoubleVector.fromArray(S, x1, b).sub(h1), u1 = w.mul(v1);
            DoubleVector v2 = DoubleVector.fromArray(S, x2, b).sub(h2), u2 = w.mul(v2);
            DoubleVector v3 = DoubleVector.fromArray(S, x3, b).sub(h3), u3 = w.mul(v3);
            f0 = f0.add(u0);
            f1 = f1.add(u1);
            f2 = f2.add(u2);
            f3 = f3.add(u3);
            q0 = u0.fma(v0, q0);
            q1 = u1.fma(v1, q1);
            q2 = u2.fma(v2, q2);
            q3 = u3.fma(v3, q3);
        }
        store(lanes, 0, f0, f1, f2, f3);
        store(lanes, 4, q0, q1, q2, q3);
        for (int t = 0; t < 8; t++) out[t] = laneSum(lanes, t * L);
        for (; b < n; b++) {
            double w = weight[b];
            double v0 = x0[b] - h0, v1 = x1[b] - h1, v2 = x2[b] - h2, v3 = x3[b] - h3;
            double u0 = w * v0, u1 = w * v1, u2 = w * v2, u3 = w * v3;
            out[0] += u0;
            out[1] += u1;
            out[2] += u2;
            out[3] += u3;
            out[4] = Math.fma(u0, v0, out[4]);
            out[5] = Math.fma(u1, v1, out[5]);
            out[6] = Math.fma(u2, v2, out[6]);
            out[7] = Math.fma(u3, v3, out[7]);
        }
    }

    /** What the JIT makes of the scalar loop took over twice as long (d = 64, K = 8, a block of 256 rows, one core). */
    @Override
    void subtractFourSquares(double[] o, double[] x0, double[] x1, double[] x2, double[] x3, double[] scaled, int rows,
                             boolean first, double constant) {
        double m0 = scaled[0], m1 = scaled[1], m2 = scaled[2], m3 = scaled[3];
        double r0 = scaled[4], r1 = scaled[5], r2 = scaled[6], r3 = scaled[7];
        DoubleVector base = DoubleVector.broadcast(S, constant);
        int b = 0;
        for (int end = rows & -L; b < end; b += L) {
            DoubleVector z0 = DoubleVector.fromArray(S, x0, b).sub(m0).mul(r0);
            DoubleVector z1 = DoubleVector.fromArray(S, x1, b).sub(m1).mul(r1);
            DoubleVector z2 = DoubleVector.fromArray(S, x2, b).sub(m2).mul(r2);
            DoubleVector z3 = DoubleVector.fromArray(S, x3, b).sub(m3).mul(r3);
            DoubleVector squares = z0.mul(z0).add(z1.mul(z1)).add(z2.mul(z2).add(z3.mul(z3)));
            (first ? base : DoubleVector.fromArray(S, o, b)).sub(squares).intoArray(o, b);
        }
        AxisAligned.subtractFourSquares(o, x0, x1, x2, x3, scaled, b, rows, first, constant);
    }

    @Override
    void subtractFoldedSquares(double[] o, double[] x0, double[] x1, double[] x2, double[] x3, double[] scaled, int rows,
                               boolean first, double constant) {
        double s0 = scaled[0], s1 = scaled[1], s2 = scaled[2], s3 = scaled[3];
        double r0 = scaled[4], r1 = scaled[5], r2 = scaled[6], r3 = scaled[7];
        DoubleVector base = DoubleVector.broadcast(S, constant);
        int b = 0;
        for (int end = rows & -L; b < end; b += L) {
            DoubleVector z0 = DoubleVector.fromArray(S, x0, b).fma(r0, s0), z1 = DoubleVector.fromArray(S, x1, b).fma(r1, s1);
            DoubleVector z2 = DoubleVector.fromArray(S, x2, b).fma(r2, s2), z3 = DoubleVector.fromArray(S, x3, b).fma(r3, s3);
            DoubleVector squares = z3.fma(z3, z2.fma(z2, z1.fma(z1, z0.mul(z0))));
            (first ? base : DoubleVector.fromArray(S, o, b)).sub(squares).intoArray(o, b);
        }
        AxisAligned.subtractFoldedSquares(o, x0, x1, x2, x3, scaled, b, rows, first, constant);
    }

    /** Nine operations per vector of rows for four axes, where {@link #subtractFourSquares} takes sixteen. */
    @Override
    void subtractScaledSquares(double[] o, double[] x0, double[] x1, double[] x2, double[] x3, double[] scaled, int rows,
                               boolean first, double constant) {
        double m0 = scaled[0], m1 = scaled[1], m2 = scaled[2], m3 = scaled[3];
        DoubleVector minusHalf = DoubleVector.broadcast(S, -scaled[4]), base = DoubleVector.broadcast(S, constant);
        int b = 0;
        for (int end = rows & -L; b < end; b += L) {
            DoubleVector z0 = DoubleVector.fromArray(S, x0, b).sub(m0), z1 = DoubleVector.fromArray(S, x1, b).sub(m1);
            DoubleVector z2 = DoubleVector.fromArray(S, x2, b).sub(m2), z3 = DoubleVector.fromArray(S, x3, b).sub(m3);
            DoubleVector squares = z3.fma(z3, z2.fma(z2, z1.fma(z1, z0.mul(z0))));
            squares.fma(minusHalf, first ? base : DoubleVector.fromArray(S, o, b)).intoArray(o, b);
        }
        AxisAligned.subtractScaledSquares(o, x0, x1, x2, x3, scaled, b, rows, first, constant);
    }

    /** One pass, each step of {@link Exponentials#expByPowersOfTwo} on a vector. */
    @Override
    void expOfDifference(double[] v, double[] minus, int n, double[] total) {
        int b = 0;
        for (int end = n & -L; b < end; b += L) {
            DoubleVector t = DoubleVector.fromArray(S, v, b).sub(DoubleVector.fromArray(S, minus, b)).max(Exponentials.CUT);
            DoubleVector e = powerOfTwoTimesTaylor(t).blend(0, t.compare(VectorOperators.EQ, Exponentials.CUT));
            e.intoArray(v, b);
            e.add(DoubleVector.fromArray(S, total, b)).intoArray(total, b);
        }
        for (; b < n; b++) {
            double e = Exponentials.expByPowersOfTwo(v[b] - minus[b]);
            v[b] = e;
            total[b] += e;
        }
    }

    /** One pass, each step of {@link Exponentials#halfExpByPowersOfTwo} on a vector, then its square. */
    @Override
    void halfExpOfDifference(double[] v, double[] minus, int n, double[] total, double[] half) {
        int b = 0;
        for (int end = n & -L; b < end; b += L) {
            DoubleVector t = DoubleVector.fromArray(S, v, b).sub(DoubleVector.fromArray(S, minus, b)).max(Exponentials.CUT);
            DoubleVector h = powerOfTwoTimesTaylor(t.mul(0.5)).blend(0, t.compare(VectorOperators.EQ, Exponentials.CUT));
            DoubleVector e = h.mul(h);
            h.intoArray(half, b);
            e.intoArray(v, b);
            e.add(DoubleVector.fromArray(S, total, b)).intoArray(total, b);
        }
        for (; b < n; b++) {
            double h = Exponentials.halfExpByPowersOfTwo(v[b] - minus[b]), e = h * h;
            half[b] = h;
            v[b] = e;
            total[b] += e;
        }
    }

    /** e^t for t in [cut, 0] (or NaN): {@link Exponentials#powerOfTwoTimesTaylor}'s steps on a vector. */
    private static DoubleVector powerOfTwoTimesTaylor(DoubleVector t) {
        DoubleVector shifted = t.fma(Exponentials.LOG2E, Exponentials.SHIFTER);
        DoubleVector k = shifted.sub(Exponentials.SHIFTER);
        DoubleVector r = k.fma(DoubleVector.broadcast(S, -Exponentials.LN2_LOW), k.fma(DoubleVector.broadcast(S, -Exponentials.LN2_HIGH), t));
        DoubleVector r2 = r.mul(r), r4 = r2.mul(r2);
        DoubleVector low = r2.fma(r.fma(Exponentials.F5, Exponentials.F4), r.fma(Exponentials.F3, Exponentials.F2));
        DoubleVector middle = r2.fma(r.fma(Exponentials.F9, Exponentials.F8), r.fma(Exponentials.F7, Exponentials.F6));
        DoubleVector high = r2.fma(DoubleVector.broadcast(S, Exponentials.F12), r.fma(Exponentials.F11, Exponentials.F10));
        DoubleVector p = r2.fma(r4.mul(r4).fma(high, r4.fma(middle, low)), r).add(1);
        DoubleVector powerOfTwo = shifted.reinterpretAsLongs().add(Exponentials.EXPONENT_BIAS)
                .lanewise(VectorOperators.LSHL, 52).reinterpretAsDoubles();
        return p.mul(powerOfTwo);
    }

    /**
     * Four rows by four columns at a time, transposed in registers: four loads along the rows, two
     * steps of lane swaps and blends, four stores along the columns. The per-column gathers this
     * replaced took three to four times as long on an AMD Zen 3 (their lanes load one by one there),
     * and the scalar transposition stores each value alone. In 256-bit vectors at either width: the
     * swaps and blends are one-input ones, which JDK 17's Vector API compiles too (a two-input
     * rearrange ran ten times slower there, in the API's Java fallback).
     */
    @Override
    void transpose(double[] x, int d, int[] rows, int count, double[][] xt) {
        int b = 0;
        for (int end = count & -4; b < end; b += 4) {
            transposeRows(x, rows[b] * d, rows[b + 1] * d, rows[b + 2] * d, rows[b + 3] * d, d, null, 0, null, 0, xt, null, b, 0);
        }
        Kernels.transposeRowByRow(x, d, rows, b, count, xt);
    }

    /**
     * The four rows of x at o0 to o3 transposed, four columns at a time: column j as the vector of the
     * four rows' values, less {@code centre[cOff + j]} unless centre is null, then times the rows'
     * scales {@code scales[sAt..sAt+4)} unless that is null, stored from index {@code at} of
     * {@code columns[j]}, or of {@code flat} from {@code at + stride·j} where columns is null. The
     * whole row in one method, with no vector among its arguments: a method per four columns was
     * sometimes not inlined (where the JIT had compiled it on its own first), and its vector
     * arguments were then made as objects at every call (×1.08 per iteration at 100 000×64, K = 8).
     */
    private static void transposeRows(double[] x, int o0, int o1, int o2, int o3, int d, double[] centre, int cOff,
                                      double[] scales, int sAt, double[][] columns, double[] flat, int at, int stride) {
        DoubleVector scale = scales == null ? null : DoubleVector.fromArray(QUAD, scales, sAt);
        int j = 0;
        for (int end = d & -4; j < end; j += 4) {
            DoubleVector r0 = DoubleVector.fromArray(QUAD, x, o0 + j), r1 = DoubleVector.fromArray(QUAD, x, o1 + j);
            DoubleVector r2 = DoubleVector.fromArray(QUAD, x, o2 + j), r3 = DoubleVector.fromArray(QUAD, x, o3 + j);
            // pairs: t0 = (r0[0], r1[0], r0[2], r1[2]), t1 = (r0[1], r1[1], r0[3], r1[3]); t2, t3 the same of r2, r3
            DoubleVector t0 = r0.blend(r1.rearrange(SWAP_PAIRS), ODD_LANES), t1 = r0.rearrange(SWAP_PAIRS).blend(r1, ODD_LANES);
            DoubleVector t2 = r2.blend(r3.rearrange(SWAP_PAIRS), ODD_LANES), t3 = r2.rearrange(SWAP_PAIRS).blend(r3, ODD_LANES);
            // halves: column j is t0's first half then t2's, column j + 2 their second halves
            DoubleVector c0 = t0.blend(t2.rearrange(SWAP_HALVES), UPPER_LANES), c1 = t1.blend(t3.rearrange(SWAP_HALVES), UPPER_LANES);
            DoubleVector c2 = t0.rearrange(SWAP_HALVES).blend(t2, UPPER_LANES), c3 = t1.rearrange(SWAP_HALVES).blend(t3, UPPER_LANES);
            if (centre != null) {
                c0 = c0.sub(centre[cOff + j]);
                c1 = c1.sub(centre[cOff + j + 1]);
                c2 = c2.sub(centre[cOff + j + 2]);
                c3 = c3.sub(centre[cOff + j + 3]);
            }
            if (scale != null) {
                c0 = c0.mul(scale);
                c1 = c1.mul(scale);
                c2 = c2.mul(scale);
                c3 = c3.mul(scale);
            }
            if (columns != null) {
                c0.intoArray(columns[j], at);
                c1.intoArray(columns[j + 1], at);
                c2.intoArray(columns[j + 2], at);
                c3.intoArray(columns[j + 3], at);
            } else {
                int a = at + stride * j;
                c0.intoArray(flat, a);
                c1.intoArray(flat, a + stride);
                c2.intoArray(flat, a + 2 * stride);
                c3.intoArray(flat, a + 3 * stride);
            }
        }
        for (; j < d; j++) {
            double h = centre == null ? 0 : centre[cOff + j];
            double[] to = columns != null ? columns[j] : flat;
            int a = columns != null ? at : at + stride * j;
            to[a] = scaled(x[o0 + j] - h, scales, sAt);
            to[a + 1] = scaled(x[o1 + j] - h, scales, sAt + 1);
            to[a + 2] = scaled(x[o2 + j] - h, scales, sAt + 2);
            to[a + 3] = scaled(x[o3 + j] - h, scales, sAt + 3);
        }
    }

    /** v times {@code scales[at]}, or v where scales is null. */
    private static double scaled(double v, double[] scales, int at) {
        return scales == null ? v : v * scales[at];
    }

    /**
     * Sixteen vector sums over the rows: with AVX-512's 32 registers in one pass, sixteen accumulators
     * and eight loads for sixteen fused multiply-adds ({@link #productsFourByFour}: ×0.84 per
     * iteration at 200 000×16, K = 16, overlapping, on an Intel Xeon); with AVX2's 16, where those
     * spilled to the stack, in two passes of two rows by four columns, eight accumulators and six
     * loads for eight.
     */
    @Override
    void products4x4(double[][] a, int a0, int aEnd, double[][] c, int c0, int cEnd, int n, double[] out, double[] lanes) {
        double[] x0 = a[a0], x1 = a[Math.min(a0 + 1, aEnd - 1)], x2 = a[Math.min(a0 + 2, aEnd - 1)], x3 = a[Math.min(a0 + 3, aEnd - 1)];
        double[] y0 = c[c0], y1 = c[Math.min(c0 + 1, cEnd - 1)], y2 = c[Math.min(c0 + 2, cEnd - 1)], y3 = c[Math.min(c0 + 3, cEnd - 1)];
        if (L == 8) {
            productsFourByFour(x0, x1, x2, x3, y0, y1, y2, y3, n, lanes);
        } else {
            productsTwoByFour(x0, x1, y0, y1, y2, y3, n, lanes, 0);
            productsTwoByFour(x2, x3, y0, y1, y2, y3, n, lanes, 8);
        }
        for (int t = 0; t < 16; t++) out[t] = laneSum(lanes, t * L);
        for (int b = n & -L; b < n; b++) {
            double[] u = {x0[b], x1[b], x2[b], x3[b]}, v = {y0[b], y1[b], y2[b], y3[b]};
            for (int p = 0; p < 4; p++) {
                for (int q = 0; q < 4; q++) out[4 * p + q] = Math.fma(u[p], v[q], out[4 * p + q]);
            }
        }
    }

    /** Two rows of {@link #products4x4}'s vector sums, into {@code lanes} from vector slot {@code slot} on: six loads for eight fused multiply-adds. */
    private static void productsTwoByFour(double[] x0, double[] x1, double[] y0, double[] y1, double[] y2, double[] y3, int n,
                                          double[] lanes, int slot) {
        DoubleVector s00 = DoubleVector.zero(S), s01 = s00, s02 = s00, s03 = s00, s10 = s00, s11 = s00, s12 = s00, s13 = s00;
        for (int b = 0, end = n & -L; b < end && !HELD; b += L) {
            DoubleVector u0 = DoubleVector.fromArray(S, x0, b), u1 = DoubleVector.fromArray(S, x1, b);
            DoubleVector v = DoubleVector.fromArray(S, y0, b);
            s00 = u0.fma(v, s00);
            s10 = u1.fma(v, s10);
            v = DoubleVector.fromArray(S, y1, b);
            s01 = u0.fma(v, s01);
            s11 = u1.fma(v, s11);
            v = DoubleVector.fromArray(S, y2, b);
            s02 = u0.fma(v, s02);
            s12 = u1.fma(v, s12);
            v = DoubleVector.fromArray(S, y3, b);
            s03 = u0.fma(v, s03);
            s13 = u1.fma(v, s13);
        }
        store(lanes, slot, s00, s01, s02, s03);
        store(lanes, slot + 4, s10, s11, s12, s13);
    }

    /**
     * {@link #products4x4}'s sixteen vector sums in one pass, into {@code lanes}: sixteen accumulators,
     * eight loads for sixteen fused multiply-adds, where AVX-512's 32 registers hold them.
     */
    private static void productsFourByFour(double[] x0, double[] x1, double[] x2, double[] x3, double[] y0, double[] y1,
                                           double[] y2, double[] y3, int n, double[] lanes) {
        DoubleVector s00 = DoubleVector.zero(S), s01 = s00, s02 = s00, s03 = s00, s10 = s00, s11 = s00, s12 = s00, s13 = s00;
        DoubleVector s20 = s00, s21 = s00, s22 = s00, s23 = s00, s30 = s00, s31 = s00, s32 = s00, s33 = s00;
        for (int b = 0, end = n & -L; b < end && !HELD; b += L) {
            DoubleVector u0 = DoubleVector.fromArray(S, x0, b), u1 = DoubleVector.fromArray(S, x1, b);
            DoubleVector u2 = DoubleVector.fromArray(S, x2, b), u3 = DoubleVector.fromArray(S, x3, b);
            DoubleVector v = DoubleVector.fromArray(S, y0, b);
            s00 = u0.fma(v, s00);
            s10 = u1.fma(v, s10);
            s20 = u2.fma(v, s20);
            s30 = u3.fma(v, s30);
            v = DoubleVector.fromArray(S, y1, b);
            s01 = u0.fma(v, s01);
            s11 = u1.fma(v, s11);
            s21 = u2.fma(v, s21);
            s31 = u3.fma(v, s31);
            v = DoubleVector.fromArray(S, y2, b);
            s02 = u0.fma(v, s02);
            s12 = u1.fma(v, s12);
            s22 = u2.fma(v, s22);
            s32 = u3.fma(v, s32);
            v = DoubleVector.fromArray(S, y3, b);
            s03 = u0.fma(v, s03);
            s13 = u1.fma(v, s13);
            s23 = u2.fma(v, s23);
            s33 = u3.fma(v, s33);
        }
        store(lanes, 0, s00, s01, s02, s03);
        store(lanes, 4, s10, s11, s12, s13);
        store(lanes, 8, s20, s21, s22, s23);
        store(lanes, 12, s30, s31, s32, s33);
    }

    /**
     * Four rows at a time: their first-moment terms added to {@code first} as one sum of four, where row
     * by row each waited for the previous row's store of the same {@code first} entries (×0.98 to ×0.99
     * per iteration at 100 000×64, K = 8, overlapping, on an Intel Xeon with AVX-512).
     */
    @Override
    void rootWeightedRows(double[] x, int d, int[] blockRows, int[] at, int from, int m, double[] root, double[] shift,
                          int sOff, double[] rows, int stride, double[] first) {
        int vectors = d & -L, q = 0;
        for (; q + 4 <= m; q += 4) {
            int p = from + q;
            int f0 = blockRows[at[p]] * d, f1 = blockRows[at[p + 1]] * d, f2 = blockRows[at[p + 2]] * d, f3 = blockRows[at[p + 3]] * d;
            int t0 = q * stride, t1 = t0 + stride, t2 = t1 + stride, t3 = t2 + stride;
            DoubleVector r0 = DoubleVector.broadcast(S, root[p]), r1 = DoubleVector.broadcast(S, root[p + 1]);
            DoubleVector r2 = DoubleVector.broadcast(S, root[p + 2]), r3 = DoubleVector.broadcast(S, root[p + 3]);
            for (int j = 0; j < vectors; j += L) {
                DoubleVector h = DoubleVector.fromArray(S, shift, sOff + j);
                DoubleVector v0 = DoubleVector.fromArray(S, x, f0 + j).sub(h).mul(r0);
                DoubleVector v1 = DoubleVector.fromArray(S, x, f1 + j).sub(h).mul(r1);
                DoubleVector v2 = DoubleVector.fromArray(S, x, f2 + j).sub(h).mul(r2);
                DoubleVector v3 = DoubleVector.fromArray(S, x, f3 + j).sub(h).mul(r3);
                v0.intoArray(rows, t0 + j);
                v1.intoArray(rows, t1 + j);
                v2.intoArray(rows, t2 + j);
                v3.intoArray(rows, t3 + j);
                DoubleVector terms = v1.fma(r1, v0.mul(r0)).add(v3.fma(r3, v2.mul(r2)));
                terms.add(DoubleVector.fromArray(S, first, j)).intoArray(first, j);
            }
            for (int o = 0; o < 4; o++) {
                rootWeightedRowEnd(x, blockRows[at[p + o]] * d, vectors, d, root[p + o], shift, sOff, rows, (q + o) * stride, stride, first);
            }
        }
        for (; q < m; q++) {
            int row = blockRows[at[from + q]] * d, to = q * stride;
            DoubleVector rv = DoubleVector.broadcast(S, root[from + q]);
            for (int j = 0; j < vectors; j += L) {
                DoubleVector v = DoubleVector.fromArray(S, x, row + j).sub(DoubleVector.fromArray(S, shift, sOff + j)).mul(rv);
                v.intoArray(rows, to + j);
                v.fma(rv, DoubleVector.fromArray(S, first, j)).intoArray(first, j);
            }
            rootWeightedRowEnd(x, row, vectors, d, root[from + q], shift, sOff, rows, to, stride, first);
        }
    }

    /** {@link #rootWeightedRows}' columns from j on of the row at {@code x[row..]}, one by one, then its zeros to the stride. */
    private static void rootWeightedRowEnd(double[] x, int row, int j, int d, double r, double[] shift, int sOff, double[] rows,
                                           int to, int stride, double[] first) {
        for (; j < d; j++) {
            double v = r * (x[row + j] - shift[sOff + j]);
            rows[to + j] = v;
            first[j] = Math.fma(v, r, first[j]);
        }
        for (; j < stride; j++) rows[to + j] = 0;
    }

    /**
     * Four listed rows at a time, transposed four columns at a time ({@link #transposeRows}), their
     * differences times their roots as one vector: where gathering them from the block's columns
     * loads the values one by one.
     */
    @Override
    void rootWeightedColumns(double[] x, int d, int[] blockRows, int[] at, int m, double[] root, double[] shift, int sOff,
                             double[][] columns) {
        for (int q = 0; q < m; q += 4) {
            // past the last listed row, the last again: its root is 0
            int o0 = blockRows[at[q]] * d, o1 = blockRows[at[Math.min(q + 1, m - 1)]] * d;
            int o2 = blockRows[at[Math.min(q + 2, m - 1)]] * d, o3 = blockRows[at[Math.min(q + 3, m - 1)]] * d;
            transposeRows(x, o0, o1, o2, o3, d, shift, sOff, root, q, columns, null, q, 0);
        }
    }

    /** {@link #addGram}'s tiles are two vectors wide. */
    @Override
    int gramStride(int d) {
        return (d + 2 * L - 1) / (2 * L) * (2 * L);
    }

    /**
     * With AVX-512's 32 registers and d ≥ 48, where the Gram tiles of eight rows ({@link #addGramByEights})
     * waste a seventh of their multiply-adds or less on the diagonal's upper side. Paired per iteration,
     * overlapping clusters, K = 8, on an Intel Xeon: ×0.87 at 100 000×64, ×0.97 at d = 48, but ×1.07 at
     * d = 40, ×1.03 at 32 and ×1.2 at 24 and 16, where the dot-product tiles over columns stay.
     */
    @Override
    boolean scatterByRows(int d) {
        return L == 8 && d >= 48;
    }

    /**
     * In the register tiles this machine's vectors have registers for: {@link #addGramByEights} with
     * AVX-512's 32, with AVX2's 16 tiles of four rows of the target by two vectors of its columns over
     * the diagonal's columns and those before: eight accumulators, two loads and four broadcasts for
     * eight fused multiply-adds, each tile's sums added to the target once, the rows summed in
     * registers. (The dot-product tiles over a block's columns, fed these rows gathered into columns,
     * end each tile in sums across lanes and a ragged end: measured no faster than the rank-four
     * updates at 100 000×64, K = 8, separated, where these tiles are ×0.91 per iteration.)
     */
    @Override
    void addGram(double[] rows, int stride, int m, int d, double[][] target, int off, double[] lanes) {
        if (L == 8) {
            addGramByEights(rows, stride, m, d, target, off, lanes);
            return;
        }
        for (int a0 = 0; a0 < d; a0 += 4) {
            int last = Math.min(a0 + 3, d - 1);
            for (int j0 = 0; j0 <= last; j0 += 2 * L) {
                DoubleVector s00 = DoubleVector.zero(S), s01 = s00, s10 = s00, s11 = s00, s20 = s00, s21 = s00, s30 = s00, s31 = s00;
                for (int q = 0, at = 0; q < m && !HELD; q++, at += stride) {
                    DoubleVector v0 = DoubleVector.fromArray(S, rows, at + j0), v1 = DoubleVector.fromArray(S, rows, at + j0 + L);
                    DoubleVector u = DoubleVector.broadcast(S, rows[at + a0]);
                    s00 = u.fma(v0, s00);
                    s01 = u.fma(v1, s01);
                    u = DoubleVector.broadcast(S, rows[at + a0 + 1]);
                    s10 = u.fma(v0, s10);
                    s11 = u.fma(v1, s11);
                    u = DoubleVector.broadcast(S, rows[at + a0 + 2]);
                    s20 = u.fma(v0, s20);
                    s21 = u.fma(v1, s21);
                    u = DoubleVector.broadcast(S, rows[at + a0 + 3]);
                    s30 = u.fma(v0, s30);
                    s31 = u.fma(v1, s31);
                }
                addTileRow(target, off, a0, d, j0, s00, s01);
                addTileRow(target, off, a0 + 1, d, j0, s10, s11);
                addTileRow(target, off, a0 + 2, d, j0, s20, s21);
                addTileRow(target, off, a0 + 3, d, j0, s30, s31);
            }
        }
    }

    /**
     * {@link #addGram} with AVX-512: tiles of eight rows of the target by two vectors of its columns
     * ({@link #gramEightByTwo}: sixteen accumulators, two loads and eight broadcasts for sixteen fused
     * multiply-adds), by one where the diagonal ends a tile's columns; no sums across lanes, where the
     * dot-product tiles over columns spend about a quarter of their time summing sixteen vectors' lanes
     * (a Gram tile's sums are the target's entries). Each tile's sums are added to the target once
     * ({@link #addGramTile}).
     */
    private static void addGramByEights(double[] rows, int stride, int m, int d, double[][] target, int off, double[] lanes) {
        for (int a0 = 0; a0 < d; a0 += 8) {
            int columns = Math.min(a0 + 8, d);
            for (int j0 = 0; j0 < columns; j0 += 2 * L) {
                boolean two = j0 + L < columns;
                if (two) gramEightByTwo(rows, stride, m, a0, j0, lanes);
                else gramEightByOne(rows, stride, m, a0, j0, lanes);
                addGramTile(target, off, a0, d, j0, two ? 2 * L : L, lanes);
            }
        }
    }

    /**
     * Σ over rows q < m of rows[q·stride + a0 + p]·rows[q·stride + j0 + l], p < 8, l < 16, into
     * {@code lanes[16p + l]}. The indices from q itself, not from a running offset: the JIT then drops
     * the broadcasts' bounds checks from the loop (×1.1 in a kernel benchmark).
     */
    private static void gramEightByTwo(double[] rows, int stride, int m, int a0, int j0, double[] lanes) {
        DoubleVector s00 = DoubleVector.zero(S), s01 = s00, s10 = s00, s11 = s00, s20 = s00, s21 = s00, s30 = s00, s31 = s00;
        DoubleVector s40 = s00, s41 = s00, s50 = s00, s51 = s00, s60 = s00, s61 = s00, s70 = s00, s71 = s00;
        for (int q = 0; q < m; q++) {
            int at = q * stride + j0, au = q * stride + a0;
            DoubleVector v0 = DoubleVector.fromArray(S, rows, at), v1 = DoubleVector.fromArray(S, rows, at + L);
            DoubleVector u = DoubleVector.broadcast(S, rows[au]);
            s00 = u.fma(v0, s00);
            s01 = u.fma(v1, s01);
            u = DoubleVector.broadcast(S, rows[au + 1]);
            s10 = u.fma(v0, s10);
            s11 = u.fma(v1, s11);
            u = DoubleVector.broadcast(S, rows[au + 2]);
            s20 = u.fma(v0, s20);
            s21 = u.fma(v1, s21);
            u = DoubleVector.broadcast(S, rows[au + 3]);
            s30 = u.fma(v0, s30);
            s31 = u.fma(v1, s31);
            u = DoubleVector.broadcast(S, rows[au + 4]);
            s40 = u.fma(v0, s40);
            s41 = u.fma(v1, s41);
            u = DoubleVector.broadcast(S, rows[au + 5]);
            s50 = u.fma(v0, s50);
            s51 = u.fma(v1, s51);
            u = DoubleVector.broadcast(S, rows[au + 6]);
            s60 = u.fma(v0, s60);
            s61 = u.fma(v1, s61);
            u = DoubleVector.broadcast(S, rows[au + 7]);
            s70 = u.fma(v0, s70);
            s71 = u.fma(v1, s71);
        }
        store(lanes, 0, s00, s01, s10, s11);
        store(lanes, 4, s20, s21, s30, s31);
        store(lanes, 8, s40, s41, s50, s51);
        store(lanes, 12, s60, s61, s70, s71);
    }

    /** {@link #gramEightByTwo}'s first vector of columns alone: {@code lanes[16p + l]}, l < 8. */
    private static void gramEightByOne(double[] rows, int stride, int m, int a0, int j0, double[] lanes) {
        DoubleVector s0 = DoubleVector.zero(S), s1 = s0, s2 = s0, s3 = s0, s4 = s0, s5 = s0, s6 = s0, s7 = s0;
        for (int q = 0; q < m; q++) {
            int au = q * stride + a0;
            DoubleVector v = DoubleVector.fromArray(S, rows, q * stride + j0);
            s0 = DoubleVector.broadcast(S, rows[au]).fma(v, s0);
            s1 = DoubleVector.broadcast(S, rows[au + 1]).fma(v, s1);
            s2 = DoubleVector.broadcast(S, rows[au + 2]).fma(v, s2);
            s3 = DoubleVector.broadcast(S, rows[au + 3]).fma(v, s3);
            s4 = DoubleVector.broadcast(S, rows[au + 4]).fma(v, s4);
            s5 = DoubleVector.broadcast(S, rows[au + 5]).fma(v, s5);
            s6 = DoubleVector.broadcast(S, rows[au + 6]).fma(v, s6);
            s7 = DoubleVector.broadcast(S, rows[au + 7]).fma(v, s7);
        }
        s0.intoArray(lanes, 0);
        s1.intoArray(lanes, 2 * L);
        s2.intoArray(lanes, 4 * L);
        s3.intoArray(lanes, 6 * L);
        s4.intoArray(lanes, 8 * L);
        s5.intoArray(lanes, 10 * L);
        s6.intoArray(lanes, 12 * L);
        s7.intoArray(lanes, 14 * L);
    }

    /**
     * Adds an eight-row Gram tile's sums, {@code lanes[16p + l]} for l < width, to the target's rows
     * a0 + p below d, the vectors that start at or before the row's diagonal.
     */
    private static void addGramTile(double[][] target, int off, int a0, int d, int j0, int width, double[] lanes) {
        for (int p = 0; p < 8 && a0 + p < d; p++) {
            double[] row = target[off + a0 + p];
            for (int l = 0, j = j0; l < width && j <= a0 + p; l += L, j += L) {
                addWithin(row, j, d, DoubleVector.fromArray(S, lanes, 2 * L * p + l));
            }
        }
    }

    /** Adds a tile's row of two vectors to target row a from column j0, what of it lies before column d. */
    private static void addTileRow(double[][] target, int off, int a, int d, int j0, DoubleVector v0, DoubleVector v1) {
        if (a >= d) return;
        double[] row = target[off + a];
        addWithin(row, j0, d, v0);
        addWithin(row, j0 + L, d, v1);
    }

    /** Adds v to row[j..j+L), what of it lies before index d. */
    private static void addWithin(double[] row, int j, int d, DoubleVector v) {
        if (j + L <= d) {
            DoubleVector.fromArray(S, row, j).add(v).intoArray(row, j);
        } else if (j < d) {
            VectorMask<Double> within = S.indexInRange(j, d);
            DoubleVector.fromArray(S, row, j, within).add(v).intoArray(row, j, within);
        }
    }

    /**
     * Ten products and four first moments in fourteen vector sums, in two passes: the first two rows'
     * five sums, then the last two rows' nine (fourteen accumulators and five loads in one pass spilled
     * from AVX2's 16 registers).
     */
    @Override
    void symmetricTile(double[][] a, int a0, int aEnd, double[] root, int n, double[] out, double[] lanes) {
        double[] x0 = a[a0], x1 = a[Math.min(a0 + 1, aEnd - 1)], x2 = a[Math.min(a0 + 2, aEnd - 1)], x3 = a[Math.min(a0 + 3, aEnd - 1)];
        symmetricFirstRows(x0, x1, root, n, lanes);
        symmetricLastRows(x0, x1, x2, x3, root, n, lanes);
        for (int t = 0; t < SYMMETRIC_SUMS.length; t++) out[SYMMETRIC_SUMS[t]] = laneSum(lanes, t * L);
        for (int b = n & -L; b < n; b++) {
            double[] u = {x0[b], x1[b], x2[b], x3[b]};
            for (int p = 0; p < 4; p++) {
                for (int q = 0; q <= p; q++) out[4 * p + q] = Math.fma(u[p], u[q], out[4 * p + q]);
                out[16 + p] = Math.fma(root[b], u[p], out[16 + p]);
            }
        }
    }

    /** The first two rows of {@link #symmetricTile}'s sums, s00, s10, s11 and f0, f1, into their slots of {@code lanes}. */
    private static void symmetricFirstRows(double[] x0, double[] x1, double[] root, int n, double[] lanes) {
        DoubleVector s00 = DoubleVector.zero(S), s10 = s00, s11 = s00, f0 = s00, f1 = s00;
        for (int b = 0, end = n & -L; b < end && !HELD; b += L) {
            DoubleVector u0 = DoubleVector.fromArray(S, x0, b), u1 = DoubleVector.fromArray(S, x1, b);
            DoubleVector r = DoubleVector.fromArray(S, root, b);
            s00 = u0.fma(u0, s00);
            s10 = u1.fma(u0, s10);
            s11 = u1.fma(u1, s11);
            f0 = r.fma(u0, f0);
            f1 = r.fma(u1, f1);
        }
        s00.intoArray(lanes, 0);
        s10.intoArray(lanes, L);
        s11.intoArray(lanes, 2 * L);
        f0.intoArray(lanes, 10 * L);
        f1.intoArray(lanes, 11 * L);
    }

    /** The last two rows of {@link #symmetricTile}'s sums, s20 to s33 and f2, f3, into their slots of {@code lanes}. */
    private static void symmetricLastRows(double[] x0, double[] x1, double[] x2, double[] x3, double[] root, int n, double[] lanes) {
        DoubleVector s20 = DoubleVector.zero(S), s21 = s20, s22 = s20, s30 = s20, s31 = s20, s32 = s20, s33 = s20, f2 = s20, f3 = s20;
        for (int b = 0, end = n & -L; b < end && !HELD; b += L) {
            DoubleVector u0 = DoubleVector.fromArray(S, x0, b), u1 = DoubleVector.fromArray(S, x1, b);
            DoubleVector u2 = DoubleVector.fromArray(S, x2, b), u3 = DoubleVector.fromArray(S, x3, b);
            DoubleVector r = DoubleVector.fromArray(S, root, b);
            s20 = u2.fma(u0, s20);
            s21 = u2.fma(u1, s21);
            s22 = u2.fma(u2, s22);
            s30 = u3.fma(u0, s30);
            s31 = u3.fma(u1, s31);
            s32 = u3.fma(u2, s32);
            s33 = u3.fma(u3, s33);
            f2 = r.fma(u2, f2);
            f3 = r.fma(u3, f3);
        }
        store(lanes, 3, s20, s21, s22, s30);
        s31.intoArray(lanes, 7 * L);
        s32.intoArray(lanes, 8 * L);
        s33.intoArray(lanes, 9 * L);
        f2.intoArray(lanes, 12 * L);
        f3.intoArray(lanes, 13 * L);
    }

    /**
     * Four vectors of rows of the block at a time, their differences made once into {@code work}
     * (subtracting inside the product instead made fits slower at d = 16 on an Intel Xeon and at d = 64
     * on an AMD Zen 3), then the product in register tiles shaped for the registers there are:
     * {@link #distancesByStrips} with AVX-512's 32, {@link #distancesByRowPairs} with AVX2's 16 (where
     * the strips' sixteen accumulators spilled to the stack: the pairs measured 1.4 times as fast alone,
     * at d = 16 and 64, one core).
     */
    @Override
    void mahalanobis(double[] packed, int d, double[][] xt, int rows, double[] mean, int mOff, double[] out,
                     double[] work, int to) {
        int used = Math.min(d, (to + 3) & -4);
        for (int b0 = 0; b0 < rows; b0 += ROWS) {
            for (int j = 0; j < used; j++) {
                double m = mean[mOff + j];
                double[] x = xt[j];
                for (int l = 0; l < ROWS; l += L) DoubleVector.fromArray(S, x, b0 + l).sub(m).intoArray(work, ROWS * j + l);
            }
            distances(packed, d, used, work, null, out, b0);
        }
    }

    /**
     * The differences of a pass's rows made from the row-major data, four rows by four columns at a
     * time ({@link #transposeRows}), where gathering them from the block's columns loads them one by
     * one; the same values, so the same sums, as {@link #mahalanobis} of the gathered rows.
     */
    @Override
    void mahalanobisOfRows(double[] packed, int d, double[] x, int[] blockRows, int[] picked, int count, double[] mean,
                           int mOff, double[] shift, double[] out, double[] work) {
        double[] centre = shift == null ? mean : null;
        for (int b0 = 0; b0 < count; b0 += ROWS) {
            for (int l = 0; l < ROWS; l += 4) {
                // past the last listed row, the last again: its sums are left unread
                int o0 = blockRows[picked[Math.min(b0 + l, count - 1)]] * d, o1 = blockRows[picked[Math.min(b0 + l + 1, count - 1)]] * d;
                int o2 = blockRows[picked[Math.min(b0 + l + 2, count - 1)]] * d, o3 = blockRows[picked[Math.min(b0 + l + 3, count - 1)]] * d;
                transposeRows(x, o0, o1, o2, o3, d, centre, mOff, null, 0, null, work, l, ROWS);
            }
            distances(packed, d, d, work, shift, out, b0);
        }
    }

    @Override
    double[][] panels(double[][] xt, int d, int columns, int rows, double[][] panels) {
        int groups = (rows + ROWS - 1) / ROWS;
        if (panels == null || panels.length < groups || panels[0].length != ROWS * d) panels = new double[xt[0].length / ROWS][ROWS * d];
        for (int g = 0; g < groups; g++) {
            double[] panel = panels[g];
            for (int j = 0; j < columns; j++) {
                double[] x = xt[j];
                for (int l = 0; l < ROWS; l += L) DoubleVector.fromArray(S, x, g * ROWS + l).intoArray(panel, ROWS * j + l);
            }
        }
        return panels;
    }

    /** Panel by panel, each for every factor: the panel stays in the L1 cache (factor by factor, each read the whole block from L2). */
    @Override
    void mahalanobisOfPanels(double[][] packed, int d, double[][] panels, int rows, double[][] shifts, double[][] out,
                             int to) {
        int used = Math.min(d, (to + 3) & -4);
        for (int b0 = 0, g = 0; b0 < rows; b0 += ROWS, g++) {
            for (int c = 0; c < packed.length; c++) distances(packed[c], d, used, panels[g], shifts[c], out[c], b0);
        }
    }

    @Override
    void mahalanobisOfPanels(double[] packed, int d, double[][] panels, int rows, double[] shift, double[] out) {
        for (int b0 = 0, g = 0; b0 < rows; b0 += ROWS, g++) distances(packed, d, d, panels[g], shift, out, b0);
    }

    /** One pass's sums in the register tiles this machine's vectors have registers for. */
    private static void distances(double[] packed, int d, int used, double[] work, double[] shift, double[] out, int b0) {
        if (L == 4) distancesByRowPairs(packed, d, used, work, shift, out, b0);
        else distancesByStrips(packed, d, used, work, shift, out, b0);
    }

    /**
     * Rows b0 to b0 + ROWS of {@link #mahalanobis}'s sums, from their differences in {@code work}, the
     * first {@code used} rows of U (a multiple of four, or d): two rows of U at a time, i and i + 1, over
     * the columns j ≤ i + 1 (row i's last is the packed factor's zero above its diagonal), in eight
     * accumulators, two broadcasts and four loads for eight fused multiply-adds.
     */
    private static void distancesByRowPairs(double[] packed, int d, int used, double[] work, double[] shift, double[] out,
                                            int b0) {
        DoubleVector q0 = DoubleVector.zero(S), q1 = q0, q2 = q0, q3 = q0;
        for (int i = 0; i < used; i += 2) {
            int at = GaussianFactor.stripOffset(i >> 2) + (i & 3), columns = Math.min(i + 2, d);
            DoubleVector z0 = start(shift, i), z1 = z0, z2 = z0, z3 = z0, y0 = start(shift, i + 1), y1 = y0, y2 = y0, y3 = y0;
            for (int j = 0, w = 0; j < columns; j++, w += ROWS, at += 4) {
                DoubleVector e0 = DoubleVector.fromArray(S, work, w), e1 = DoubleVector.fromArray(S, work, w + L);
                DoubleVector e2 = DoubleVector.fromArray(S, work, w + 2 * L), e3 = DoubleVector.fromArray(S, work, w + 3 * L);
                DoubleVector u = DoubleVector.broadcast(S, packed[at]), v = DoubleVector.broadcast(S, packed[at + 1]);
                z0 = e0.fma(u, z0);
                z1 = e1.fma(u, z1);
                z2 = e2.fma(u, z2);
                z3 = e3.fma(u, z3);
                y0 = e0.fma(v, y0);
                y1 = e1.fma(v, y1);
                y2 = e2.fma(v, y2);
                y3 = e3.fma(v, y3);
            }
            q0 = q0.add(y0.fma(y0, z0.mul(z0)));
            q1 = q1.add(y1.fma(y1, z1.mul(z1)));
            q2 = q2.add(y2.fma(y2, z2.mul(z2)));
            q3 = q3.add(y3.fma(y3, z3.mul(z3)));
        }
        q0.intoArray(out, b0);
        q1.intoArray(out, b0 + L);
        q2.intoArray(out, b0 + 2 * L);
        q3.intoArray(out, b0 + 3 * L);
    }

    /**
     * {@link #distancesByRowPairs}' sums another way: per strip of four rows of U a four-by-four-vector
     * tile of z in sixteen registers over the strip's columns (four broadcasts and four loads for
     * sixteen fused multiply-adds), squared into the distances as it ends.
     */
    private static void distancesByStrips(double[] packed, int d, int used, double[] work, double[] shift, double[] out,
                                          int b0) {
        int strips = (used + 3) / 4;
        DoubleVector q0 = DoubleVector.zero(S), q1 = q0, q2 = q0, q3 = q0;
        for (int s = 0; s < strips; s++) {
            int off = GaussianFactor.stripOffset(s), columns = Math.min(d, 4 * s + 4);
            // from −U·μ when the mean is folded in, as distancesByRowPairs
            DoubleVector z00 = start(shift, 4 * s), z01 = z00, z02 = z00, z03 = z00;
            DoubleVector z10 = start(shift, 4 * s + 1), z11 = z10, z12 = z10, z13 = z10;
            DoubleVector z20 = start(shift, 4 * s + 2), z21 = z20, z22 = z20, z23 = z20;
            DoubleVector z30 = start(shift, 4 * s + 3), z31 = z30, z32 = z30, z33 = z30;
            // the columns before the strip's diagonal block, and its first, reach all four rows of the strip
            for (int j = 0; j <= 4 * s; j++) {
                int w = ROWS * j;
                DoubleVector e0 = DoubleVector.fromArray(S, work, w), e1 = DoubleVector.fromArray(S, work, w + L);
                DoubleVector e2 = DoubleVector.fromArray(S, work, w + 2 * L), e3 = DoubleVector.fromArray(S, work, w + 3 * L);
                int at = off + 4 * j;
                DoubleVector u = DoubleVector.broadcast(S, packed[at]);
                z00 = e0.fma(u, z00);
                z01 = e1.fma(u, z01);
                z02 = e2.fma(u, z02);
                z03 = e3.fma(u, z03);
                u = DoubleVector.broadcast(S, packed[at + 1]);
                z10 = e0.fma(u, z10);
                z11 = e1.fma(u, z11);
                z12 = e2.fma(u, z12);
                z13 = e3.fma(u, z13);
                u = DoubleVector.broadcast(S, packed[at + 2]);
                z20 = e0.fma(u, z20);
                z21 = e1.fma(u, z21);
                z22 = e2.fma(u, z22);
                z23 = e3.fma(u, z23);
                u = DoubleVector.broadcast(S, packed[at + 3]);
                z30 = e0.fma(u, z30);
                z31 = e1.fma(u, z31);
                z32 = e2.fma(u, z32);
                z33 = e3.fma(u, z33);
            }
            // the rest of the diagonal block is lower triangular: column 4s + t reaches rows t to 3
            // of the strip alone (its zeros would cost a sixth of the product's multiply-adds at d = 16;
            // one loop over all columns with these conditions measured a third slower than two)
            for (int t = 1; t < Math.min(4, columns - 4 * s); t++) {
                int w = ROWS * (4 * s + t), at = off + 4 * (4 * s + t);
                DoubleVector e0 = DoubleVector.fromArray(S, work, w), e1 = DoubleVector.fromArray(S, work, w + L);
                DoubleVector e2 = DoubleVector.fromArray(S, work, w + 2 * L), e3 = DoubleVector.fromArray(S, work, w + 3 * L);
                DoubleVector u;
                if (t == 1) {
                    u = DoubleVector.broadcast(S, packed[at + 1]);
                    z10 = e0.fma(u, z10);
                    z11 = e1.fma(u, z11);
                    z12 = e2.fma(u, z12);
                    z13 = e3.fma(u, z13);
                }
                if (t <= 2) {
                    u = DoubleVector.broadcast(S, packed[at + 2]);
                    z20 = e0.fma(u, z20);
                    z21 = e1.fma(u, z21);
                    z22 = e2.fma(u, z22);
                    z23 = e3.fma(u, z23);
                }
                u = DoubleVector.broadcast(S, packed[at + 3]);
                z30 = e0.fma(u, z30);
                z31 = e1.fma(u, z31);
                z32 = e2.fma(u, z32);
                z33 = e3.fma(u, z33);
            }
            // (z0² + z1²) + (z2² + z3²): the strip's squares without a chain through the running sum
            q0 = q0.add(z10.fma(z10, z00.mul(z00)).add(z30.fma(z30, z20.mul(z20))));
            q1 = q1.add(z11.fma(z11, z01.mul(z01)).add(z31.fma(z31, z21.mul(z21))));
            q2 = q2.add(z12.fma(z12, z02.mul(z02)).add(z32.fma(z32, z22.mul(z22))));
            q3 = q3.add(z13.fma(z13, z03.mul(z03)).add(z33.fma(z33, z23.mul(z23))));
        }
        q0.intoArray(out, b0);
        q1.intoArray(out, b0 + L);
        q2.intoArray(out, b0 + 2 * L);
        q3.intoArray(out, b0 + 3 * L);
    }

    /**
     * Where row i of z = U·x − U·μ starts its sums when the mean is folded into the product,
     * −(U·μ)_i; from 0 when the differences x − μ were made instead ({@code shift} null).
     */
    private static DoubleVector start(double[] shift, int i) {
        return shift == null ? DoubleVector.zero(S) : DoubleVector.broadcast(S, -shift[i]);
    }

    /** Where {@link #symmetricTile}'s sums, in the order it stores them, go in its {@code out}: the tile's lower triangle, then the four first moments. */
    private static final int[] SYMMETRIC_SUMS = {0, 4, 5, 8, 9, 10, 12, 13, 14, 15, 16, 17, 18, 19};

    /** Four vectors into {@code lanes} from vector slot {@code slot} on, unsummed. */
    private static void store(double[] lanes, int slot, DoubleVector v0, DoubleVector v1, DoubleVector v2, DoubleVector v3) {
        v0.intoArray(lanes, slot * L);
        v1.intoArray(lanes, (slot + 1) * L);
        v2.intoArray(lanes, (slot + 2) * L);
        v3.intoArray(lanes, (slot + 3) * L);
    }

    /** The vector's lanes summed ({@link #laneSum}), through {@code lanes}. */
    private static double lanes(DoubleVector v, double[] lanes) {
        v.intoArray(lanes, 0);
        return laneSum(lanes, 0);
    }

    /**
     * The L lanes stored at {@code lanes[at..at+L)} summed in one fixed order for their width: lane l
     * with lane l + 4 first (a 512-bit vector's halves), then the four pairwise. Summed from memory:
     * extracting the lanes from the registers (a 512-bit vector's halves, then lane by lane) took
     * three quarters of a tile's time over 64 rows and a third over 256.
     */
    private static double laneSum(double[] lanes, int at) {
        if (L == 4) return (lanes[at] + lanes[at + 1]) + (lanes[at + 2] + lanes[at + 3]);
        return ((lanes[at] + lanes[at + 4]) + (lanes[at + 1] + lanes[at + 5]))
                + ((lanes[at + 2] + lanes[at + 6]) + (lanes[at + 3] + lanes[at + 7]));
    }
}
