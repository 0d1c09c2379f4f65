package gmm4j.internal;

/**
 * The E-step fused with the accumulation of the M-step's statistics: each chunk of rows gets its
 * responsibilities, adds them to its statistics at once and drops them, so no n×K matrix exists.
 */
final class EStep {
    /** Gives the responsibilities of a row when they do not come from a mixture (initialisation). */
    @FunctionalInterface
    interface Responsibilities {
        void fill(int row, double[] out);
    }

    private EStep() {
    }

    /** The E-step under {@code mixture} with the statistics for the M-step, accumulated around its means. */
    static Statistics fit(Table t, Mixture mixture, Parallel parallel) {
        MarginalGaussian[][] marginals = mixture.marginals(t.observed);
        boolean full = mixture.covariance.fullScatter();
        return parallel.reduce(t.n, (from, to) -> {
            Chunk chunk = new Chunk(t, mixture.k, full);
            chunk.run(from, to, mixture, marginals, null, mixture.flatMeans(), null, true);
            return chunk.stats;
        }, Statistics::merge);
    }

    /** Log-likelihood, entropy and worst row under {@code mixture}, without M-step statistics. */
    static Statistics score(Table t, Mixture mixture, Parallel parallel) {
        MarginalGaussian[][] marginals = mixture.marginals(t.observed);
        return parallel.reduce(t.n, (from, to) -> {
            Chunk chunk = new Chunk(t, mixture.k, false);
            chunk.run(from, to, mixture, marginals, null, null, null, false);
            return chunk.stats;
        }, Statistics::merge);
    }

    /**
     * Statistics of given responsibilities, around {@code shift}; missing values are replaced by
     * {@code fill} (initialisation only: no mixture exists yet to marginalise with).
     */
    static Statistics assign(Table t, int k, boolean fullScatter, Responsibilities given, double[] shift,
                             double[] fill, Parallel parallel) {
        return parallel.reduce(t.n, (from, to) -> {
            Chunk chunk = new Chunk(t, k, fullScatter);
            chunk.run(from, to, null, null, given, shift, fill, true);
            return chunk.stats;
        }, Statistics::merge);
    }

    private static final class Chunk {
        final Table t;
        final int k;
        final int d;
        final Statistics stats;
        final double[] resp;
        final double[] work;
        final double[] completed;
        final double[] diff;

        Chunk(Table t, int k, boolean fullScatter) {
            this.t = t;
            this.k = k;
            this.d = t.d;
            this.stats = new Statistics(k, t.d, fullScatter, t.c, t.levelSlots());
            this.resp = new double[k];
            this.work = new double[t.d];
            this.completed = new double[t.d];
            this.diff = new double[t.d];
        }

        void run(int from, int to, Mixture mixture, MarginalGaussian[][] marginals, Responsibilities given,
                 double[] shift, double[] fill, boolean accumulate) {
            for (int i = from; i < to; i++) {
                int pattern = t.pattern[i];
                double w = t.weight[i];
                if (pattern == Table.EMPTY || w == 0) continue;
                MarginalGaussian[] marginal = pattern == Table.COMPLETE ? null : marginals == null ? null : marginals[pattern];
                if (given != null) {
                    given.fill(i, resp);
                } else {
                    mixture.logJoint(t.x, i * d, marginal, t.codes, i * t.c, resp, work);
                    double logLik = Mixture.normalise(resp, k);
                    stats.logLikelihood += w * logLik;
                    stats.weight += w;
                    if (logLik < stats.worstLogLikelihood) {
                        stats.worstLogLikelihood = logLik;
                        stats.worstRow = i;
                    }
                    double h = 0;
                    for (int c = 0; c < k; c++) if (resp[c] > 0) h -= resp[c] * Math.log(resp[c]);
                    stats.entropy += w * h;
                }
                if (!accumulate) continue;
                if (pattern == Table.COMPLETE) {
                    addComplete(i, w, shift);
                } else {
                    addIncomplete(i, w, shift, marginal, fill, mixture);
                }
                addCategorical(i, w);
            }
        }

        private void addComplete(int i, double w, double[] shift) {
            int off = i * d;
            for (int c = 0; c < k; c++) {
                double rw = w * resp[c];
                if (rw == 0) continue;
                for (int j = 0; j < d; j++) diff[j] = t.x[off + j] - shift[c * d + j];
                addMoments(c, rw);
            }
        }

        private void addIncomplete(int i, double w, double[] shift, MarginalGaussian[] marginal, double[] fill,
                                   Mixture mixture) {
            int off = i * d;
            for (int c = 0; c < k; c++) {
                double rw = w * resp[c];
                if (rw == 0) continue;
                if (marginal == null) {
                    for (int j = 0; j < d; j++) {
                        double v = t.x[off + j];
                        completed[j] = Double.isNaN(v) ? fill[j] : v;
                    }
                } else {
                    marginal[c].complete(t.x, off, mixture.flatMeans(), c * d, completed);
                }
                for (int j = 0; j < d; j++) diff[j] = completed[j] - shift[c * d + j];
                addMoments(c, rw);
                if (marginal != null) addConditionalCovariance(c, rw, marginal[c]);
            }
        }

        private void addMoments(int c, double rw) {
            stats.count[c] += rw;
            int mean = c * d;
            for (int j = 0; j < d; j++) stats.sum[mean + j] += rw * diff[j];
            if (stats.fullScatter) {
                int base = c * d * d;
                for (int a = 0; a < d; a++) {
                    double rwa = rw * diff[a];
                    int row = base + a * d;
                    for (int b = 0; b <= a; b++) stats.scatter[row + b] += rwa * diff[b];
                }
            } else {
                for (int j = 0; j < d; j++) stats.scatter[mean + j] += rw * diff[j] * diff[j];
            }
        }

        /** The part of E[(x − s)(x − s)ᵀ | x_o] that the completed row misses: Cov(x_m | x_o). */
        private void addConditionalCovariance(int c, double rw, MarginalGaussian g) {
            int[] m = g.missing;
            int q = m.length;
            if (stats.fullScatter) {
                int base = c * d * d;
                for (int a = 0; a < q; a++) {
                    for (int b = 0; b < q; b++) {
                        if (m[b] <= m[a]) stats.scatter[base + m[a] * d + m[b]] += rw * g.conditionalCovariance[a * q + b];
                    }
                }
            } else {
                for (int a = 0; a < q; a++) stats.scatter[c * d + m[a]] += rw * g.conditionalCovariance[a * q + a];
            }
        }

        private void addCategorical(int i, double w) {
            int slots = t.levelSlots();
            for (int j = 0; j < t.c; j++) {
                int code = t.codes[i * t.c + j];
                if (code < 0) continue;
                for (int c = 0; c < k; c++) {
                    double rw = w * resp[c];
                    stats.levelCount[c * slots + t.levelOffset[j] + code] += rw;
                    stats.levelTotal[c * t.c + j] += rw;
                }
            }
        }
    }
}
