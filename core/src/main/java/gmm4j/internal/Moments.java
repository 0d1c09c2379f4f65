// SPDX-License-Identifier: Apache-2.0
package gmm4j.internal;

import java.io.Serial;
import java.io.Serializable;

/**
 * The moments an E-step gathers for the M-step's covariances, per component: the responsibility
 * mass, the first moment and the scatter, both around a shift (each component's previous mean, or
 * one point shared by all) so that the M-step does not cancel catastrophically. One subclass per
 * shape of scatter a covariance model needs; each owns its updates: a block of complete rows, one
 * row, and the conditional covariance of a row's missing values. Mergeable in any grouping.
 *
 * <p>The scatter is held as rows of d values: the update loops index a row by the column alone,
 * which the JIT vectorises, and not a flat array at an offset, which it does not.
 */
abstract sealed class Moments implements Serializable permits AxisMoments, SquareMoments {
    @Serial
    private static final long serialVersionUID = 1L;

    /**
     * Up to this many columns the moments of a block are accumulated column by column (measured:
     * 1.7× faster at d = 2, even at d = 4, slower from d = 8 on, where the rank-one updates vectorise).
     */
    static final int SMALL_D = 4;

    /**
     * Below this many columns, a block whose rows all (or mostly) carry a component's weight goes by
     * columns, the scatter in register tiles ({@link Kernels#products4x4}); from here on, in
     * rank-four updates, whose loops over a row's columns are long enough to vectorise. Measured
     * with every row shared (JFR, the accumulation's samples against the unchanged E-step's): the
     * tiles took 40% of the updates' time at d = 16 (K = 16) and 40% more than them at d = 64 (K = 8).
     */
    static final int TILED_D = 32;

    final int k;
    final int d;
    /** The point each component's moments are taken around, component c at {@code [c*d, (c+1)*d)}. */
    final double[] shift;
    final double[] count;
    /** Each component's first moment around its shift, a row of d values. */
    final double[][] sum;
    /** The scatter, as rows of d values: what a row holds is the subclass's. */
    final double[][] scatter;
    /** Each component's shift as an array of its own, made when first needed. */
    private transient double[][] shiftRows;

    Moments(int k, int d, double[] shift, int scatterRows) {
        this.k = k;
        this.d = d;
        this.shift = shift;
        this.count = new double[k];
        this.sum = new double[k][d];
        this.scatter = new double[scatterRows][d];
    }

    /** Empty moments of the same shape around the same shift. */
    abstract Moments empty();

    /**
     * Whether {@link #addBlock} takes the square roots of the weighted responsibilities when the
     * E-step makes them ({@link BlockScratch#rootsMade}): worth their making only where most
     * components' scatter is built from them.
     */
    boolean takesRootWeights() {
        return false;
    }

    /**
     * Whether {@link #addBlock} takes the block's squared distances from the shift when the E-step
     * keeps them ({@link BlockScratch#distancesFrom}).
     */
    boolean takesSquaredDistances() {
        return false;
    }

    /**
     * Adds the block of complete rows gathered in {@code s}: its rows transposed in {@code s.xt},
     * their indices in {@code s.blockRows}, each component's weighted responsibilities in
     * {@code s.byComponent}; {@code x} is the data, row-major.
     */
    abstract void addBlock(BlockScratch s, double[] x, int count);

    /** Adds {@code rw}·{@code diff}·{@code diff}ᵀ (or what of it the shape keeps) to component c's scatter. */
    abstract void addScatter(int c, double rw, double[] diff);

    /** Adds the part of E[(x − s)(x − s)ᵀ | x_o] that a completed row misses, Cov(x_m | x_o), at weight {@code rw}. */
    abstract void addConditionalCovariance(int c, double rw, MarginalGaussian g);

    /** Adds the row {@code row[off..off+d)} to component c with weight {@code rw}; {@code diff} is d values of scratch. */
    final void addRow(int c, double rw, double[] row, int off, double[] diff) {
        for (int j = 0; j < d; j++) diff[j] = row[off + j] - shift[c * d + j];
        count[c] += rw;
        double[] s = sum[c];
        for (int j = 0; j < d; j++) s[j] += rw * diff[j];
        addScatter(c, rw, diff);
    }

    /** Adds {@code other}, which covers rows after this one's: the order keeps results reproducible. */
    final Moments merge(Moments other) {
        if (other.getClass() != getClass() || other.k != k || other.d != d
                || !java.util.Arrays.equals(other.shift, shift)) {
            throw new IllegalArgumentException("Cannot merge the statistics of different models: they were taken "
                    + "under other parameters (" + other.k + " components, " + other.d + " columns) than these ("
                    + k + ", " + d + ").");
        }
        add(count, other.count);
        for (int c = 0; c < k; c++) add(sum[c], other.sum[c]);
        for (int r = 0; r < scatter.length; r++) add(scatter[r], other.scatter[r]);
        return this;
    }

    static void add(double[] into, double[] from) {
        for (int i = 0; i < into.length; i++) into[i] += from[i];
    }

    /** The mass of component c, with the guard against an empty component ({@link #guardEmpty}). */
    final double mass(int c) {
        return guarded(count[c]);
    }

    /** A mass with the guard against an empty component added (the noise component's too). */
    final double guarded(double mass) {
        return mass + emptyGuard;
    }

    /** Every component's {@link #mass}. */
    final double[] masses() {
        double[] out = new double[k];
        for (int c = 0; c < k; c++) out[c] = mass(c);
        return out;
    }

    /** scikit-learn's guard against empty components: 10 × machine epsilon, for rows of unit weight. */
    static final double EMPTY_GUARD = 10 * Math.ulp(1.0);

    /** What {@link #mass} adds to each count; set by {@link #guardEmpty} before an M-step. */
    private transient double emptyGuard = EMPTY_GUARD;

    /**
     * Scales the guard against an empty component to the rows' average weight: scikit-learn's
     * 10 ε for unit weights, and the same model for every weight multiplied by any s > 0 (an
     * absolute guard swamps the counts when the weights are tiny).
     *
     * @param weight the total weight of the rows the moments hold
     * @param rows   their number
     */
    final void guardEmpty(double weight, long rows) {
        double average = weight / rows;
        emptyGuard = average > 0 && Double.isFinite(average) ? EMPTY_GUARD * average : EMPTY_GUARD;
    }

    /** {@code shift[off..off+d)} as an array of its own, copied once. */
    final double[] shiftRow(int c) {
        if (shiftRows == null) shiftRows = new double[k][];
        if (shiftRows[c] == null) shiftRows[c] = java.util.Arrays.copyOfRange(shift, c * d, (c + 1) * d);
        return shiftRows[c];
    }

    /**
     * The moments of a block for few columns: per component, each statistic is a dot product over
     * the block's rows (the differences and their weighted copies computed in vectorised loops);
     * with d this small a rank-one update per row is mostly loop overhead.
     */
    void addBlockByColumns(BlockScratch s, int count) {
        for (int c = 0; c < k; c++) addComponentByColumns(s, count, c);
    }

    /** Component c's moments of the block, each statistic a dot product over the block's rows (see {@link #addBlockByColumns}). */
    final void addComponentByColumns(BlockScratch s, int count, int c) {
        double[] wr = s.byComponent[c];
        double mass = s.dot(wr, null, count);
        if (mass == 0) return;
        this.count[c] += mass;
        if (s.vector != null) {
            // one array, √w·(x − shift), for both sides of the scatter: half the stores, and a block's
            // differences and data stay nearer the L1 cache (w ≥ 0)
            double[] root;
            if (s.rootsMade) {
                root = s.roots()[c];
            } else {
                root = s.rootWeight;
                for (int b = 0; b < count; b++) root[b] = Math.sqrt(wr[b]);
            }
            rootWeightedDifferences(s, count, c * d, root);
            addRootWeighted(c, s, count, root);
            return;
        }
        differences(s, count, c * d, wr);
        double[][] weighted = s.weightedDiff();
        for (int j = 0; j < d; j++) sum[c][j] += s.dot(weighted[j], null, count);
        addScatterByColumns(c, weighted, s.diff, s, count);
    }

    /**
     * Adds component c's first moment and scatter from the block's root-weighted differences
     * √w·(x − shift), in {@code s.diff}, and the roots √w (the Vector API's path).
     */
    void addRootWeighted(int c, BlockScratch s, int count, double[] root) {
        for (int j = 0; j < d; j++) sum[c][j] += s.dot(root, s.diff[j], count);
        addScatterByColumns(c, s.diff, s.diff, s, count);
    }

    /**
     * Adds Σ_b weighted[a][b]·diffs[j][b] (or what of it the shape keeps) to component c's scatter:
     * the block's differences from the shift, one side times the rows' weights (or both sides
     * times their square roots).
     */
    abstract void addScatterByColumns(int c, double[][] weighted, double[][] diffs, BlockScratch s, int count);

    /**
     * The block's differences from {@code shift[off..off+d)} times {@code root} into {@code s.diff}, in a
     * pass of their own: made inside the scatter tiles' loops instead, as the tiles first read them, fits
     * were no faster (×0.99 and ×1.01 per iteration at 200 000×16, K = 16, overlapping, on an Intel Xeon
     * with AVX-512), and with the diagonal tiles making theirs too, 1.6 to 2.4 times as slow.
     */
    private void rootWeightedDifferences(BlockScratch s, int count, int off, double[] root) {
        for (int j = 0; j < d; j++) {
            double m = shift[off + j];
            double[] x = s.xt[j];
            double[] dj = s.diff[j];
            for (int b = 0; b < count; b++) dj[b] = root[b] * (x[b] - m);
        }
    }

    /** The block's differences from {@code shift[off..off+d)} into {@code s.diff}, and times {@code w} into its weighted differences. */
    final void differences(BlockScratch s, int count, int off, double[] w) {
        double[][] weighted = s.weightedDiff();
        for (int j = 0; j < d; j++) {
            double m = shift[off + j];
            double[] x = s.xt[j];
            double[] dj = s.diff[j];
            double[] wj = weighted[j];
            for (int b = 0; b < count; b++) {
                double v = x[b] - m;
                dj[b] = v;
                wj[b] = w[b] * v;
            }
        }
    }
}
