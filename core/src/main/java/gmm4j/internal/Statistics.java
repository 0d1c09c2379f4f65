package gmm4j.internal;

/**
 * The sufficient statistics of one E-step over some rows, mergeable in any grouping: per
 * component the responsibility mass, the first moment and the scatter, both taken around a shift
 * (the component's previous mean, or for a tied covariance the mixture's mean, shared) so that the
 * M-step does not cancel catastrophically; the categorical level counts; and the pass's
 * log-likelihood, entropy and worst-explained row.
 */
public final class Statistics {
    final int k;
    final int d;
    final ScatterLayout layout;
    /** The point each component's moments are taken around, component c at {@code [c*d, (c+1)*d)}. */
    final double[] shift;
    final double[] count;
    /** Each component's first moment around its shift, a row of d values. */
    final double[][] sum;
    /**
     * The scatter as rows of d values (see {@link ScatterLayout#row}): the update loops index a row by
     * the column alone, which the JIT vectorises, and not a flat array at an offset, which it does not.
     */
    final double[][] scatter;
    final double[] levelCount;
    final double[] levelTotal;
    double logLikelihood;
    double weight;
    double entropy;
    int worstRow = -1;
    double worstLogLikelihood = Double.POSITIVE_INFINITY;

    Statistics(int k, int d, ScatterLayout layout, double[] shift, int categoricalColumns, int levelSlots) {
        this.k = k;
        this.d = d;
        this.layout = layout;
        this.shift = shift;
        this.count = new double[k];
        this.sum = new double[k][d];
        this.scatter = new double[layout.rows(k, d)][d];
        this.levelCount = new double[k * levelSlots];
        this.levelTotal = new double[k * categoricalColumns];
    }

    /** Adds {@code other}, which covers rows after this one's: the order keeps results reproducible. */
    Statistics merge(Statistics other) {
        add(count, other.count);
        for (int c = 0; c < k; c++) add(sum[c], other.sum[c]);
        for (int r = 0; r < scatter.length; r++) add(scatter[r], other.scatter[r]);
        add(levelCount, other.levelCount);
        add(levelTotal, other.levelTotal);
        logLikelihood += other.logLikelihood;
        weight += other.weight;
        entropy += other.entropy;
        if (other.worstLogLikelihood < worstLogLikelihood) {
            worstLogLikelihood = other.worstLogLikelihood;
            worstRow = other.worstRow;
        }
        return this;
    }

    private static void add(double[] into, double[] from) {
        for (int i = 0; i < into.length; i++) into[i] += from[i];
    }

    /**
     * Σ w·r·(x − shift)(x − shift)ᵀ of the given component (of all, when pooled) as a full
     * symmetric d×d matrix.
     */
    double[] scatterMatrix(int comp) {
        double[] s = new double[d * d];
        if (layout.isMatrix()) {
            for (int i = 0; i < d; i++) {
                double[] row = scatter[layout.row(comp, i, d)];
                for (int j = 0; j <= i; j++) {
                    s[i * d + j] = row[j];
                    s[j * d + i] = row[j];
                }
            }
        } else {
            double[] diagonal = scatter[layout.row(comp, 0, d)];
            for (int i = 0; i < d; i++) s[i * d + i] = diagonal[i];
        }
        return s;
    }

    /** The mean log-likelihood per unit of row weight. */
    public double meanLogLikelihood() {
        return logLikelihood / weight;
    }

    public double logLikelihood() {
        return logLikelihood;
    }

    public double entropy() {
        return entropy;
    }

    public double weight() {
        return weight;
    }
}
