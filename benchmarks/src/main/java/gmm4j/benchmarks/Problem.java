// SPDX-License-Identifier: Apache-2.0
package gmm4j.benchmarks;

import java.util.List;

/**
 * One benchmark size: n rows of d columns drawn from k Gaussian clusters, fitted with k components.
 *
 * @param withCommonsMath whether Commons Math runs on this size too (it is far too slow for the big ones)
 */
public record Problem(int n, int d, int k, boolean withCommonsMath) {

    /** The three sizes, plus a small one on which Commons Math can finish. */
    public static List<Problem> full() {
        return List.of(new Problem(200_000, 16, 16, false), new Problem(1_000_000, 2, 3, false),
                new Problem(100_000, 64, 8, false), new Problem(20_000, 16, 16, true));
    }

    /** The same shapes, about ten times smaller: for developing the harness. */
    public static List<Problem> quick() {
        return List.of(new Problem(20_000, 16, 16, false), new Problem(100_000, 2, 3, false),
                new Problem(10_000, 64, 8, false), new Problem(5_000, 16, 16, true));
    }

    /** Parses "200000x16x16" (n x d x K), the form JMH parameters use. */
    public static Problem parse(String text) {
        String[] parts = text.trim().split("x");
        if (parts.length != 3) throw new IllegalArgumentException("Expected n x d x K such as 200000x16x16, not " + text);
        return new Problem(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), Integer.parseInt(parts[2]), false);
    }

    /** Floating-point operations of one full-covariance EM iteration, by the count n·K·2d(d+1). */
    public double fullIterationFlops() {
        return (double) n * k * 2.0 * d * (d + 1);
    }

    /** The size of the data as doubles, in bytes. */
    public long dataBytes() {
        return 8L * n * d;
    }

    /** "200 000×16, K=16" */
    public String label() {
        return String.format("%,d", n).replace(',', ' ') + "×" + d + ", K=" + k;
    }
}
