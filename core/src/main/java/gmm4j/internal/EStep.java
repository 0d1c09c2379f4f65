// SPDX-License-Identifier: Apache-2.0
package gmm4j.internal;

/**
 * The passes over the data, each row-parallel and bit-identical for any number of threads: the
 * E-step fused with the accumulation of the M-step's statistics (each chunk of rows gets its
 * responsibilities, adds them to its statistics at once and drops them, so no n×K matrix exists);
 * the score of one or several mixtures; and the statistics of given responsibilities, which start a
 * fit. Complete rows go in blocks through the covariance's kernel, transposed so that the inner
 * loops run over rows; rows with missing values go one by one through their pattern's marginal
 * Gaussians.
 */
final class EStep {
    /** Gives the responsibilities of a row when they do not come from a mixture (initialisation). */
    @FunctionalInterface
    interface Responsibilities {
        void fill(int row, double[] out);
    }

    private EStep() {
    }

    /** The E-step under {@code mixture}: the statistics of its M-step, accumulated around its means. */
    static Statistics statistics(Table t, Mixture mixture, Parallel parallel) {
        MarginalGaussian[][] marginals = mixture.marginals(t.observed);
        Moments template = mixture.emptyMoments();
        Statistics all = parallel.reduce(t.n, (from, to) -> {
            Statistics stats = new Statistics(template.empty(), t.c, t.levelSlots());
            Chunk chunk = new Chunk(t, mixture, stats, stats.score, BlockScratch.of(parallel, mixture.columns, t.d));
            chunk.underMixture(from, to, mixture, marginals);
            chunk.finish();
            return stats;
        }, Statistics::merge);
        all.score.rows = t.n - t.emptyRows;
        all.reseededAt = mixture.reseededAt;
        all.noise = mixture.noise;
        return all;
    }

    /**
     * Log-likelihood, MAP log-loss and worst row under each of {@code mixtures}, in one pass: each block
     * of rows is transposed once for all of them.
     */
    static Likelihood[] score(Table t, Mixture[] mixtures, Parallel parallel) {
        return score(t, mixtures, parallel, false);
    }

    /** {@link #score}, counting the rows' MAP labels too when {@code labels} ({@link Likelihood#mapLabels}). */
    static Likelihood[] score(Table t, Mixture[] mixtures, Parallel parallel, boolean labels) {
        int m = mixtures.length;
        MarginalGaussian[][][] marginals = new MarginalGaussian[m][][];
        int largestK = 1;
        for (int i = 0; i < m; i++) {
            marginals[i] = mixtures[i].marginals(t.observed);
            largestK = Math.max(largestK, mixtures[i].columns);
        }
        int scratchK = largestK;
        Likelihood[] all = parallel.reduce(t.n, (from, to) -> {
            BlockScratch scratch = BlockScratch.of(parallel, scratchK, t.d); // large enough for every mixture
            Chunk[] chunks = new Chunk[m];
            for (int i = 0; i < m; i++) {
                Likelihood score = labels ? Likelihood.countingLabels(mixtures[i].columns) : new Likelihood();
                chunks[i] = new Chunk(t, mixtures[i], null, score, scratch);
            }
            for (int tile = from; tile < to; tile += Kernels.TILE_ROWS) {
                int count = chunks[0].gatherCompleteRows(tile, Math.min(to, tile + Kernels.TILE_ROWS));
                if (count == 0) continue;
                for (int i = 0; i < m; i++) chunks[i].completeBlock(count, mixtures[i]);
            }
            Likelihood[] scores = new Likelihood[m];
            for (int i = 0; i < m; i++) {
                chunks[i].incompleteRows(from, to, mixtures[i], marginals[i]);
                chunks[i].finish();
                scores[i] = chunks[i].score;
            }
            return scores;
        }, (a, b) -> {
            for (int i = 0; i < m; i++) a[i] = a[i].merge(b[i]);
            return a;
        });
        for (Likelihood score : all) score.rows = t.n - t.emptyRows;
        return all;
    }

    /**
     * Statistics of given responsibilities, accumulated into copies of {@code empty}; missing values
     * are replaced by {@code fill} (initialisation only: no mixture exists yet to marginalise with).
     */
    static Statistics assign(Table t, Moments empty, Responsibilities given, double[] fill, Parallel parallel) {
        Statistics all = parallel.reduce(t.n, (from, to) -> {
            Statistics stats = new Statistics(empty.empty(), t.c, t.levelSlots());
            Chunk chunk = new Chunk(t, empty.k, empty.k, stats, stats.score, BlockScratch.of(parallel, empty.k, t.d));
            chunk.given(from, to, given, fill);
            chunk.finish();
            return stats;
        }, Statistics::merge);
        all.score.rows = t.n - t.emptyRows;
        return all;
    }

    /** One chunk of rows of a pass: its score and, when fitting, its statistics. */
    private static final class Chunk {
        final Table t;
        /** The Gaussian components. */
        final int k;
        /** The columns of a row's posterior: the Gaussians and the noise, if any. */
        final int columns;
        final int d;
        /** The statistics to accumulate, or null when only scoring. */
        final Statistics stats;
        final Likelihood score;
        final BlockScratch s;

        Chunk(Table t, Mixture mixture, Statistics stats, Likelihood score, BlockScratch s) {
            this(t, mixture.k, mixture.columns, stats, score, s);
        }

        Chunk(Table t, int k, int columns, Statistics stats, Likelihood score, BlockScratch s) {
            this.t = t;
            this.k = k;
            this.columns = columns;
            this.d = t.d;
            this.stats = stats;
            this.score = score;
            this.s = s;
        }

        boolean fitting() {
            return stats != null;
        }

        void underMixture(int from, int to, Mixture mixture, MarginalGaussian[][] marginals) {
            for (int tile = from; tile < to; tile += Kernels.TILE_ROWS) {
                int count = gatherCompleteRows(tile, Math.min(to, tile + Kernels.TILE_ROWS));
                if (count > 0) completeBlock(count, mixture);
            }
            incompleteRows(from, to, mixture, marginals);
        }

        /** Collects the complete rows with weight into {@code s.blockRows} and, transposed, {@code s.xt}; returns their number. */
        int gatherCompleteRows(int from, int to) {
            return Kernels.gatherCompleteRows(t, from, to, s);
        }

        /** The block of complete rows that {@link #gatherCompleteRows} left in the scratch. */
        void completeBlock(int count, Mixture mixture) {
            double[][] block = s.byComponent;
            s.distancesWanted = fitting() && stats.moments.takesSquaredDistances();
            if (t.c == 0) {
                mixture.covariance.logJoint(s.xt, count, mixture.flatMeans(), mixture.logWeights, block, s);
                s.distancesWanted = false;
                mixture.addNoiseToBlock(block, count);
                Posteriors.normaliseBlock(s, t, columns, count, score, fitting(),
                        fitting() && s.vector != null && stats.moments.takesRootWeights());
                if (!fitting()) return;
                stats.moments.addBlock(s, t.x, count);
                if (columns > k) stats.noiseMass += Kernels.dot(block[k], null, count);
                return;
            }
            mixture.covariance.logGaussian(s.xt, count, mixture.flatMeans(), block, s);
            s.distancesWanted = false;
            double[] resp = s.responsibility;
            for (int b = 0; b < count; b++) {
                int i = s.blockRows[b];
                for (int c = 0; c < k; c++) resp[c] = block[c][b];
                mixture.addWeightsAndLevels(t.codes, i * t.c, resp);
                mixture.addNoise(t.x, i * d, t.codes, i * t.c, resp);
                record(i, Posteriors.normalise(resp, columns));
                if (!fitting()) continue;
                double w = t.weight(i);
                for (int c = 0; c < k; c++) block[c][b] = w * resp[c];
                addCategorical(i, w);
                addNoiseMass(w);
            }
            if (fitting()) stats.moments.addBlock(s, t.x, count);
        }

        /** The rows of {@code [from, to)} with missing values, one by one through their pattern's marginals. */
        void incompleteRows(int from, int to, Mixture mixture, MarginalGaussian[][] marginals) {
            double[] resp = s.responsibility;
            for (int i = from; i < to; i++) {
                int pattern = t.pattern(i);
                if (pattern < 0 || t.weight(i) == 0) continue;
                MarginalGaussian[] marginal = marginals[pattern];
                mixture.logJoint(t.x, i * d, marginal, t.codes, i * t.c, resp, s);
                record(i, Posteriors.normalise(resp, columns));
                if (!fitting()) continue;
                double w = t.weight(i);
                addNoiseMass(w);
                for (int c = 0; c < k; c++) {
                    double rw = w * resp[c];
                    if (rw == 0) continue;
                    marginal[c].complete(t.x, i * d, mixture.flatMeans(), c * d, s.completedRow);
                    stats.moments.addRow(c, rw, s.completedRow, 0, s.rowDiff);
                    stats.moments.addConditionalCovariance(c, rw, marginal[c]);
                }
                addCategorical(i, w);
            }
        }

        /** Statistics of given responsibilities, missing values replaced by {@code fill}. */
        void given(int from, int to, Responsibilities given, double[] fill) {
            double[] resp = s.responsibility;
            for (int i = from; i < to; i++) {
                int pattern = t.pattern(i);
                double w = t.weight(i);
                if (pattern == Table.EMPTY || w == 0) continue;
                given.fill(i, resp);
                score.weight += w;
                double[] row = t.x;
                int off = i * d;
                if (pattern != Table.COMPLETE) {
                    for (int j = 0; j < d; j++) {
                        double v = t.x[i * d + j];
                        s.completedRow[j] = Double.isNaN(v) ? fill[j] : v;
                    }
                    row = s.completedRow;
                    off = 0;
                }
                for (int c = 0; c < k; c++) {
                    double rw = w * resp[c];
                    if (rw != 0) stats.moments.addRow(c, rw, row, off, s.rowDiff);
                }
                addCategorical(i, w);
            }
        }

        /** Adds a row's log-likelihood (its posterior is in {@code s.responsibility}) to the score; a final score adds its MAP log-loss. */
        private void record(int i, double logLik) {
            double w = t.weight(i);
            score.record(i, w, logLik);
            if (fitting()) return;
            score.mapLogLoss += w * Posteriors.mapLogLoss(s.responsibility, columns);
            if (score.mapLabels != null) score.countLabel(s.responsibility, columns);
        }

        /** Adds the noise's share of a row of weight {@code w} (its posterior is in {@code s.responsibility}). */
        private void addNoiseMass(double w) {
            if (columns > k) stats.noiseMass += w * s.responsibility[k];
        }

        private void addCategorical(int i, double w) {
            double[] resp = s.responsibility;
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

        /** Keeps the chunk's worst row's values (the pass counts its rows once, from the table). */
        void finish() {
            score.keepWorstValues(t);
        }
    }
}
