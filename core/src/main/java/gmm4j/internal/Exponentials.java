// SPDX-License-Identifier: Apache-2.0
package gmm4j.internal;

/**
 * e^x for a block of non-positive x in loops the JIT vectorises ({@link Math#exp} is a call per
 * value and costs about as much as the rest of a diagonal E-step at d = 16). e^x = (e^{x/64})^64:
 * x/64 lies in [−50/64, 0], where the Taylor polynomial of degree 16 is exact to a rounding error,
 * and six squarings give the power. Relative error below 3e-14; below {@link #CUT} the result is 0.
 * The Vector API's kernel reduces by powers of two instead, which needs integer operations on the
 * bits that the JIT does not vectorise: {@link #expByPowersOfTwo} is its steps, one value at a time.
 */
final class Exponentials {
    /** Below this, e^x (< 2e-22) cannot change a sum that holds 1: it is taken as 0. */
    static final double CUT = -50;

    private static final double SCALE = 1.0 / 64;
    /** The reduced argument times this is the clamped x. */
    static final double UNSCALE = 64;
    private static final double REDUCED_CUT = CUT * SCALE;
    /** Turns any reduced argument above the cut into a factor ≥ 1 (then clamped to 1): the mask without a branch. */
    private static final double HUGE = 1e300;
    /** 1/i!: the Taylor coefficients of e^r. */
    static final double F2 = 1.0 / 2;
    static final double F3 = 1.0 / 6;
    static final double F4 = 1.0 / 24;
    static final double F5 = 1.0 / 120;
    static final double F6 = 1.0 / 720;
    static final double F7 = 1.0 / 5040;
    static final double F8 = 1.0 / 40320;
    static final double F9 = 1.0 / 362880;
    static final double F10 = 1.0 / 3628800;
    static final double F11 = 1.0 / 39916800;
    static final double F12 = 1.0 / 479001600;
    private static final double F13 = 1.0 / 6227020800.0;
    private static final double F14 = 1.0 / 87178291200.0;
    private static final double F15 = 1.0 / 1307674368000.0;
    private static final double F16 = 1.0 / 20922789888000.0;

    /**
     * Whether {@link Math#fma} is one instruction here (HotSpot's {@code UseFMA}, set when the CPU has
     * it): then the polynomial takes half the operations. Elsewhere {@code Math.fma} is an exact
     * software emulation, a thousand times slower, and the plain products and sums are used.
     */
    static final boolean HARDWARE_FMA = hardwareFma();

    private Exponentials() {
    }

    private static boolean hardwareFma() {
        try {
            com.sun.management.HotSpotDiagnosticMXBean vm =
                    java.lang.management.ManagementFactory.getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class);
            return vm != null && Boolean.parseBoolean(vm.getVMOption("UseFMA").getValue());
        } catch (RuntimeException | LinkageError e) {
            return false; // not HotSpot, or no jdk.management: take the safe path
        }
    }

    /**
     * {@code v[b] = e^{v[b] − minus[b]}} for b < n, where every difference is ≤ 0 (or −∞, or NaN,
     * which stays NaN), each exponential also added to {@code total[b]} unless total is null; leaves
     * max(difference, CUT) / {@link #UNSCALE} in {@code reduced} (at least n values). Each loop is
     * kept short: the JIT unrolls and vectorises only small loop bodies.
     */
    static void expOfDifference(double[] v, double[] minus, int n, double[] reduced, double[] total) {
        expOfDifference(v, minus, n, reduced, total, HARDWARE_FMA);
    }

    /**
     * {@link #expOfDifference(double[], double[], int, double[], double[])}, {@code minus} null for
     * none, {@code total} null for no sums, with or without fused multiply-adds (both tested).
     */
    static void expOfDifference(double[] v, double[] minus, int n, double[] reduced, double[] total, boolean fma) {
        // the reduced argument and the first Horner steps in one pass
        if (minus == null) {
            for (int b = 0; b < n; b++) {
                double r = Math.max(v[b], CUT) * SCALE;
                reduced[b] = r;
                v[b] = leadingTerms(r, fma);
            }
        } else {
            for (int b = 0; b < n; b++) {
                double r = Math.max(v[b] - minus[b], CUT) * SCALE;
                reduced[b] = r;
                v[b] = leadingTerms(r, fma);
            }
        }
        horner(v, reduced, n, F11, F10, F9, F8, fma);
        horner(v, reduced, n, F7, F6, F5, F4, fma);
        horner(v, reduced, n, F3, F2, 1, 1, fma);
        if (total == null) {
            for (int b = 0; b < n; b++) v[b] = power64(v[b]) * Math.min(1.0, (reduced[b] - REDUCED_CUT) * HUGE);
        } else {
            for (int b = 0; b < n; b++) {
                double e = power64(v[b]) * Math.min(1.0, (reduced[b] - REDUCED_CUT) * HUGE);
                v[b] = e;
                total[b] += e;
            }
        }
    }

    /** log₂ e, and ln 2 in two parts: k·{@link #LN2_HIGH} is exact for |k| < 2²⁰. */
    static final double LOG2E = 1.4426950408889634;
    static final double LN2_HIGH = 0x1.62e42fee00000p-1;
    static final double LN2_LOW = 0x1.a39ef35793c76p-33;
    /** 1.5·2⁵²: x + SHIFTER rounds x to an integer, held in the sum's low bits. */
    static final double SHIFTER = 0x1.8p52;
    /** Added to the bits of k + SHIFTER, then shifted left by 52: the bits of 2^k. */
    static final long EXPONENT_BIAS = 1023 - Double.doubleToRawLongBits(SHIFTER);

    /**
     * e^x for x ≤ 0 (or NaN, which stays NaN) as the Vector API kernel computes it
     * ({@link VectorKernels#expOfDifference}), its operations one by one: x clamped to the cut (below
     * which the result is 0), x = k·ln 2 + r with |r| ≤ ½ln 2, e^r by its Taylor polynomial of degree 12
     * (truncation below 2e-16 relative) and 2^k from the bits. The polynomial as 1 + (r + r²·q(r)), the
     * 1 added last so that its rounding is the only one at the result's scale, and q by Estrin's
     * scheme, pairs of terms joined by r², r⁴ and r⁸: six operations deep, where Horner's rule is
     * twelve and kept a vector exponential waiting on its latency (measured a quarter slower). Uses
     * {@link Math#fma}: only where that is one instruction, as it is wherever the Vector API kernels run.
     */
    static double expByPowersOfTwo(double x) {
        double t = Math.max(x, CUT);
        return t == CUT ? 0 : powerOfTwoTimesTaylor(t);
    }

    /**
     * e^{x/2} for x ≤ 0 above the cut, 0 at or below it (x's cut, where the whole exponential is 0):
     * {@link VectorKernels#halfExpOfDifference}'s steps, those of {@link #expByPowersOfTwo} on x/2.
     */
    static double halfExpByPowersOfTwo(double x) {
        double t = Math.max(x, CUT);
        return t == CUT ? 0 : powerOfTwoTimesTaylor(0.5 * t);
    }

    /** e^t for t in [{@link #CUT}, 0] (or NaN), by the steps {@link #expByPowersOfTwo} names, the cut left to the caller. */
    static double powerOfTwoTimesTaylor(double t) {
        double shifted = Math.fma(t, LOG2E, SHIFTER);
        double k = shifted - SHIFTER;
        double r = Math.fma(k, -LN2_LOW, Math.fma(k, -LN2_HIGH, t));
        double r2 = r * r, r4 = r2 * r2;
        double low = Math.fma(r2, Math.fma(r, F5, F4), Math.fma(r, F3, F2));
        double middle = Math.fma(r2, Math.fma(r, F9, F8), Math.fma(r, F7, F6));
        double high = Math.fma(r2, F12, Math.fma(r, F11, F10));
        double p = 1 + Math.fma(r2, Math.fma(r4 * r4, high, Math.fma(r4, middle, low)), r);
        double powerOfTwo = Double.longBitsToDouble((Double.doubleToRawLongBits(shifted) + EXPONENT_BIAS) << 52);
        return p * powerOfTwo;
    }

    /** p^64, by six squarings. */
    private static double power64(double p) {
        p *= p;
        p *= p;
        p *= p;
        p *= p;
        p *= p;
        return p * p;
    }

    /** The first four Horner steps, from the leading coefficient: (((F16·r + F15)·r + F14)·r + F13)·r + F12. */
    private static double leadingTerms(double r, boolean fma) {
        if (fma) return Math.fma(Math.fma(Math.fma(Math.fma(F16, r, F15), r, F14), r, F13), r, F12);
        return (((F16 * r + F15) * r + F14) * r + F13) * r + F12;
    }

    /**
     * Four Horner steps of the polynomial in the reduced argument r: v ← (((v·r + a)·r + b)·r + c)·r + e.
     * The coefficients come as arguments, not from an array: the JIT cannot hoist array loads out of a
     * loop that stores into another double array, and then does not vectorise it.
     */
    private static void horner(double[] v, double[] reduced, int n, double a, double b, double c, double e, boolean fma) {
        if (fma) {
            for (int i = 0; i < n; i++) {
                double r = reduced[i];
                double p = Math.fma(v[i], r, a);
                p = Math.fma(p, r, b);
                p = Math.fma(p, r, c);
                v[i] = Math.fma(p, r, e);
            }
            return;
        }
        for (int i = 0; i < n; i++) {
            double r = reduced[i];
            double p = v[i] * r + a;
            p = p * r + b;
            p = p * r + c;
            v[i] = p * r + e;
        }
    }
}
