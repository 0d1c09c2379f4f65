// SPDX-License-Identifier: Apache-2.0
package gmm4j;

import gmm4j.internal.Cholesky;
import gmm4j.internal.DataScale;
import gmm4j.internal.Prior;
import gmm4j.internal.Restarts;
import gmm4j.internal.Mixture;
import gmm4j.internal.NoiseBox;
import gmm4j.internal.Parallel;
import gmm4j.internal.Likelihood;
import gmm4j.internal.Table;

import java.io.InvalidObjectException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.Serial;
import java.io.Serializable;
import java.util.List;
import java.util.Objects;
import java.util.Random;

/**
 * A fitted Gaussian mixture: its parameters, how the fit went, and scoring, prediction and
 * sampling. Immutable and safe to share between threads; accessors return copies.
 *
 * <p>Serializable as plain values with a format version (never the engine's classes), every value
 * checked on reading; read through {@link #SERIAL_FILTER}.
 */
public final class GaussianMixtureModel implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    /** The fitted parameters. */
    private final Mixture mixture;
    /** The weighted training log-likelihood at the final parameters. */
    private final double logLikelihood;
    /**
     * Σ w_i·(−log max_c r_ic) over the training rows: the log-loss of their MAP labels, which ICL
     * adds twice to BIC; NaN for a model read from a format-1 stream, which did not keep it.
     */
    private final double mapLogLoss;
    /** The total weight of the training rows with an observed value. */
    private final double totalWeight;
    /** EM iterations of the kept restart. */
    private final int iterations;
    /** Why the kept restart's EM run stopped. */
    private final StopReason stopReason;
    /** Whether a listener stopped the fit. */
    private final boolean cancelled;
    /** Training rows with nothing observed. */
    private final int ignoredRows;
    /** Every restart's summary. */
    private final List<RestartSummary> restarts;
    /** What the fit repaired. */
    private final List<Repair> repairs;
    /** The training data's scale: a later M-step's repairs need it. */
    private final DataScale scale;
    /** The conjugate prior of the fit (MAP EM), resolved on the training data; null for plain EM and a saved model. */
    private final Prior prior;

    GaussianMixtureModel(Restarts.Result result, double totalWeight, int ignoredRows) {
        this(result.mixture(), result.score().logLikelihood(), result.score().mapLogLoss(), totalWeight,
                result.iterations(), result.stopReason(), result.cancelled(), ignoredRows, result.restarts(),
                result.repairs(), result.scale(), result.prior());
    }

    /** A model of these parameters and diagnostics; the lists are kept, so they must be immutable. */
    GaussianMixtureModel(Mixture mixture, double logLikelihood, double mapLogLoss, double totalWeight, int iterations,
                         StopReason stopReason, boolean cancelled, int ignoredRows, List<RestartSummary> restarts,
                         List<Repair> repairs, DataScale scale) {
        this(mixture, logLikelihood, mapLogLoss, totalWeight, iterations, stopReason, cancelled, ignoredRows, restarts, repairs,
                scale, null);
    }

    /** A model of these parameters and diagnostics, fitted under {@code prior} (null for none). */
    GaussianMixtureModel(Mixture mixture, double logLikelihood, double mapLogLoss, double totalWeight, int iterations,
                         StopReason stopReason, boolean cancelled, int ignoredRows, List<RestartSummary> restarts,
                         List<Repair> repairs, DataScale scale, Prior prior) {
        this.prior = prior;
        this.mixture = mixture;
        this.logLikelihood = logLikelihood;
        this.mapLogLoss = mapLogLoss;
        this.totalWeight = totalWeight;
        this.iterations = iterations;
        this.stopReason = stopReason;
        this.cancelled = cancelled;
        this.ignoredRows = ignoredRows;
        this.restarts = restarts;
        this.repairs = repairs;
        this.scale = scale;
        checkFinite();
    }

    /** The promise of no NaN in a model: a fit that cannot keep it fails instead. */
    private void checkFinite() {
        boolean finite = Double.isFinite(logLikelihood) && Double.isFinite(mixture.noiseWeight());
        for (int c = 0; c < mixture.k && finite; c++) {
            finite = Double.isFinite(mixture.weight(c));
            for (double v : mixture.mean(c)) finite &= Double.isFinite(v);
            for (double v : mixture.covariance.matrix(c)) finite &= Double.isFinite(v);
        }
        if (!finite) {
            throw new IllegalStateException("The fit produced non-finite parameters (log-likelihood " + logLikelihood
                    + "); the data's values may be too large to square in double precision: rescale them.");
        }
    }

    // ---- parameters -------------------------------------------------------------------------

    /** The number of components K. */
    public int components() {
        return mixture.k;
    }

    /** The number of numeric columns. */
    public int dimension() {
        return mixture.d;
    }

    /** @return the shape of the covariance matrices */
    public CovarianceType covarianceType() {
        return mixture.covariance.type();
    }

    /**
     * The label {@link #predict} gives a row that the noise component explains best: {@value}.
     */
    public static final int NOISE = -1;

    /** The Gaussians' mixing weights, summing to one, or to 1 − {@link #noiseWeight()} with a noise component. */
    public double[] weights() {
        double[] w = new double[mixture.k];
        for (int c = 0; c < w.length; c++) w[c] = mixture.weight(c);
        return w;
    }

    /** Whether the mixture has a noise component ({@link GaussianMixture.Builder#noise(boolean)}). */
    public boolean hasNoise() {
        return mixture.noise() != null;
    }

    /** The noise component's weight π₀; 0 without a noise component. */
    public double noiseWeight() {
        return mixture.noiseWeight();
    }

    /**
     * The volume V of the box the noise component is uniform over (mclust's {@code hypvol} of the
     * training data); +∞ if it is beyond a double (the model uses its logarithm).
     *
     * @throws IllegalStateException when the model has no noise component
     */
    public double noiseVolume() {
        return Math.exp(noiseBox().logVolume());
    }

    private NoiseBox noiseBox() {
        if (!hasNoise()) throw new IllegalStateException("This model has no noise component.");
        return mixture.noise();
    }

    /** The means, one row per component. */
    public double[][] means() {
        double[][] m = new double[mixture.k][];
        for (int c = 0; c < m.length; c++) m[c] = mixture.mean(c);
        return m;
    }

    /**
     * The covariance matrices as full d×d matrices, one per component, whatever the type (a tied
     * model repeats its shared matrix; diagonal and spherical ones are diagonal), regularisation included.
     */
    public double[][][] covariances() {
        double[][][] out = new double[mixture.k][][];
        for (int c = 0; c < out.length; c++) out[c] = Matrices.square(mixture.covariance.matrix(c), mixture.d);
        return out;
    }

    /** Precision Cholesky factors in scikit-learn's convention: upper triangular P_c with Σ_c⁻¹ = P_c·P_cᵀ. */
    public double[][][] precisionCholesky() {
        double[][][] out = new double[mixture.k][][];
        for (int c = 0; c < out.length; c++) out[c] = Matrices.square(mixture.covariance.precisionCholesky(c), mixture.d);
        return out;
    }

    /** P(level | component) for the categorical columns: [component][column][level]. */
    public double[][][] levelProbabilities() {
        int[] levels = mixture.levels();
        double[][][] out = new double[mixture.k][levels.length][];
        for (int c = 0; c < mixture.k; c++) {
            for (int j = 0; j < levels.length; j++) {
                out[c][j] = new double[levels[j]];
                for (int l = 0; l < levels[j]; l++) out[c][j][l] = mixture.levelProbability(c, j, l);
            }
        }
        return out;
    }

    /**
     * Free parameters: K−1 weights, K·d means, the covariances, and K·Σ(levels−1) categorical
     * probabilities; a noise component adds 2, its weight and its volume (mclust's count).
     */
    public long parameterCount() {
        return mixture.parameterCount();
    }

    // ---- how the fit went -------------------------------------------------------------------

    /**
     * Whether the chosen restart converged: the log-likelihood settled within the tolerance with
     * every component holding data ({@link #stopReason()} is {@link StopReason#CONVERGED}).
     */
    public boolean converged() {
        return stopReason == StopReason.CONVERGED;
    }

    /**
     * Why the chosen restart's EM run stopped: converged, out of iterations, settled with a
     * collapsed component no repair could help, or cancelled. Whatever the reason, the parameters
     * are an M-step's, never the state just after a repair.
     */
    public StopReason stopReason() {
        return stopReason;
    }

    /** EM iterations of the chosen restart. */
    public int iterations() {
        return iterations;
    }

    /** Whether a {@link FitListener} stopped the fit early. */
    public boolean cancelled() {
        return cancelled;
    }

    /** Every restart, in order: iterations, convergence, final and per-iteration log-likelihood. */
    public List<RestartSummary> restarts() {
        return restarts;
    }

    /** What the fit repaired (raised jitter, re-seeded components), in every restart. */
    public List<Repair> repairs() {
        return repairs;
    }

    /** Rows of the training data with nothing observed, which the fit ignored. */
    public int ignoredRows() {
        return ignoredRows;
    }

    /** The weighted log-likelihood of the training data at the final parameters. */
    public double logLikelihood() {
        return logLikelihood;
    }

    /** The training log-likelihood per unit of row weight (scikit-learn's {@code score}). */
    public double meanLogLikelihood() {
        return logLikelihood / totalWeight;
    }

    /** −2·logL + p·ln(N) on the training data, N the total row weight; lower is better. */
    public double bic() {
        return bic(logLikelihood, parameterCount(), totalWeight);
    }

    /** −2·logL + 2p on the training data; lower is better. */
    public double aic() {
        return aic(logLikelihood, parameterCount());
    }

    /**
     * The integrated completed likelihood on the training data, as Biernacki, Celeux and Govaert
     * (2000) and mclust define it, in this library's sign (lower is better): BIC plus twice the
     * log-loss of the rows' MAP labels, BIC + 2·Σ w_i·(−log max_c r_ic) ({@code -mclust::icl}). NaN
     * for a model read from a saved stream of format 1, which did not keep that loss.
     */
    public double icl() {
        return icl(logLikelihood, parameterCount(), totalWeight, mapLogLoss);
    }

    static double bic(double logLikelihood, long parameters, double weight) {
        return -2 * logLikelihood + parameters * Math.log(weight);
    }

    static double aic(double logLikelihood, long parameters) {
        return -2 * logLikelihood + 2 * parameters;
    }

    static double icl(double logLikelihood, long parameters, double weight, double mapLogLoss) {
        return bic(logLikelihood, parameters, weight) + 2 * mapLogLoss;
    }

    // ---- scoring ----------------------------------------------------------------------------

    /** The most probable component of a numeric row (NaN values are marginalised out); {@link #NOISE} for the noise. */
    public int predict(double[] x) {
        return predict(x, null);
    }

    /** The most probable component of a row with categorical codes ({@code -1} = missing); {@link #NOISE} for the noise. */
    public int predict(double[] x, int[] categories) {
        return label(posterior(x, categories));
    }

    /** P(component | row) for a numeric row: K entries, then the noise's if there is a noise component. */
    public double[] posterior(double[] x) {
        return posterior(x, null);
    }

    /** P(component | row) for a row with categorical codes: K entries, then the noise's if there is a noise component. */
    public double[] posterior(double[] x, int[] categories) {
        double[] out = new double[mixture.columns];
        mixture.posterior(checkedRow(x, categories), categories, out);
        return out;
    }

    /**
     * log p(x | component c) for each component (weights not included), then the noise's if there is
     * a noise component; NaN values are marginalised.
     */
    public double[] logComponentDensities(double[] x, int[] categories) {
        double[] out = new double[mixture.columns];
        mixture.logComponentDensities(checkedRow(x, categories), categories, out);
        return out;
    }

    /** log p(x): the log density of a numeric row (of its observed part). */
    public double logDensity(double[] x) {
        return logDensity(x, null);
    }

    /** log p(x, categories). */
    public double logDensity(double[] x, int[] categories) {
        return mixture.posterior(checkedRow(x, categories), categories, new double[mixture.columns]);
    }

    /** The most probable component of every row; {@link #NOISE} for the noise. */
    public int[] predict(Dataset data) {
        int[] labels = new int[data.size()];
        forEachRow(data, (i, logDensity, posterior) -> labels[i] = label(posterior));
        return labels;
    }

    /** P(component | row) for every row, the noise's last if there is a noise component. */
    public double[][] posterior(Dataset data) {
        double[][] out = new double[data.size()][];
        forEachRow(data, (i, logDensity, posterior) -> out[i] = posterior.clone());
        return out;
    }

    /** The log density of every row (0 for a row with nothing observed). */
    public double[] logDensity(Dataset data) {
        double[] out = new double[data.size()];
        forEachRow(data, (i, logDensity, posterior) -> out[i] = logDensity);
        return out;
    }

    /** Σ weight·log p(row). */
    public double logLikelihood(Dataset data) {
        return score(data).logLikelihood();
    }

    /** The log-likelihood per unit of row weight. */
    public double meanLogLikelihood(Dataset data) {
        Likelihood s = score(data);
        return s.logLikelihood() / s.weight();
    }

    /** BIC of this model on {@code data}; lower is better. */
    public double bic(Dataset data) {
        Likelihood s = score(data);
        return bic(s.logLikelihood(), parameterCount(), s.weight());
    }

    /** AIC of this model on {@code data}; lower is better. */
    public double aic(Dataset data) {
        return aic(score(data).logLikelihood(), parameterCount());
    }

    /** ICL of this model on {@code data} (BIC + 2·Σ w_i·(−log max_c r_ic), see {@link #icl()}); lower is better. */
    public double icl(Dataset data) {
        Likelihood s = score(data);
        return icl(s.logLikelihood(), parameterCount(), s.weight(), s.mapLogLoss());
    }

    /** Every row's log density and posterior to {@code visitor}, a block of rows at a time where it can (in no fixed order). */
    private void forEachRow(Dataset data, Mixture.RowVisitor visitor) {
        try (Parallel parallel = new Parallel(1)) {
            mixture.forEachRowInBlocks(checked(data), parallel, visitor);
        }
    }

    private Likelihood score(Dataset data) {
        try (Parallel parallel = new Parallel(1)) {
            return mixture.score(checked(data), parallel);
        }
    }

    /** Log-likelihood, MAP log-loss and weight of {@code data} under each of {@code models} (of the same columns), in one pass. */
    static Likelihood[] score(Dataset data, List<GaussianMixtureModel> models, Parallel parallel) {
        Table t = models.get(0).checked(data);
        Mixture[] mixtures = new Mixture[models.size()];
        for (int i = 0; i < mixtures.length; i++) mixtures[i] = models.get(i).mixture;
        return Mixture.score(t, mixtures, parallel);
    }

    /**
     * {@code other} parameters of the same data, as they are (no EM): scored on {@code training}, the
     * rows this model was fitted on, with this model's diagnostics (iterations, restarts, repairs).
     */
    GaussianMixtureModel withParameters(Mixture other, Dataset training, Parallel parallel) {
        Likelihood score = other.score(checked(training), parallel);
        return new GaussianMixtureModel(other, score.logLikelihood(), score.mapLogLoss(), totalWeight, iterations,
                stopReason, cancelled, ignoredRows, restarts, repairs, scale);
    }

    /**
     * Why this fit is singular (a likelihood spike on a few rows rather than a model), or null: see
     * {@link Mixture#singularity}; the floor is the larger of the fit's {@code regularization} and the
     * data's own covariance floor.
     */
    String singularity(double regularization, double[] dataCovariance) {
        return mixture.singularity(totalWeight, Math.max(regularization, scale.floor()), dataCovariance);
    }

    Mixture mixture() {
        return mixture;
    }

    double mapLogLoss() {
        return mapLogLoss;
    }

    /**
     * The conjugate prior this model was fitted under (MAP EM), with every value mclust's default
     * leaves out taken from the training data (for this K and covariance model); {@code null} when
     * it was fitted without one, and for a model read back from its saved form (the prior shapes the
     * fit, not the model). Its log-likelihood, BIC and ICL are the data's alone, as mclust's.
     */
    public ConjugatePrior prior() {
        return prior == null ? null : prior.resolved();
    }

    /** The resolved prior, for the M-steps of statistics taken under this model (null for none). */
    Prior enginePrior() {
        return prior;
    }

    DataScale scale() {
        return scale;
    }

    double totalWeight() {
        return totalWeight;
    }

    // ---- saved form -------------------------------------------------------------------------

    /**
     * Admits exactly what a saved model's stream holds, within limits that real models stay far
     * below, and rejects everything else; set it on the stream a model is read from:
     * {@code in.setObjectInputFilter(GaussianMixtureModel.SERIAL_FILTER)}. See {@link #serialFilter}.
     */
    public static final ObjectInputFilter SERIAL_FILTER = serialFilter();

    /**
     * {@link #SERIAL_FILTER} that also admits the given classes (exactly these, not their packages):
     * for reading a serializable class of one's own that holds a model.
     *
     * <p>The limits: graph depth 10 (a model needs 5), arrays of at most a million elements, and at
     * most 20 million objects: room for 1 000 components in 10 000 dimensions (one array per
     * covariance row) and a million repairs. The stream holds no collection, so no stream of nested
     * collections can keep a reader busy.
     *
     * @param alsoAllowed further classes the stream may name, each given by its class object
     * @return a filter for {@link java.io.ObjectInputStream#setObjectInputFilter}
     */
    public static ObjectInputFilter serialFilter(Class<?>... alsoAllowed) {
        StringBuilder pattern = new StringBuilder(SavedModel.FILTER_PATTERN);
        for (Class<?> c : alsoAllowed) pattern.append(';').append(c.getName());
        return ObjectInputFilter.Config.createFilter(pattern.append(";!*").toString());
    }

    /** Writes {@link SavedModel}'s plain values instead of the engine's internals. */
    @Serial
    private Object writeReplace() {
        return new SavedModel(this);
    }

    /** A stream that holds this class itself was not written by {@link #writeReplace}: refuse it. */
    @Serial
    private void readObject(ObjectInputStream in) throws InvalidObjectException {
        throw new InvalidObjectException("proxy required");
    }

    // ---- sampling ---------------------------------------------------------------------------

    /**
     * The most rows {@link #sample} draws: {@value}, the longest array a Java VM allocates (memory may
     * run out well before).
     */
    public static final int MAX_SAMPLE = Integer.MAX_VALUE - 8;

    /**
     * Draws {@code n} rows: a component by weight, then its Gaussian and its level probabilities. A
     * row of the noise component ({@link #NOISE} in {@link Sample#components()}) is drawn uniformly
     * from the box its volume is of, its categorical levels uniformly.
     *
     * @throws IllegalArgumentException when {@code n} is negative or above {@link #MAX_SAMPLE}
     */
    public Sample sample(int n, Random random) {
        if (n < 0) throw new IllegalArgumentException("Cannot draw " + n + " rows.");
        if (n > MAX_SAMPLE) {
            throw new IllegalArgumentException("Cannot draw " + n + " rows: at most " + MAX_SAMPLE
                    + " (the longest array a Java VM allocates).");
        }
        Objects.requireNonNull(random, "random");
        int k = mixture.k;
        int d = mixture.d;
        double[][] factors = new double[k][];
        for (int c = 0; c < k; c++) {
            double[] cov = mixture.covariance.matrix(c);
            factors[c] = new double[d * d];
            Cholesky.factorWithJitter(cov, d, factors[c], Double.MIN_NORMAL);
        }
        double[] weights = java.util.Arrays.copyOf(weights(), mixture.columns);
        if (hasNoise()) weights[k] = mixture.noiseWeight();
        double[][][] levels = levelProbabilities();
        int[] levelCounts = mixture.levels();
        double[][] rows = new double[n][d];
        int[][] categories = new int[n][];
        int[] components = new int[n];
        double[] z = new double[d];
        for (int i = 0; i < n; i++) {
            int c = draw(weights, random);
            if (c == k) {
                components[i] = NOISE;
                mixture.noise().draw(random, rows[i]);
                categories[i] = new int[levelCounts.length];
                for (int j = 0; j < levelCounts.length; j++) categories[i][j] = random.nextInt(levelCounts[j]);
                continue;
            }
            components[i] = c;
            for (int j = 0; j < d; j++) z[j] = random.nextGaussian();
            double[] mean = mixture.mean(c);
            for (int a = 0; a < d; a++) {
                double v = mean[a];
                for (int b = 0; b <= a; b++) v += factors[c][a * d + b] * z[b];
                rows[i][a] = v;
            }
            categories[i] = new int[levels[c].length];
            for (int j = 0; j < categories[i].length; j++) categories[i][j] = draw(levels[c][j], random);
        }
        return new Sample(rows, categories, components);
    }

    private static int draw(double[] probabilities, Random random) {
        double u = random.nextDouble();
        for (int i = 0; i < probabilities.length - 1; i++) {
            u -= probabilities[i];
            if (u < 0) return i;
        }
        return probabilities.length - 1;
    }

    /** The most probable component of a posterior; {@link #NOISE} when it is the noise. */
    private int label(double[] p) {
        int best = 0;
        for (int c = 1; c < p.length; c++) if (p[c] > p[best]) best = c;
        return best == mixture.k ? NOISE : best;
    }

    private double[] checkedRow(double[] x, int[] categories) {
        Objects.requireNonNull(x, "x");
        if (x.length != mixture.d) {
            throw new IllegalArgumentException("The row has " + x.length + " values but the model has " + mixture.d + " numeric columns.");
        }
        for (int j = 0; j < x.length; j++) {
            if (Double.isInfinite(x[j])) throw new IllegalArgumentException("Column " + j + " is " + x[j] + ": values must be finite (NaN = missing).");
        }
        int[] levels = mixture.levels();
        if (categories == null) return x;
        if (categories.length != levels.length) {
            throw new IllegalArgumentException("The row has " + categories.length + " categorical codes but the model has " + levels.length + " categorical columns.");
        }
        for (int j = 0; j < levels.length; j++) {
            if (categories[j] < -1 || categories[j] >= levels[j]) {
                throw new IllegalArgumentException("Categorical column " + j + " has code " + categories[j] + ": codes must be in [0, " + levels[j] + ") or -1.");
            }
        }
        return x;
    }

    Table checked(Dataset data) {
        Objects.requireNonNull(data, "data");
        Table t = data.table();
        if (t.d != mixture.d || !java.util.Arrays.equals(t.levels, mixture.levels())) {
            throw new IllegalArgumentException("The data have " + t.d + " numeric and " + t.c + " categorical columns; the model was fitted on "
                    + mixture.d + " and " + mixture.levels().length + " (with the same levels).");
        }
        return t;
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder();
        s.append(String.format("Gaussian mixture: %d components, %s covariance, %d numeric columns%n",
                mixture.k, covarianceType(), mixture.d));
        s.append(String.format("%s after %d iterations; log-likelihood %.6g (%.6g per row), BIC %.6g%n",
                cancelled ? "cancelled" : converged() ? "converged" : "not converged (" + stopReason + ")", iterations, logLikelihood,
                meanLogLikelihood(), bic()));
        double[][] means = means();
        for (int c = 0; c < mixture.k; c++) {
            s.append(String.format("  component %d: weight %.4f, mean %s%n", c, mixture.weight(c), java.util.Arrays.toString(means[c])));
        }
        if (hasNoise()) {
            s.append(String.format("  noise: weight %.4f, uniform over volume %.6g%n", mixture.noiseWeight(), noiseVolume()));
        }
        if (prior != null) {
            s.append(String.format("fitted under a conjugate prior (MAP EM): shrinkage %s, %s degrees of freedom%n",
                    prior.shrinkage(), prior.dof()));
        }
        if (!repairs.isEmpty()) s.append(repairs.size()).append(" repairs, first: ").append(repairs.get(0)).append('\n');
        return s.toString();
    }
}
