// SPDX-License-Identifier: Apache-2.0
package gmm4j.internal;

import gmm4j.CovarianceType;

import java.io.Serial;
import java.io.Serializable;

/**
 * The parameters of a mixture: weights, means, covariances and, for categorical columns, each
 * component's level probabilities. Immutable; the M-step makes a new one.
 */
public final class Mixture implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    /** The Dirichlet (Laplace) pseudo-count added to every categorical level. */
    static final double LEVEL_PRIOR = 1.0;

    public final int k;
    public final int d;
    final double[] weights;
    final double[] logWeights;
    /** Component c's mean at {@code [c*d, (c+1)*d)}. */
    final double[] means;
    public final Covariance covariance;
    final int[] levels;
    final int[] levelOffset;
    /** log P(level | component), component c's at {@code [c*slots, (c+1)*slots)}. */
    final double[] logLevel;
    /**
     * The places (row values, missing ones completed) where the run that made these parameters has
     * re-seeded a collapsed component, oldest first: the repair never goes to one twice, so it cannot
     * loop. They travel with the parameters, through the statistics of an E-step under them, to the
     * next M-step, wherever that runs.
     */
    final double[][] reseededAt;
    /** The noise component's box (mclust's noise: a uniform density over it), or null when the mixture has none. */
    final NoiseBox noise;
    /** The noise component's weight, 0 without one: the weights of the Gaussians sum to 1 minus it. */
    final double noiseWeight;
    final double logNoiseWeight;
    /** The columns of a row's posterior: the k Gaussians, then the noise if there is one. */
    public final int columns;

    static final double[][] NO_PLACES = new double[0][];

    Mixture(double[] weights, double[] means, Covariance covariance, int[] levels, double[] logLevel) {
        this(weights, means, covariance, levels, logLevel, NO_PLACES, null, 0);
    }

    private Mixture(double[] weights, double[] means, Covariance covariance, int[] levels, double[] logLevel,
                    double[][] reseededAt, NoiseBox noise, double noiseWeight) {
        this.reseededAt = reseededAt;
        this.noise = noise;
        this.noiseWeight = noiseWeight;
        this.logNoiseWeight = Math.log(noiseWeight);
        this.columns = weights.length + (noise == null ? 0 : 1);
        this.k = weights.length;
        this.d = covariance.d;
        this.weights = weights;
        this.logWeights = new double[k];
        for (int c = 0; c < k; c++) logWeights[c] = Math.log(weights[c]);
        this.means = means;
        this.covariance = covariance;
        this.levels = levels;
        this.levelOffset = new int[levels.length + 1];
        for (int j = 0; j < levels.length; j++) levelOffset[j + 1] = levelOffset[j] + levels[j];
        this.logLevel = logLevel;
    }

    /**
     * Mixture parameters given as weights, means and covariance matrices; every categorical column
     * starts with equal level probabilities.
     */
    public static Mixture of(CovarianceType type, double[] weights, double[][] means, double[][] covariances,
                             int[] levels, double floor, RepairLog log) {
        int k = weights.length;
        int d = means[0].length;
        double[] flatMeans = new double[k * d];
        for (int c = 0; c < k; c++) System.arraycopy(means[c], 0, flatMeans, c * d, d);
        int slots = 0;
        for (int l : levels) slots += l;
        double[] logLevel = new double[k * slots];
        for (int c = 0; c < k; c++) setUniformLevels(logLevel, c * slots, levels);
        return new Mixture(weights.clone(), flatMeans, CovarianceModel.of(type).fromMatrices(d, covariances, floor, log),
                levels.clone(), logLevel);
    }

    /**
     * The M-step: the parameters that maximise the expected log-likelihood of the statistics, with
     * covariances of {@code model} (whose moments the statistics must hold). Under {@code prior},
     * unless it is null (MAP EM): the model's posterior-mode covariances and, unless the model keeps
     * them, the means shrunk toward the prior mean; the weights have no prior.
     */
    static Mixture estimate(Statistics s, CovarianceModel model, Prior prior, double regularization, double floor,
                            int[] levels, RepairLog log) {
        Moments moments = s.moments;
        moments.guardEmpty(s.score.weight, s.score.rows);
        double[] shift = moments.shift;
        int k = moments.k;
        int d = moments.d;
        double[] weights = new double[k];
        double[] means = new double[k * d];
        double noiseMass = s.noise == null ? 0 : moments.guarded(s.noiseMass);
        double total = noiseMass;
        for (int c = 0; c < k; c++) total += moments.mass(c);
        for (int c = 0; c < k; c++) {
            double n = moments.mass(c);
            weights[c] = n / total;
            for (int j = 0; j < d; j++) means[c * d + j] = shift[c * d + j] + moments.sum[c][j] / n;
            if (prior != null && model.shrinksMeans()) {
                double[] shrunk = prior.posteriorMean(java.util.Arrays.copyOfRange(means, c * d, (c + 1) * d), n);
                System.arraycopy(shrunk, 0, means, c * d, d);
            }
        }
        Covariance covariance = prior == null ? model.estimate(moments, regularization, floor, log)
                : model.estimate(moments, prior, regularization, floor, log);
        int slots = s.levelCount.length / k;
        double[] logLevel = new double[k * slots];
        for (int c = 0; c < k; c++) {
            for (int j = 0, off = 0; j < levels.length; off += levels[j], j++) {
                double denominator = s.levelTotal[c * levels.length + j] + LEVEL_PRIOR * levels[j];
                for (int l = 0; l < levels[j]; l++) {
                    logLevel[c * slots + off + l] = Math.log((s.levelCount[c * slots + off + l] + LEVEL_PRIOR) / denominator);
                }
            }
        }
        return new Mixture(weights, means, covariance, levels, logLevel, s.reseededAt, s.noise, noiseMass / total);
    }

    /**
     * These Gaussians with a noise component of weight {@code weight} over {@code box}: the
     * Gaussians' weights are scaled to sum to 1 − {@code weight}.
     */
    Mixture withNoise(NoiseBox box, double weight) {
        double sum = 0;
        for (double w : weights) sum += w;
        double[] scaled = new double[k];
        for (int c = 0; c < k; c++) scaled[c] = weights[c] * (1 - weight) / sum;
        return new Mixture(scaled, means, covariance, levels, logLevel, reseededAt, box, weight);
    }

    /** A variance at most this many times the floor is the floor's (the regularisation's), not the rows'. */
    static final double AT_FLOOR = 2;
    /** Data whose variance along a direction is more than this many times the floor vary there. */
    static final double DATA_VARY = 10;

    /**
     * The responsibility mass a component of covariance {@code type} needs in {@code d} dimensions
     * for its own part of the covariance to be set by its rows (d + 1 for a full covariance, 2 for
     * its own variances, 1 when everything is shared; see {@link CovarianceModel#minimumMass}).
     */
    public static int minimumMass(CovarianceType type, int d) {
        return CovarianceModel.of(type).minimumMass(d);
    }

    /**
     * Why these parameters are a likelihood spike rather than a model (mclust's singular fit), or
     * null: the first component with less responsibility mass (its weight times {@code totalWeight},
     * the training rows' weight) than its covariance model needs, or whose covariance is at the floor
     * ({@link #AT_FLOOR} times {@code floor}, the regularisation) along a direction in which
     * {@code dataCovariance} varies by more than {@link #DATA_VARY} times it; else a run that had to
     * re-seed a collapsed component: EM from its start met a singularity, where mclust's stops with
     * no likelihood (the re-seeded fit is the repair's, not the start's).
     */
    public String singularity(double totalWeight, double floor, double[] dataCovariance) {
        int needed = covariance.model().minimumMass(d);
        for (int c = 0; c < k; c++) {
            double mass = weights[c] * totalWeight;
            if (mass < needed * (1 - 1e-9)) {
                return String.format(java.util.Locale.ROOT, "component %d has a mass of %.3g rows, fewer than the %d its "
                        + "covariance needs", c, mass, needed);
            }
            if (covariance.flatWhereDataVary(c, AT_FLOOR * floor, dataCovariance, DATA_VARY * floor)) {
                return String.format(java.util.Locale.ROOT, "component %d's covariance is at the regularisation floor "
                        + "%.3g where the data vary", c, floor);
            }
        }
        if (reseededAt.length > 0) {
            return String.format(java.util.Locale.ROOT, "a component collapsed during EM and was re-seeded (%d time%s): "
                    + "EM from this start meets a singularity", reseededAt.length, reseededAt.length == 1 ? "" : "s");
        }
        return null;
    }

    /** Empty moments of this mixture's covariance model around its means, for an E-step under it. */
    Moments emptyMoments() {
        return covariance.model().moments(k, d, means, Covariance.centre(means, k, d));
    }

    /** This mixture with component {@code c} moved to {@code mean}, given the mass-averaged covariance and weight 1/k. */
    Mixture reseed(int c, double[] mean, double floor, RepairLog log) {
        double[] others = new double[d * d];
        for (int o = 0; o < k; o++) {
            if (o == c) continue;
            double[] matrix = covariance.matrix(o);
            for (int i = 0; i < d * d; i++) others[i] += weights[o] * matrix[i] / (1 - weights[c]);
        }
        double[] newWeights = weights.clone();
        newWeights[c] = 1.0 / k;
        double sum = 0;
        for (double w : newWeights) sum += w;
        for (int o = 0; o < k; o++) newWeights[o] *= (1 - noiseWeight) / sum;
        double[] newMeans = means.clone();
        System.arraycopy(mean, 0, newMeans, c * d, d);
        double[] logLevel = this.logLevel.clone();
        setUniformLevels(logLevel, c * levelOffset[levels.length], levels);
        double[][] places = java.util.Arrays.copyOf(reseededAt, reseededAt.length + 1);
        places[reseededAt.length] = mean.clone();
        return new Mixture(newWeights, newMeans, covariance.reseeded(c, others, floor, log), levels, logLevel, places,
                noise, noiseWeight);
    }

    /** The component with the largest weight (the first of equals): the one a split can best afford to halve. */
    public int heaviest() {
        int c = 0;
        for (int o = 1; o < k; o++) if (weights[o] > weights[c]) c = o;
        return c;
    }

    /**
     * These parameters with component {@code c} split in two along its widest axis, a start for
     * K + 1 components: each half has its weight, the means are μ ± ½√λ·v (λ, v its covariance's
     * largest eigenvalue and its vector) and the covariances Σ − ¼λ·v·vᵀ, so that the pair has c's
     * mean and covariance (a moment-preserving split, as in Richardson and Green, 1997), projected
     * onto the covariance model.
     */
    public Mixture split(int c, double floor, RepairLog log) {
        double[] sigma = covariance.matrix(c);
        SymmetricEigen eigen = SymmetricEigen.of(sigma, d);
        double lambda = eigen.values[0];
        double[] step = new double[d];
        for (int j = 0; j < d; j++) step[j] = 0.5 * Math.sqrt(lambda) * eigen.vectors[j * d];
        double[] narrower = sigma.clone();
        for (int a = 0; a < d; a++) {
            for (int b = 0; b < d; b++) narrower[a * d + b] -= step[a] * step[b];
        }
        double[][] matrices = new double[k + 1][];
        for (int o = 0; o < k; o++) matrices[o] = o == c ? narrower : covariance.matrix(o);
        matrices[k] = narrower;
        return withHalf(c, step, covariance.model().fromMatrices(d, matrices, floor, log));
    }

    /**
     * These parameters with component {@code c} as two identical halves of its weight: a mixture of
     * K + 1 components with the same density, so the same likelihood, to rounding (the covariances
     * are taken exactly as they are).
     */
    public Mixture duplicated(int c) {
        double[][] matrices = new double[k + 1][];
        for (int o = 0; o < k; o++) matrices[o] = covariance.matrix(o);
        matrices[k] = matrices[c];
        return withHalf(c, new double[d], covariance.model().restore(k + 1, d, matrices, RepairLog.IGNORE));
    }

    /**
     * K + 1 components: component {@code c} and a new last one each with half c's weight, its level
     * probabilities, and its mean moved by +{@code step} and −{@code step}; covariances {@code next}.
     */
    private Mixture withHalf(int c, double[] step, Covariance next) {
        double[] newWeights = java.util.Arrays.copyOf(weights, k + 1);
        newWeights[c] = weights[c] / 2;
        newWeights[k] = weights[c] / 2;
        double[] newMeans = java.util.Arrays.copyOf(means, (k + 1) * d);
        for (int j = 0; j < d; j++) {
            newMeans[c * d + j] = means[c * d + j] + step[j];
            newMeans[k * d + j] = means[c * d + j] - step[j];
        }
        int slots = levelOffset[levels.length];
        double[] newLogLevel = java.util.Arrays.copyOf(logLevel, (k + 1) * slots);
        System.arraycopy(logLevel, c * slots, newLogLevel, k * slots, slots);
        return new Mixture(newWeights, newMeans, next, levels, newLogLevel);
    }

    /** Whether this run has re-seeded a component at {@code place} before. */
    boolean reseededAt(double[] place) {
        for (double[] p : reseededAt) if (java.util.Arrays.equals(p, place)) return true;
        return false;
    }

    /** Equal probabilities for the levels of every categorical column, one component's at {@code from}. */
    private static void setUniformLevels(double[] logLevel, int from, int[] levels) {
        for (int j = 0, off = from; j < levels.length; off += levels[j], j++) {
            for (int l = 0; l < levels[j]; l++) logLevel[off + l] = -Math.log(levels[j]);
        }
    }

    /** Each component's Gaussian marginalised onto each missing-value pattern: [pattern][component]. */
    MarginalGaussian[][] marginals(boolean[][] patterns) {
        if (patterns.length == 0) return new MarginalGaussian[0][];
        double[][] sigma = new double[k][];
        for (int c = 0; c < k; c++) sigma[c] = covariance.matrix(c);
        MarginalGaussian[][] out = new MarginalGaussian[patterns.length][k];
        for (int p = 0; p < patterns.length; p++) {
            for (int c = 0; c < k; c++) out[p][c] = new MarginalGaussian(sigma[c], d, patterns[p]);
        }
        return out;
    }

    /**
     * {@code out[c] = log π_c + log p(row | component c)} for a row whose numeric part starts at
     * {@code x[off]} and is either complete ({@code marginal == null}) or observed as
     * {@code marginal} describes, with categorical codes at {@code codes[codeOff..]}.
     */
    void logJoint(double[] x, int off, MarginalGaussian[] marginal, int[] codes, int codeOff,
                  double[] out, BlockScratch scratch) {
        if (marginal == null) {
            double[][] row = scratch.ownColumns();
            for (int j = 0; j < d; j++) row[j][0] = x[off + j];
            covariance.logGaussian(row, 1, means, scratch.byComponent, scratch);
            for (int c = 0; c < k; c++) out[c] = scratch.byComponent[c][0];
        } else {
            for (int c = 0; c < k; c++) out[c] = marginal[c].logDensity(x, off, means, c * d, scratch.rowWork);
        }
        addWeightsAndLevels(codes, codeOff, out);
        addNoise(x, off, codes, codeOff, out);
    }

    /** Sets {@code out[k]} to log π₀ + log p(row | noise), when there is a noise component. */
    void addNoise(double[] x, int off, int[] codes, int codeOff, double[] out) {
        if (noise != null) out[k] = logNoiseWeight + noise.logDensity(x, off, codes, codeOff);
    }

    /**
     * Sets the noise's log-joint for a block of {@code count} complete rows without categorical
     * columns, when there is a noise component: the same for every row, log π₀ − log V.
     */
    void addNoiseToBlock(double[][] block, int count) {
        if (noise != null) java.util.Arrays.fill(block[k], 0, count, logNoiseWeight - noise.logVolume);
    }

    /** Adds log π_c and the log-probabilities of the row's categorical levels to {@code out[c]}. */
    void addWeightsAndLevels(int[] codes, int codeOff, double[] out) {
        int slots = levelOffset[levels.length];
        for (int c = 0; c < k; c++) {
            double s = out[c] + logWeights[c];
            for (int j = 0; j < levels.length; j++) {
                int code = codes[codeOff + j];
                if (code >= 0) s += logLevel[c * slots + levelOffset[j] + code];
            }
            out[c] = s;
        }
    }

    /**
     * Fills {@code out} with log p(row | component c), without the weights; the row may hold NaN
     * and {@code codes} may be null.
     */
    public void logComponentDensities(double[] x, int[] codes, double[] out) {
        posterior(x, codes, out, false);
    }

    /**
     * Fills {@code posterior} with P(component | row) and returns the row's log density. The row may
     * hold NaN (marginalised); {@code codes} may be null when there are no categorical columns.
     */
    public double posterior(double[] x, int[] codes, double[] posterior) {
        return posterior(x, codes, posterior, true);
    }

    private double posterior(double[] x, int[] codes, double[] out, boolean normalise) {
        boolean[] observed = new boolean[d];
        boolean complete = true;
        for (int j = 0; j < d; j++) {
            observed[j] = !Double.isNaN(x[j]);
            complete &= observed[j];
        }
        MarginalGaussian[] marginal = complete ? null : marginals(new boolean[][]{observed})[0];
        if (codes == null) {
            codes = new int[levels.length];
            java.util.Arrays.fill(codes, -1);
        }
        logJoint(x, 0, marginal, codes, 0, out, new BlockScratch(columns, d, 1));
        if (!normalise) {
            for (int c = 0; c < k; c++) out[c] -= logWeights[c];
            if (noise != null) out[k] -= logNoiseWeight;
            return Double.NaN;
        }
        return Posteriors.normalise(out, columns);
    }

    /** Receives one row's log density and posterior (the array is reused between calls). */
    @FunctionalInterface
    public interface RowVisitor {
        void row(int i, double logDensity, double[] posterior);
    }

    /** Scores every row of {@code t} in order; a row with nothing observed has log density 0 and the weights as posterior. */
    public void forEachRow(Table t, RowVisitor visitor) {
        MarginalGaussian[][] marginals = marginals(t.observed);
        double[] posterior = new double[columns];
        BlockScratch scratch = new BlockScratch(columns, d, 1);
        for (int i = 0; i < t.n; i++) visitRow(t, i, marginals, posterior, scratch, visitor);
    }

    /**
     * {@link #forEachRow}'s values, every row visited once but not in order: without categorical
     * columns, the complete rows (weight 0 included) a block at a time by the fit's kernels, the
     * block's log-joints at once and its exponentials in vector loops (the same values to rounding;
     * row by row, a prediction took twenty fit iterations at 200 000×16, K = 16); the others row by row.
     */
    public void forEachRowInBlocks(Table t, Parallel parallel, RowVisitor visitor) {
        if (t.c > 0) {
            forEachRow(t, visitor);
            return;
        }
        MarginalGaussian[][] marginals = marginals(t.observed);
        double[] posterior = new double[columns];
        BlockScratch s = BlockScratch.of(parallel, columns, d);
        for (int tile = 0; tile < t.n; tile += Kernels.TILE_ROWS) {
            int end = Math.min(t.n, tile + Kernels.TILE_ROWS);
            int count = Kernels.gatherCompleteRows(t, tile, end, s, false);
            if (count > 0) {
                covariance.logJoint(s.xt, count, flatMeans(), logWeights, s.byComponent, s);
                addNoiseToBlock(s.byComponent, count);
                Posteriors.visitBlock(s, columns, count, posterior, visitor);
            }
            for (int i = tile; i < end; i++) {
                if (t.pattern(i) != Table.COMPLETE) visitRow(t, i, marginals, posterior, s, visitor);
            }
        }
    }

    /** Row i's log density and posterior to {@code visitor}; a row with nothing observed has log density 0 and the weights as posterior. */
    private void visitRow(Table t, int i, MarginalGaussian[][] marginals, double[] posterior, BlockScratch scratch,
                          RowVisitor visitor) {
        double logDensity;
        if (t.pattern(i) == Table.EMPTY) {
            System.arraycopy(weights, 0, posterior, 0, k);
            if (noise != null) posterior[k] = noiseWeight;
            logDensity = 0;
        } else {
            logJoint(t.x, i * d, t.pattern(i) == Table.COMPLETE ? null : marginals[t.pattern(i)], t.codes, i * t.c,
                    posterior, scratch);
            logDensity = Posteriors.normalise(posterior, columns);
        }
        visitor.row(i, logDensity, posterior);
    }

    /** Log-likelihood, MAP log-loss and total weight of {@code t} under this mixture. */
    public Likelihood score(Table t, Parallel parallel) {
        return score(t, new Mixture[]{this}, parallel)[0];
    }

    /** {@link #score} of each mixture, in one pass over {@code t}. */
    public static Likelihood[] score(Table t, Mixture[] mixtures, Parallel parallel) {
        return EStep.score(t, mixtures, parallel);
    }

    /**
     * A final score of the rows of {@code t} as statistics: the {@link #score}, counting how many rows
     * each posterior column is the most probable for ({@link Likelihood#mapLabels}), with empty
     * moments of this mixture's shape, so that the statistics of parts merge.
     */
    public Statistics scoredStatistics(Table t, Parallel parallel) {
        Statistics statistics = new Statistics(emptyMoments(), t.c, t.levelSlots());
        statistics.score.merge(EStep.score(t, new Mixture[]{this}, parallel, true)[0]);
        statistics.reseededAt = reseededAt;
        statistics.noise = noise;
        return statistics;
    }

    /** The statistics of one E-step under this mixture over the rows of {@code t}. */
    public Statistics statistics(Table t, Parallel parallel) {
        return EStep.statistics(t, this, parallel);
    }

    public double weight(int c) {
        return weights[c];
    }

    public double[] mean(int c) {
        return java.util.Arrays.copyOfRange(means, c * d, (c + 1) * d);
    }

    /** P(level l of categorical column j | component c). */
    public double levelProbability(int c, int j, int l) {
        return Math.exp(logLevel[c * levelOffset[levels.length] + levelOffset[j] + l]);
    }

    public int[] levels() {
        return levels.clone();
    }

    /** Free parameters: weights, means, covariances and categorical probabilities, and the noise's. */
    public long parameterCount() {
        return parameterCount(k, d, covariance.type(), levels, noise != null);
    }

    /**
     * Free parameters of a mixture of k components of this type over d numeric and the given
     * categorical columns, with or without a noise component. The noise counts 2, as in mclust's
     * {@code nMclustParams}: its weight, and its volume V, which is estimated from the data.
     */
    public static long parameterCount(int k, int d, CovarianceType type, int[] levels, boolean noise) {
        long categorical = 0;
        for (int l : levels) categorical += l - 1;
        return (k - 1) + (long) k * d + type.covarianceParameters(k, d) + k * categorical + (noise ? 2 : 0);
    }

    /** The noise component's box, or null when there is none. */
    public NoiseBox noise() {
        return noise;
    }

    /** The noise component's weight; 0 when there is none. */
    public double noiseWeight() {
        return noiseWeight;
    }

    /** The means as one array, component c at {@code [c*d, (c+1)*d)} (the engine's own; do not modify). */
    double[] flatMeans() {
        return means;
    }

    /**
     * Mixture parameters exactly as given, for a saved model: {@code covariances()}, {@code weights()}
     * and the means of the rebuilt mixture equal these to the bit. The matrices are taken as they
     * are (no regularisation, no repair floor), so they must be positive definite and have the
     * type's structure, which the caller has checked: a TIED mixture's matrices are all equal (the
     * first is used), DIAGONAL ones are read on the diagonal, SPHERICAL ones at (0, 0).
     *
     * @param covariances           each component's full row-major d×d matrix
     * @param logLevelProbabilities log P(level | component) for every categorical column, component c's
     *                              at {@code [c*slots, (c+1)*slots)}, slots the sum of the levels
     *                              (logs, not probabilities: exp and log do not undo each other to the bit)
     * @param noise                 the noise component's box, or null for none
     * @param noiseWeight           its weight (0 for none); {@code weights} sum to 1 minus it
     * @param log                   told of every matrix that would need jitter to be factored
     */
    public static Mixture restore(CovarianceType type, double[] weights, double[][] means, double[][] covariances,
                                  int[] levels, double[] logLevelProbabilities, NoiseBox noise, double noiseWeight,
                                  RepairLog log) {
        int k = weights.length;
        int d = means[0].length;
        double[] flatMeans = new double[k * d];
        for (int c = 0; c < k; c++) System.arraycopy(means[c], 0, flatMeans, c * d, d);
        Covariance covariance = CovarianceModel.of(type).restore(k, d, covariances, log);
        return new Mixture(weights.clone(), flatMeans, covariance, levels.clone(), logLevelProbabilities.clone(),
                NO_PLACES, noise, noiseWeight);
    }

    /** A copy of log P(level | component), laid out as {@link #restore} takes it. */
    public double[] logLevelProbabilities() {
        return logLevel.clone();
    }
}
