// SPDX-License-Identifier: Apache-2.0
package gmm4j.benchmarks;

import java.util.List;
import java.util.Locale;

/**
 * One benchmark size: n rows of d columns drawn from k Gaussian clusters laid out as {@code layout}
 * says, fitted with k components.
 *
 * @param withCommonsMath whether Commons Math runs on this size too (it is far too slow for the big ones)
 */
public record Problem(int n, int d, int k, boolean withCommonsMath, Layout layout) {

    /** Where the clusters lie relative to each other: how much of the E- and M-steps the cut can skip. */
    public enum Layout {
        /** Centres 8·N(0, 1) per coordinate, shapes of scale 0.5 to 1.5: nearly every row has one component. */
        SEPARATED,
        /** Centres uniform in [−1, 1]^d, the same shapes: every component is responsible for every row. */
        OVERLAPPING,
        /**
         * Real-shaped: weights ∝ 1/(c + 1), centres 1.5·N(0, 1) per coordinate, shapes strongly
         * correlated and of scales 0.5 to 2 from cluster to cluster: modest overlap, a few
         * components per row.
         */
        UNEQUAL;

        String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public Problem(int n, int d, int k, boolean withCommonsMath) {
        this(n, d, k, withCommonsMath, Layout.SEPARATED);
    }

    /**
     * The three sizes, plus a small one on which Commons Math can finish; then the
     * overlapping ones (issue 18) and the real-shaped one.
     */
    public static List<Problem> full() {
        return List.of(new Problem(200_000, 16, 16, false), new Problem(1_000_000, 2, 3, false),
                new Problem(100_000, 64, 8, false), new Problem(20_000, 16, 16, true),
                new Problem(200_000, 16, 16, false, Layout.OVERLAPPING), new Problem(100_000, 64, 8, false, Layout.OVERLAPPING),
                new Problem(200_000, 16, 16, false, Layout.UNEQUAL));
    }

    /** The same shapes, about ten times smaller: for developing the harness. */
    public static List<Problem> quick() {
        return List.of(new Problem(20_000, 16, 16, false), new Problem(100_000, 2, 3, false),
                new Problem(10_000, 64, 8, false), new Problem(5_000, 16, 16, true),
                new Problem(20_000, 16, 16, false, Layout.OVERLAPPING), new Problem(10_000, 64, 8, false, Layout.OVERLAPPING),
                new Problem(20_000, 16, 16, false, Layout.UNEQUAL));
    }

    /**
     * Parses "200000x16x16" (n x d x K, the form JMH parameters use), separated clusters, or with the
     * layout after a colon: "200000x16x16:overlapping", "200000x16x16:unequal".
     */
    public static Problem parse(String text) {
        String[] sizeAndLayout = text.trim().split(":", 2);
        String[] parts = sizeAndLayout[0].split("x");
        if (parts.length != 3) {
            throw new IllegalArgumentException("Expected n x d x K[:layout] such as 200000x16x16 or 200000x16x16:overlapping, not " + text);
        }
        Layout layout = sizeAndLayout.length == 1 ? Layout.SEPARATED : Layout.valueOf(sizeAndLayout[1].toUpperCase(Locale.ROOT));
        return new Problem(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), Integer.parseInt(parts[2]), false, layout);
    }

    /** The form {@link #parse} reads. */
    public String spec() {
        return n + "x" + d + "x" + k + (layout == Layout.SEPARATED ? "" : ":" + layout.word());
    }

    /** Floating-point operations of one full-covariance EM iteration, by the count n·K·2d(d+1). */
    public double fullIterationFlops() {
        return (double) n * k * 2.0 * d * (d + 1);
    }

    /**
     * The flops one full-covariance iteration performs when its E-step computes the distances of a
     * share {@code wholeDistances} of the (row, component) pairs whole and a share {@code nonCut} is
     * above the cut: each distance costs d(d+1) (the triangular product, d(d+1)/2 multiply-adds) and
     * each pair above the cut d(d+1) for its rank-one update of the scatter, skipped for cut pairs. A
     * lower bound: the bounds' first eight coordinates are left out, and so are the zero-weight rows
     * a component's dense tiles run over with the rest.
     */
    public double performedFullIterationFlops(double nonCut, double wholeDistances) {
        return (double) n * k * d * (d + 1) * (wholeDistances + nonCut);
    }

    /** The size of the data as doubles, in bytes. */
    public long dataBytes() {
        return 8L * n * d;
    }

    /** "200 000×16, K=16", then the layout unless separated: "200 000×16, K=16, overlapping" */
    public String label() {
        return String.format("%,d", n).replace(',', ' ') + "×" + d + ", K=" + k
                + (layout == Layout.SEPARATED ? "" : ", " + layout.word());
    }
}
