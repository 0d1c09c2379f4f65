package gmm4j.internal;

/**
 * The E-step fused with the accumulation of the M-step's statistics: each chunk of rows gets its
 * responsibilities, adds them to its statistics at once and drops them, so no n×K matrix exists.
 * Complete rows go through the covariance's block kernel, transposed so that the inner loops run
 * over rows; rows with missing values go one by one through their pattern's marginal Gaussians.
 */
final class EStep {
    /** Gives the responsibilities of a row when they do not come from a mixture (initialisation). */
    @FunctionalInterface
    interface Responsibilities {
        void fill(int row, double[] out);
    }

    /**
     * Rows per block of the complete-row kernels: long vectorised loops over rows; measured best
     * from d = 2 to d = 64 (at d = 64 a block of 128 rows was 30% slower, 32 rows twice as slow).
     */
    static final int TILE_ROWS = 256;

    /**
     * Up to this many columns the moments are accumulated column by column (measured: 1.7× faster
     * at d = 2, even at d = 4, slower from d = 8 on, where the rank-one updates vectorise).
     */
    static final int SMALL_D = 4;

    private EStep() {
    }

    /**
     * Σ a[b]·c[b] over b < n (Σ a[b] when c is null), with partial sums so that the additions
     * overlap (the JIT keeps floating-point sums in order and will not do it): sixteen for products,
     * eight for plain sums (measured at 256 values: 75 ns with sixteen, 100 to 130 with eight).
     */
    static double dot(double[] a, double[] c, int n) {
        return c == null ? sum(a, n) : products(a, c, n);
    }

    private static double sum(double[] a, int n) {
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
        int b = 0;
        for (; b + 7 < n; b += 8) {
            s0 += a[b];
            s1 += a[b + 1];
            s2 += a[b + 2];
            s3 += a[b + 3];
            s4 += a[b + 4];
            s5 += a[b + 5];
            s6 += a[b + 6];
            s7 += a[b + 7];
        }
        for (; b < n; b++) s0 += a[b];
        return ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
    }

    private static double products(double[] a, double[] c, int n) {
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
        double t0 = 0, t1 = 0, t2 = 0, t3 = 0, t4 = 0, t5 = 0, t6 = 0, t7 = 0;
        int b = 0;
        for (; b + 15 < n; b += 16) {
            s0 += a[b] * c[b];
            s1 += a[b + 1] * c[b + 1];
            s2 += a[b + 2] * c[b + 2];
            s3 += a[b + 3] * c[b + 3];
            s4 += a[b + 4] * c[b + 4];
            s5 += a[b + 5] * c[b + 5];
            s6 += a[b + 6] * c[b + 6];
            s7 += a[b + 7] * c[b + 7];
            t0 += a[b + 8] * c[b + 8];
            t1 += a[b + 9] * c[b + 9];
            t2 += a[b + 10] * c[b + 10];
            t3 += a[b + 11] * c[b + 11];
            t4 += a[b + 12] * c[b + 12];
            t5 += a[b + 13] * c[b + 13];
            t6 += a[b + 14] * c[b + 14];
            t7 += a[b + 15] * c[b + 15];
        }
        for (; b < n; b++) s0 += a[b] * c[b];
        return (((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7))) + (((t0 + t1) + (t2 + t3)) + ((t4 + t5) + (t6 + t7)));
    }

    /**
     * Collects the complete rows with weight of {@code [from, to)} into {@code rows} and, transposed,
     * into {@code xt} ({@code xt[j][b]} is coordinate j of the b-th); returns their number.
     */
    static int gatherCompleteRows(Table t, int from, int to, int[] rows, double[][] xt) {
        int d = t.d;
        int count = 0;
        for (int i = from; i < to; i++) {
            if (t.pattern(i) == Table.COMPLETE && t.weight(i) > 0) rows[count++] = i;
        }
        // up to 32 columns, eight rows at a time, read along their columns: a cache line of each of
        // the d arrays xt[j] is filled by one pass (measured 1.5 to 3 times faster than a pass per
        // eight columns); beyond, row by row (a row is four or more cache lines of its own; measured
        // 10 to 25% faster than eight rows at a time at d = 40 to 64, twice as slow at d = 16)
        int b = 0;
        double[] x = t.x;
        int tiled = d <= 32 ? count : 0;
        for (; b + 7 < tiled; b += 8) {
            int o0 = rows[b] * d, o1 = rows[b + 1] * d, o2 = rows[b + 2] * d, o3 = rows[b + 3] * d;
            int o4 = rows[b + 4] * d, o5 = rows[b + 5] * d, o6 = rows[b + 6] * d, o7 = rows[b + 7] * d;
            for (int j = 0; j < d; j++) {
                double[] column = xt[j];
                column[b] = x[o0 + j];
                column[b + 1] = x[o1 + j];
                column[b + 2] = x[o2 + j];
                column[b + 3] = x[o3 + j];
                column[b + 4] = x[o4 + j];
                column[b + 5] = x[o5 + j];
                column[b + 6] = x[o6 + j];
                column[b + 7] = x[o7 + j];
            }
        }
        for (; b < count; b++) {
            int off = rows[b] * d;
            for (int j = 0; j < d; j++) xt[j][b] = x[off + j];
        }
        return count;
    }

    /** A block scratch for up to k components, the calling thread's own for the passes of {@code parallel}. */
    static BlockScratch scratch(Parallel parallel, int k, int d) {
        return Workspace.of(parallel, k, d, TILE_ROWS).scratch;
    }

    /** The E-step under {@code mixture} with the statistics for the M-step, accumulated around its means. */
    static Statistics fit(Table t, Mixture mixture, Parallel parallel) {
        MarginalGaussian[][] marginals = mixture.marginals(t.observed);
        ScatterLayout layout = mixture.covariance.scatterLayout();
        double[] shift = mixture.covariance.statisticsShift(mixture.flatMeans());
        return parallel.reduce(t.n, (from, to) -> {
            Chunk chunk = new Chunk(t, mixture.k, layout, shift, TILE_ROWS, parallel);
            chunk.underMixture(from, to, mixture, marginals, true);
            return chunk.stats;
        }, Statistics::merge);
    }

    /**
     * Log-likelihood, entropy and worst row under each of {@code mixtures}, without M-step
     * statistics, in one pass: each block of rows is transposed once for all of them.
     */
    static Statistics[] score(Table t, Mixture[] mixtures, Parallel parallel) {
        int m = mixtures.length;
        MarginalGaussian[][][] marginals = new MarginalGaussian[m][][];
        int largestK = 1;
        for (int i = 0; i < m; i++) {
            marginals[i] = mixtures[i].marginals(t.observed);
            largestK = Math.max(largestK, mixtures[i].k);
        }
        int workspaceK = largestK;
        return parallel.reduce(t.n, (from, to) -> {
            Workspace.of(parallel, workspaceK, t.d, TILE_ROWS); // one workspace, large enough for every mixture
            Chunk[] chunks = new Chunk[m];
            for (int i = 0; i < m; i++) chunks[i] = new Chunk(t, mixtures[i].k, ScatterLayout.DIAGONALS, null, TILE_ROWS, parallel);
            for (int tile = from; tile < to; tile += TILE_ROWS) {
                int count = chunks[0].gatherCompleteRows(tile, Math.min(to, tile + TILE_ROWS));
                if (count == 0) continue;
                for (int i = 0; i < m; i++) chunks[i].completeBlock(count, mixtures[i], false);
            }
            Statistics[] stats = new Statistics[m];
            for (int i = 0; i < m; i++) {
                chunks[i].incompleteRows(from, to, mixtures[i], marginals[i], false);
                stats[i] = chunks[i].stats;
            }
            return stats;
        }, (a, b) -> {
            for (int i = 0; i < m; i++) a[i] = a[i].merge(b[i]);
            return a;
        });
    }

    /**
     * Statistics of given responsibilities, around {@code shift}; missing values are replaced by
     * {@code fill} (initialisation only: no mixture exists yet to marginalise with).
     */
    static Statistics assign(Table t, int k, ScatterLayout layout, Responsibilities given, double[] shift,
                             double[] fill, Parallel parallel) {
        return parallel.reduce(t.n, (from, to) -> {
            Chunk chunk = new Chunk(t, k, layout, shift, 0, parallel);
            chunk.given(from, to, given, fill);
            return chunk.stats;
        }, Statistics::merge);
    }

    /**
     * The work arrays of a chunk, kept by each thread for its next chunk of the same {@link Parallel}:
     * a pass allocates only its chunks' statistics. A chunk runs to its end without waiting on other
     * tasks, so no two chunks share a thread's workspace at once. It grows to the largest K and block
     * seen; d must match.
     */
    private static final class Workspace {
        final int k;
        final int d;
        final int size;
        final double[] resp;
        final double[] completed;
        final double[] diff;
        final int[] rows;
        final double[][] quadDiff;
        final BlockScratch scratch;

        private Workspace(int k, int d, int size) {
            this.k = k;
            this.d = d;
            this.size = size;
            this.resp = new double[k];
            this.completed = new double[d];
            this.diff = new double[d];
            this.rows = new int[size];
            this.quadDiff = new double[4][d];
            this.scratch = new BlockScratch(k, d, size);
        }

        static Workspace of(Parallel parallel, int k, int d, int size) {
            Workspace w = (Workspace) parallel.workspace.get();
            if (w == null || w.d != d || w.k < k || w.size < size) {
                w = w == null || w.d != d ? new Workspace(k, d, size) : new Workspace(Math.max(k, w.k), d, Math.max(size, w.size));
                parallel.workspace.set(w);
            }
            return w;
        }
    }

    private static final class Chunk {
        final Table t;
        final int k;
        final int d;
        final Statistics stats;
        final double[] resp;
        final double[] completed;
        final double[] diff;
        /** Row indices of the block of complete rows. */
        final int[] rows;
        /** Four rows of the block (their positions in it) and their differences from a mean, for a rank-four update. */
        final int[] quad = new int[4];
        final double[][] quadDiff;
        final int tileRows;
        /** Each component's shift as an array of its own, made when first needed. */
        final double[][] shiftRows;
        final BlockScratch scratch;

        Chunk(Table t, int k, ScatterLayout layout, double[] shift, int size, Parallel parallel) {
            this.t = t;
            this.k = k;
            this.d = t.d;
            this.tileRows = size;
            this.stats = new Statistics(k, t.d, layout, shift, t.c, t.levelSlots());
            this.shiftRows = new double[shift == null ? 0 : shift.length / Math.max(1, t.d)][];
            Workspace w = Workspace.of(parallel, k, t.d, Math.max(1, size));
            this.resp = w.resp;
            this.completed = w.completed;
            this.diff = w.diff;
            this.rows = w.rows;
            this.quadDiff = w.quadDiff;
            this.scratch = w.scratch;
        }

        void underMixture(int from, int to, Mixture mixture, MarginalGaussian[][] marginals, boolean accumulate) {
            for (int tile = from; tile < to; tile += tileRows) {
                int count = gatherCompleteRows(tile, Math.min(to, tile + tileRows));
                if (count > 0) completeBlock(count, mixture, accumulate);
            }
            incompleteRows(from, to, mixture, marginals, accumulate);
        }

        /** The rows of {@code [from, to)} with missing values, one by one through their pattern's marginals. */
        void incompleteRows(int from, int to, Mixture mixture, MarginalGaussian[][] marginals, boolean accumulate) {
            for (int i = from; i < to; i++) {
                int pattern = t.pattern(i);
                if (pattern < 0 || t.weight(i) == 0) continue;
                mixture.logJoint(t.x, i * d, marginals[pattern], t.codes, i * t.c, resp, scratch);
                record(i, Mixture.normalise(resp, k), accumulate);
                if (!accumulate) continue;
                addIncomplete(i, t.weight(i), marginals[pattern], null, mixture);
                addCategorical(i, t.weight(i));
            }
        }

        /** The block of complete rows that {@link #gatherCompleteRows} left in the scratch. */
        void completeBlock(int count, Mixture mixture, boolean accumulate) {
            double[][] block = scratch.out;
            if (t.c == 0) {
                mixture.covariance.logJoint(scratch.xt, count, mixture.flatMeans(), mixture.logWeights, block, scratch);
                normaliseColumns(count, accumulate);
                if (accumulate) addCompleteBlock(count);
                return;
            }
            mixture.covariance.logGaussian(scratch.xt, count, mixture.flatMeans(), block, scratch);
            for (int b = 0; b < count; b++) {
                int i = rows[b];
                for (int c = 0; c < k; c++) resp[c] = block[c][b];
                mixture.addWeightsAndLevels(t.codes, i * t.c, resp);
                record(i, Mixture.normalise(resp, k), accumulate);
                if (!accumulate) continue;
                double w = t.weight(i);
                for (int c = 0; c < k; c++) block[c][b] = w * resp[c];
                addCategorical(i, w);
            }
            if (accumulate) addCompleteBlock(count);
        }

        /**
         * The E-step of a block without categorical columns, component by component over the rows
         * (the row-by-row form of {@link Mixture#normalise} in loops the JIT vectorises, but for the
         * exponentials): records each row and, when fitting, leaves w·r in the scratch's {@code out}.
         * A final score also needs each row's entropy −Σ r·log r = log Σe − Σ e·x / Σe, with
         * x = log-joint − max and e = exp(x): no logarithm per component (the exponentials' reduced
         * argument stands for x: it is x scaled, and finite where e = 0, so that e·x stays 0).
         */
        private void normaliseColumns(int count, boolean fitting) {
            double[][] block = scratch.out;
            double[] max = scratch.z;
            double[] total = scratch.total;
            double[] weighted = scratch.weight;
            rowMax(block, count, max);
            for (int b = 0; b < count; b++) total[b] = 0;
            if (!fitting) for (int b = 0; b < count; b++) weighted[b] = 0;
            double[] reduced = scratch.reduced;
            for (int c = 0; c < k; c++) {
                double[] o = block[c];
                Exponentials.expOfDifference(o, max, count, reduced, total);
                if (fitting) continue;
                for (int b = 0; b < count; b++) weighted[b] += o[b] * reduced[b];
            }
            double lowest = lowest(max, count);
            if (lowest == Double.NEGATIVE_INFINITY) {
                for (int b = 0; b < count; b++) {
                    if (max[b] == Double.NEGATIVE_INFINITY) {
                        // no component can explain the row: as Mixture.normalise, equal shares
                        for (int c = 0; c < k; c++) block[c][b] = 1;
                        total[b] = k;
                        weighted[b] = 0;
                    }
                }
            }
            if (fitting && t.unitWeights()) {
                recordUnitBlock(count, max, total, lowest);
                for (int b = 0; b < count; b++) weighted[b] = 1 / total[b];
            } else {
                for (int b = 0; b < count; b++) {
                    int i = rows[b];
                    double logTotal = Math.log(total[b]);
                    recordLogLikelihood(i, max[b] + logTotal);
                    if (!fitting) stats.entropy += t.weight(i) * (logTotal - Exponentials.UNSCALE * weighted[b] / total[b]);
                    weighted[b] = t.weight(i) / total[b];
                }
            }
            if (!fitting) return;
            for (int c = 0; c < k; c++) {
                double[] o = block[c];
                for (int b = 0; b < count; b++) o[b] *= weighted[b];
            }
        }

        void given(int from, int to, Responsibilities given, double[] fill) {
            for (int i = from; i < to; i++) {
                int pattern = t.pattern(i);
                double w = t.weight(i);
                if (pattern == Table.EMPTY || w == 0) continue;
                given.fill(i, resp);
                if (pattern == Table.COMPLETE) {
                    for (int c = 0; c < k; c++) {
                        double rw = w * resp[c];
                        if (rw != 0) addRow(i, c, rw);
                    }
                } else {
                    addIncomplete(i, w, null, fill, null);
                }
                addCategorical(i, w);
            }
        }

        /** Collects the complete rows with weight into {@link #rows} and, transposed, the scratch; returns their number. */
        int gatherCompleteRows(int from, int to) {
            return EStep.gatherCompleteRows(t, from, to, rows, scratch.xt);
        }

        /** Adds a row's log-likelihood (its posterior is in {@link #resp}) to the pass's totals. */
        private void record(int i, double logLik, boolean fitting) {
            recordLogLikelihood(i, logLik);
            if (fitting) return; // only a final score needs the entropy, and its logarithms cost
            double w = t.weight(i);
            double h = 0;
            for (int c = 0; c < k; c++) if (resp[c] > 0) h -= resp[c] * Math.log(resp[c]);
            stats.entropy += w * h;
        }

        /**
         * {@link #recordLogLikelihood} for a block of rows of weight 1 whose log-likelihoods are
         * max[b] + log total[b], with total[b] in [1, k]: the logarithm of a product of totals stands
         * for the sum of their logarithms (one logarithm per run of rows instead of one per row), and
         * only rows whose max lies within log k of the lowest can be the worst.
         */
        private void recordUnitBlock(int count, double[] max, double[] total, double lowest) {
            double logK = Math.log(k);
            int run = Math.max(1, (int) (600 / Math.max(logK, 1e-3)));
            double sum = dot(max, null, count);
            for (int from = 0; from < count; from += run) {
                int to = Math.min(count, from + run);
                sum += Math.log(product(total, from, to));
            }
            stats.logLikelihood += sum;
            stats.weight += count;
            if (lowest >= stats.worstLogLikelihood) return;
            // a row's log-likelihood is at least its max: only rows below both bounds need a logarithm
            double bound = Math.min(lowest + logK, stats.worstLogLikelihood);
            for (int b = 0; b < count; b++) {
                if (!(max[b] <= bound)) continue;
                double logLik = max[b] + Math.log(total[b]);
                if (logLik < stats.worstLogLikelihood) {
                    stats.worstLogLikelihood = logLik;
                    stats.worstRow = rows[b];
                }
            }
        }

        /** Each row's largest value over the k columns, two columns per pass after the first (Math.max's NaN and −0 rules make the order irrelevant). */
        private void rowMax(double[][] block, int count, double[] max) {
            System.arraycopy(block[0], 0, max, 0, count);
            int c = 1;
            for (; c + 1 < k; c += 2) {
                double[] o0 = block[c], o1 = block[c + 1];
                for (int b = 0; b < count; b++) max[b] = Math.max(max[b], Math.max(o0[b], o1[b]));
            }
            if (c < k) {
                double[] o = block[c];
                for (int b = 0; b < count; b++) max[b] = Math.max(max[b], o[b]);
            }
        }

        /**
         * The smallest of a[0..n), NaN left out: a comparison per value that rarely branches (the
         * minimum settles early), where {@code Math.min} costs a sequence for its NaN and −0 rules.
         */
        private static double lowest(double[] a, int n) {
            double m0 = Double.POSITIVE_INFINITY, m1 = m0;
            int b = 0;
            for (; b + 1 < n; b += 2) {
                if (a[b] < m0) m0 = a[b];
                if (a[b + 1] < m1) m1 = a[b + 1];
            }
            if (b < n && a[b] < m0) m0 = a[b];
            return Math.min(m0, m1);
        }

        /** The product of a[from..to), with eight partial products so that the multiplications overlap. */
        private static double product(double[] a, int from, int to) {
            double p0 = 1, p1 = 1, p2 = 1, p3 = 1, p4 = 1, p5 = 1, p6 = 1, p7 = 1;
            int b = from;
            for (; b + 7 < to; b += 8) {
                p0 *= a[b];
                p1 *= a[b + 1];
                p2 *= a[b + 2];
                p3 *= a[b + 3];
                p4 *= a[b + 4];
                p5 *= a[b + 5];
                p6 *= a[b + 6];
                p7 *= a[b + 7];
            }
            for (; b < to; b++) p0 *= a[b];
            return ((p0 * p1) * (p2 * p3)) * ((p4 * p5) * (p6 * p7));
        }

        private void recordLogLikelihood(int i, double logLik) {
            double w = t.weight(i);
            stats.logLikelihood += w * logLik;
            stats.weight += w;
            if (logLik < stats.worstLogLikelihood) {
                stats.worstLogLikelihood = logLik;
                stats.worstRow = i;
            }
        }

        /**
         * The moments of the block of complete rows, whose weighted responsibilities are in the
         * scratch's {@code out}. Only the rows with weight count, and a row has a few components at
         * most: diagonals from the transposed block, matrices component by component in a rank-four
         * update per four rows with weight (one pass over the scatter matrix, which stays in the L1
         * cache, for four rows: the update is bound by its loads and stores).
         */
        private void addCompleteBlock(int count) {
            if (d <= SMALL_D) {
                addCompleteBlockByColumns(count);
                return;
            }
            if (stats.layout == ScatterLayout.POOLED) {
                addPooledBlock(count);
                return;
            }
            if (!stats.layout.isMatrix()) {
                addDiagonalBlock(count);
                return;
            }
            for (int c = 0; c < k; c++) {
                double[] wr = scratch.out[c];
                int pending = 0;
                for (int b = 0; b < count; b++) {
                    if (wr[b] == 0) continue;
                    quad[pending] = b;
                    if (++pending == 4) {
                        addFourRows(c, wr, 4);
                        pending = 0;
                    }
                }
                if (pending == 0) continue;
                for (int q = pending; q < 4; q++) quad[q] = quad[0];
                addFourRows(c, wr, pending);
            }
        }

        /**
         * The diagonal moments of the block: first, per component, the positions of its rows with
         * weight and, in place, their weights are listed (a branch-free pass: which rows a component
         * explains is not predictable); then each column of the transposed block, while it is in
         * the L1 cache, gives every component its first moment and scatter diagonal on its rows, two
         * sums in registers. Measured against rank-four updates of rows copied from the data: 30%
         * faster fits at 200 000×16 (where a row's loops are too short to vectorise), 15% at 100 000×64.
         */
        private void addDiagonalBlock(int count) {
            int[][] positions = scratch.positions();
            int[] listed = scratch.positionCount;
            for (int c = 0; c < k; c++) {
                double[] wr = scratch.out[c];
                int[] picked = positions[c];
                int m = 0;
                for (int b = 0; b < count; b++) {
                    double w = wr[b];
                    picked[m] = b;
                    wr[m] = w;
                    m += w != 0 ? 1 : 0;
                }
                listed[c] = m;
                stats.count[c] += dot(wr, null, m);
            }
            for (int j = 0; j < d; j++) {
                double[] x = scratch.xt[j];
                for (int c = 0; c < k; c++) {
                    int m = listed[c];
                    if (m == 0) continue;
                    int[] picked = positions[c];
                    double[] weight = scratch.out[c];
                    double s = stats.shift[c * d + j];
                    double sum0 = 0, sum1 = 0, square0 = 0, square1 = 0;
                    int i = 0;
                    for (; i + 1 < m; i += 2) {
                        double v0 = x[picked[i]] - s, v1 = x[picked[i + 1]] - s;
                        double u0 = weight[i] * v0, u1 = weight[i + 1] * v1;
                        sum0 += u0;
                        sum1 += u1;
                        square0 += u0 * v0;
                        square1 += u1 * v1;
                    }
                    if (i < m) {
                        double v0 = x[picked[i]] - s;
                        double u0 = weight[i] * v0;
                        sum0 += u0;
                        square0 += u0 * v0;
                    }
                    stats.sum[c][j] += sum0 + sum1;
                    stats.scatter[stats.layout.row(c, 0, d)][j] += square0 + square1;
                }
            }
        }

        /**
         * The pooled moments of the block: one shift for all components, so the scatter is each
         * row's, weighted by its whole weight, in rank-four updates; the sums stay per component.
         */
        private void addPooledBlock(int count) {
            double[] rowWeight = scratch.z;
            for (int b = 0; b < count; b++) rowWeight[b] = 0;
            for (int c = 0; c < k; c++) {
                double[] wr = scratch.out[c];
                for (int b = 0; b < count; b++) rowWeight[b] += wr[b];
            }
            for (int from = 0; from < count; from += 4) {
                int valid = Math.min(4, count - from);
                for (int q = 0; q < 4; q++) quad[q] = from + Math.min(q, valid - 1);
                quadDifferences(0);
                for (int c = 0; c < k; c++) {
                    double[] wr = scratch.out[c];
                    addQuadSums(c, quadWeight(wr, 0, valid), quadWeight(wr, 1, valid), quadWeight(wr, 2, valid),
                            quadWeight(wr, 3, valid));
                }
                addQuadScatter(0, quadWeight(rowWeight, 0, valid), quadWeight(rowWeight, 1, valid),
                        quadWeight(rowWeight, 2, valid), quadWeight(rowWeight, 3, valid));
            }
        }

        /** The weight of the q-th row of {@link #quad}, of which the first {@code valid} are real (the others repeat one with weight 0). */
        private double quadWeight(double[] w, int q, int valid) {
            return q < valid ? w[quad[q]] : 0;
        }

        /** Adds the first {@code valid} block rows of {@link #quad} to component c's moments, with weights from {@code wr}. */
        private void addFourRows(int c, double[] wr, int valid) {
            double w0 = quadWeight(wr, 0, valid), w1 = quadWeight(wr, 1, valid);
            double w2 = quadWeight(wr, 2, valid), w3 = quadWeight(wr, 3, valid);
            quadDifferences(c * d);
            addQuadSums(c, w0, w1, w2, w3);
            addQuadScatter(c, w0, w1, w2, w3);
        }

        /**
         * The differences of the rows in {@link #quad} from {@code shift[off..off+d)}, into
         * {@link #quadDiff}: each row copied first, since the JIT vectorises a loop over arrays
         * indexed by j alone but not one that reads at an offset.
         */
        private void quadDifferences(int off) {
            double[] s = shiftRow(off);
            for (int q = 0; q < 4; q++) {
                double[] dq = quadDiff[q];
                System.arraycopy(t.x, rows[quad[q]] * d, dq, 0, d);
                for (int j = 0; j < d; j++) dq[j] -= s[j];
            }
        }

        /** {@code shift[off..off+d)} as an array of its own, copied once per chunk. */
        private double[] shiftRow(int off) {
            int c = off / d;
            if (shiftRows[c] == null) shiftRows[c] = java.util.Arrays.copyOfRange(stats.shift, off, off + d);
            return shiftRows[c];
        }

        private void addQuadSums(int c, double w0, double w1, double w2, double w3) {
            double[] d0 = quadDiff[0], d1 = quadDiff[1], d2 = quadDiff[2], d3 = quadDiff[3];
            stats.count[c] += (w0 + w1) + (w2 + w3);
            double[] sum = stats.sum[c];
            for (int j = 0; j < d; j++) sum[j] += (w0 * d0[j] + w1 * d1[j]) + (w2 * d2[j] + w3 * d3[j]);
        }

        /** Adds Σ_q w_q·diff_q·diff_qᵀ over the four rows of {@link #quadDiff} to the scatter matrix of component c (0 when pooled). */
        private void addQuadScatter(int c, double w0, double w1, double w2, double w3) {
            double[] d0 = quadDiff[0], d1 = quadDiff[1], d2 = quadDiff[2], d3 = quadDiff[3];
            for (int a = 0; a < d; a++) {
                double a0 = w0 * d0[a], a1 = w1 * d1[a], a2 = w2 * d2[a], a3 = w3 * d3[a];
                double[] row = stats.scatter[stats.layout.row(c, a, d)];
                int end = Math.min(d, (a + 8) & ~7);
                for (int j = 0; j < end; j++) row[j] += (a0 * d0[j] + a1 * d1[j]) + (a2 * d2[j] + a3 * d3[j]);
            }
        }

        /**
         * The same moments for few columns: per component, each statistic is a dot product over the
         * block's rows (the differences and their weighted copies computed in vectorised loops);
         * with d this small a rank-one update per row is mostly loop overhead.
         */
        private void addCompleteBlockByColumns(int count) {
            double[] shift = stats.shift;
            double[][] diffs = scratch.diff;
            double[][] weighted = scratch.transformed;
            boolean pooled = stats.layout == ScatterLayout.POOLED;
            if (pooled) {
                // one shift for all: the differences once, the scatter once with each row's whole weight
                double[] rowWeight = scratch.z;
                for (int b = 0; b < count; b++) rowWeight[b] = 0;
                for (int c = 0; c < k; c++) {
                    double[] wr = scratch.out[c];
                    for (int b = 0; b < count; b++) rowWeight[b] += wr[b];
                }
                differences(count, shift, 0, rowWeight);
                addScatterByColumns(0, count);
            }
            for (int c = 0; c < k; c++) {
                double[] wr = scratch.out[c];
                double mass = dot(wr, null, count);
                if (mass == 0) continue;
                stats.count[c] += mass;
                if (pooled) {
                    for (int j = 0; j < d; j++) stats.sum[c][j] += dot(wr, diffs[j], count);
                    continue;
                }
                differences(count, shift, c * d, wr);
                for (int j = 0; j < d; j++) stats.sum[c][j] += dot(weighted[j], null, count);
                addScatterByColumns(c, count);
            }
        }

        /** The block's differences from {@code shift[off..off+d)} into the scratch's diff, and times {@code w} into its transformed. */
        private void differences(int count, double[] shift, int off, double[] w) {
            for (int j = 0; j < d; j++) {
                double s = shift[off + j];
                double[] x = scratch.xt[j];
                double[] dj = scratch.diff[j];
                double[] wj = scratch.transformed[j];
                for (int b = 0; b < count; b++) {
                    double v = x[b] - s;
                    dj[b] = v;
                    wj[b] = w[b] * v;
                }
            }
        }

        /** Adds Σ_b w_b·diff_b·diff_bᵀ (or its diagonal) from {@link #differences} to the scatter at {@code base}. */
        private void addScatterByColumns(int c, int count) {
            double[][] diffs = scratch.diff;
            double[][] weighted = scratch.transformed;
            if (stats.layout.isMatrix()) {
                for (int a = 0; a < d; a++) {
                    double[] row = stats.scatter[stats.layout.row(c, a, d)];
                    for (int j = 0; j <= a; j++) row[j] += dot(weighted[a], diffs[j], count);
                }
            } else {
                double[] diagonal = stats.scatter[stats.layout.row(c, 0, d)];
                for (int j = 0; j < d; j++) diagonal[j] += dot(weighted[j], diffs[j], count);
            }
        }

        private void addIncomplete(int i, double w, MarginalGaussian[] marginal, double[] fill, Mixture mixture) {
            double[] shift = stats.shift;
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

        /** Adds complete row i to component c's moments with weight {@code rw}. */
        private void addRow(int i, int c, double rw) {
            double[] shift = stats.shift;
            for (int j = 0; j < d; j++) diff[j] = t.x[i * d + j] - shift[c * d + j];
            addMoments(c, rw);
        }

        /** Adds one row's difference from the shift, {@link #diff}, with weight {@code rw}. */
        private void addMoments(int c, double rw) {
            stats.count[c] += rw;
            double[] sum = stats.sum[c];
            for (int j = 0; j < d; j++) sum[j] += rw * diff[j];
            addScatter(c, rw);
        }

        /** Adds rw·{@link #diff}·{@link #diff}ᵀ (or its diagonal) to component c's scatter. */
        private void addScatter(int c, double rw) {
            if (stats.layout.isMatrix()) {
                for (int a = 0; a < d; a++) {
                    double rwa = rw * diff[a];
                    double[] row = stats.scatter[stats.layout.row(c, a, d)];
                    for (int b = 0; b <= a; b++) row[b] += rwa * diff[b];
                }
            } else {
                double[] diagonal = stats.scatter[stats.layout.row(c, 0, d)];
                for (int j = 0; j < d; j++) diagonal[j] += rw * diff[j] * diff[j];
            }
        }

        /** The part of E[(x − s)(x − s)ᵀ | x_o] that the completed row misses: Cov(x_m | x_o). */
        private void addConditionalCovariance(int c, double rw, MarginalGaussian g) {
            int[] m = g.missing;
            int q = m.length;
            if (stats.layout.isMatrix()) {
                for (int a = 0; a < q; a++) {
                    double[] row = stats.scatter[stats.layout.row(c, m[a], d)];
                    for (int b = 0; b < q; b++) {
                        if (m[b] <= m[a]) row[m[b]] += rw * g.conditionalCovariance[a * q + b];
                    }
                }
            } else {
                double[] diagonal = stats.scatter[stats.layout.row(c, 0, d)];
                for (int a = 0; a < q; a++) diagonal[m[a]] += rw * g.conditionalCovariance[a * q + a];
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
