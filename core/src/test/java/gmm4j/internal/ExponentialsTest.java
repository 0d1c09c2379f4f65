// SPDX-License-Identifier: Apache-2.0
package gmm4j.internal;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The vectorised exponential against {@link Math#exp}. */
class ExponentialsTest {
    @Test
    void matchesMathExpToThirtyUlpsAboveTheCutAndIsZeroBelow() {
        for (boolean fma : new boolean[]{false, true}) checkAgainstMathExp(fma);
    }

    private static void checkAgainstMathExp(boolean fma) {
        Random random = new Random(7);
        int n = 4096;
        double[] x = new double[n];
        for (int b = 0; b < n; b++) x[b] = b < 64 ? -b / 64.0 : -60 * random.nextDouble();
        double[] v = x.clone();
        double[] reduced = new double[n];
        double[] total = new double[n];
        java.util.Arrays.fill(total, 0.5);
        Exponentials.expOfDifference(v, null, n, reduced, total, fma);
        for (int b = 0; b < n; b++) {
            if (x[b] <= Exponentials.CUT) {
                assertEquals(0.0, v[b], "e^" + x[b]);
            } else {
                double exact = Math.exp(x[b]);
                assertTrue(Math.abs(v[b] - exact) <= 3e-14 * exact, "fma " + fma + ", e^" + x[b] + ": " + v[b] + " vs " + exact);
            }
            assertEquals(Math.max(x[b], Exponentials.CUT), reduced[b] * Exponentials.UNSCALE, 0.0);
            assertEquals(0.5 + v[b], total[b], 0.0, "the exponential added to the total");
        }
    }

    /** The Vector API kernel's exponential, step by step: within 6e-16 of Math.exp (measured 3.2e-16 over 2·10⁷ points), 1 exact at 0. */
    @Test
    void expByPowersOfTwoIsWithinThreeUlpsOfMathExp() {
        Random random = new Random(17);
        double worst = 0;
        for (int i = 0; i < 200_000; i++) {
            double x = i < 1000 ? -i / 20.0 : Exponentials.CUT * random.nextDouble();
            double exact = Math.exp(x), e = Exponentials.expByPowersOfTwo(x);
            if (x <= Exponentials.CUT) {
                assertEquals(0.0, e, "e^" + x + " is below the cut");
                continue;
            }
            worst = Math.max(worst, Math.abs(e - exact) / exact);
            assertTrue(Math.abs(e - exact) <= 6e-16 * exact, "e^" + x + ": " + e + " vs " + exact);
        }
        assertTrue(worst > 0, "a different algorithm rounds differently somewhere");
        assertEquals(1.0, Exponentials.expByPowersOfTwo(0.0));
        assertEquals(0.0, Exponentials.expByPowersOfTwo(Double.NEGATIVE_INFINITY));
        assertEquals(0.0, Exponentials.expByPowersOfTwo(-1e300));
        assertEquals(0.0, Exponentials.expByPowersOfTwo(Exponentials.CUT));
        assertTrue(Exponentials.expByPowersOfTwo(Math.nextUp(Exponentials.CUT)) > 0, "just above the cut");
        assertTrue(Double.isNaN(Exponentials.expByPowersOfTwo(Double.NaN)));
    }

    /** The half exponential e^{x/2}: as accurate, 1 exact at 0, and 0 at and below x's cut (where e^x is 0), not e^{x/2}'s. */
    @Test
    void halfExpByPowersOfTwoIsWithinThreeUlpsOfMathExpAndCutsWithTheWhole() {
        Random random = new Random(29);
        for (int i = 0; i < 200_000; i++) {
            double x = i < 1000 ? -i / 20.0 : Exponentials.CUT * random.nextDouble();
            double exact = Math.exp(x / 2), h = Exponentials.halfExpByPowersOfTwo(x);
            if (x <= Exponentials.CUT) {
                assertEquals(0.0, h, "e^(" + x + "/2): the whole is below the cut");
                continue;
            }
            assertTrue(Math.abs(h - exact) <= 6e-16 * exact, "e^(" + x + "/2): " + h + " vs " + exact);
        }
        assertEquals(1.0, Exponentials.halfExpByPowersOfTwo(0.0));
        assertEquals(0.0, Exponentials.halfExpByPowersOfTwo(Double.NEGATIVE_INFINITY));
        assertEquals(0.0, Exponentials.halfExpByPowersOfTwo(Exponentials.CUT));
        assertEquals(Math.exp(Exponentials.CUT / 4), Exponentials.halfExpByPowersOfTwo(Exponentials.CUT / 2),
                1e-15 * Math.exp(Exponentials.CUT / 4));
        assertTrue(Double.isNaN(Exponentials.halfExpByPowersOfTwo(Double.NaN)));
    }

    @Test
    void keepsOneExactAndNanAndSendsMinusInfinityToZero() {
        double[] v = {0.0, Double.NEGATIVE_INFINITY, Double.NaN, -1e300};
        Exponentials.expOfDifference(v, null, v.length, new double[v.length], null);
        assertEquals(1.0, v[0]);
        assertEquals(0.0, v[1]);
        assertTrue(Double.isNaN(v[2]));
        assertEquals(0.0, v[3]);
    }

    @Test
    void exponentiatesDifferencesWithoutChangingWhatIsSubtracted() {
        double[] v = {1.0, 5.0, -3.0, 100.0};
        double[] minus = {1.0, 7.0, 60.0, 100.0};
        double[] reduced = new double[4];
        Exponentials.expOfDifference(v, minus, 4, reduced, null);
        assertEquals(1.0, v[0]);
        assertEquals(Math.exp(-2), v[1], 3e-14 * Math.exp(-2));
        assertEquals(0.0, v[2]);
        assertEquals(1.0, v[3]);
        assertEquals(7.0, minus[1]);
        assertEquals(Exponentials.CUT, reduced[2] * Exponentials.UNSCALE, 0.0);
    }
}
