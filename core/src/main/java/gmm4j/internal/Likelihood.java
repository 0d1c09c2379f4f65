// SPDX-License-Identifier: Apache-2.0
package gmm4j.internal;

import java.io.Serial;
import java.io.Serializable;

/**
 * How well a mixture explains some rows, mergeable in any grouping: the weighted log-likelihood,
 * the total weight, the weighted log-loss of the rows' most probable components (only a final score
 * computes it: ICL needs it), the
 * number of rows with something observed, and the worst-explained row (its values, so that a repair
 * can use it wherever the rows are).
 */
public final class Likelihood implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    double logLikelihood;
    double weight;
    /**
     * Σ w_i·(−log max_c r_ic): what labelling each row with its most probable component (its MAP
     * label) costs, in nats; twice this is what ICL adds to BIC (Biernacki et al., mclust).
     */
    double mapLogLoss;
    /** Rows with at least one observed value, whatever their weight. */
    long rows;
    /**
     * How many rows of positive weight and something observed each posterior column (the Gaussians,
     * then the noise) is the most probable for, the first of equals; counted only by a final score
     * that asks for it ({@link #countingLabels}), null otherwise.
     */
    long[] mapLabels;
    double worstLogLikelihood = Double.POSITIVE_INFINITY;
    /** The worst-explained row's index in the table of the pass; -1 for none, or when unknown. */
    int worstRow = -1;
    /** The worst-explained row's numeric values (NaN = missing), copied when its chunk ends; null for none. */
    double[] worstValues;

    /** Adds a row's log-likelihood {@code logLik} at weight {@code w}. */
    void record(int row, double w, double logLik) {
        logLikelihood += w * logLik;
        weight += w;
        if (logLik < worstLogLikelihood) {
            worstLogLikelihood = logLik;
            worstRow = row;
        }
    }

    /**
     * Adds a block of rows of weight 1 whose log-likelihoods are max[b] + log total[b], with total[b]
     * in [1, k]: the logarithm of a product of totals stands for the sum of their logarithms (one
     * logarithm per run of rows instead of one per row), and only rows whose max lies within log k of
     * the lowest can be the worst.
     */
    void recordUnitBlock(int[] blockRows, int count, int k, double[] max, double[] total, double lowest) {
        double logK = Math.log(k);
        int run = Math.max(1, (int) (600 / Math.max(logK, 1e-3)));
        double sum = Kernels.dot(max, null, count);
        for (int from = 0; from < count; from += run) {
            int to = Math.min(count, from + run);
            sum += Math.log(Kernels.product(total, from, to));
        }
        logLikelihood += sum;
        weight += count;
        if (lowest >= worstLogLikelihood) return;
        // a row's log-likelihood is at least its max: only rows below both bounds need a logarithm
        double bound = Math.min(lowest + logK, worstLogLikelihood);
        for (int b = 0; b < count; b++) {
            if (!(max[b] <= bound)) continue;
            double logLik = max[b] + Math.log(total[b]);
            if (logLik < worstLogLikelihood) {
                worstLogLikelihood = logLik;
                worstRow = blockRows[b];
            }
        }
    }

    /** Keeps the worst row's values from {@code t}, once its chunk is done (its index stays, for the repair's report). */
    void keepWorstValues(Table t) {
        if (worstRow < 0) return;
        worstValues = java.util.Arrays.copyOfRange(t.x, worstRow * t.d, (worstRow + 1) * t.d);
    }

    /** A likelihood that also counts the rows' MAP labels over {@code columns} posterior columns. */
    static Likelihood countingLabels(int columns) {
        Likelihood l = new Likelihood();
        l.mapLabels = new long[columns];
        return l;
    }

    /** Counts the MAP label of a row whose posterior (or log-joints) over {@code columns} columns are in {@code p}. */
    void countLabel(double[] p, int columns) {
        int best = 0;
        for (int c = 1; c < columns; c++) if (p[c] > p[best]) best = c;
        mapLabels[best]++;
    }

    /** Adds {@code other}, which covers rows after this one's: the order keeps results reproducible. */
    Likelihood merge(Likelihood other) {
        if (other.mapLabels != null) {
            if (mapLabels == null) mapLabels = new long[other.mapLabels.length];
            for (int c = 0; c < mapLabels.length; c++) mapLabels[c] += other.mapLabels[c];
        }
        logLikelihood += other.logLikelihood;
        weight += other.weight;
        mapLogLoss += other.mapLogLoss;
        rows += other.rows;
        if (other.worstLogLikelihood < worstLogLikelihood) {
            worstLogLikelihood = other.worstLogLikelihood;
            worstRow = other.worstRow;
            worstValues = other.worstValues;
        }
        return this;
    }

    /** The mean log-likelihood per unit of row weight. */
    public double meanLogLikelihood() {
        return logLikelihood / weight;
    }

    public double logLikelihood() {
        return logLikelihood;
    }

    /** Σ w_i·(−log max_c r_ic) over the rows: the log-loss of their MAP labels (a final score only). */
    public double mapLogLoss() {
        return mapLogLoss;
    }

    public double weight() {
        return weight;
    }

    /** Forgets the worst row's index (not its values): after a merge of parts, it would name a row of one part. */
    public void forgetWorstRowIndex() {
        worstRow = -1;
    }

    /** The counts of {@link #mapLabels}: null unless the pass counted them. */
    public long[] mapLabels() {
        return mapLabels == null ? null : mapLabels.clone();
    }

    /** Rows with at least one observed value (weightless ones included). */
    public long rows() {
        return rows;
    }
}
