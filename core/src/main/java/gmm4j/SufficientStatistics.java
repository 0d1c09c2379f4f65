// SPDX-License-Identifier: Apache-2.0
package gmm4j;

import gmm4j.internal.DataScale;
import gmm4j.internal.MStep;
import gmm4j.internal.Parallel;
import gmm4j.internal.Prior;
import gmm4j.internal.Restarts;
import gmm4j.internal.Statistics;
import gmm4j.internal.Table;

import java.io.Serial;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The sufficient statistics of one E-step of a model over some rows: what an EM iteration needs
 * of the data, so that the rows can be anywhere. Take them of each part of the data
 * ({@link #of}), merge them ({@link #merge}) and take the M-step ({@link #estimate}): that is one
 * EM iteration of the whole data, as a distributed engine runs it.
 *
 * <pre>{@code
 * GaussianMixture settings = GaussianMixture.builder().components(3).build();
 * GaussianMixtureModel model = settings.initialize(sample);          // the start fit would use
 * for (int iteration = 0; iteration < 100; iteration++) {
 *     SufficientStatistics total = null;
 *     for (Dataset part : parts) {                                     // on each machine
 *         SufficientStatistics s = SufficientStatistics.of(model, part);
 *         total = total == null ? s : total.merge(s);
 *     }
 *     model = total.estimate(settings);
 * }
 * }</pre>
 *
 * <h2>Reproducibility</h2>
 * Floating-point sums depend on their order, so the merged statistics do on how the rows were cut
 * and merged: to 1e-12 relative or better, but not to the bit. A distributed fit is deterministic
 * when the parts and the order of the merges are fixed: cut the rows at fixed places and merge the
 * parts' statistics along a fixed tree ({@link #mergeAll}), never in the order the parts finish. It
 * is the same to the bit as {@link GaussianMixture#fit} (with one iteration, from the same start)
 * when the parts are the nodes of the engine's own tree: the engine cuts n rows into chunks of
 * {@value #CHUNK_ROWS} and merges their statistics along a binary tree that halves the range of
 * chunks {@code [lo, hi)} at {@code (lo + hi) / 2}; {@link #treeCuts} gives the rows where the
 * nodes of one depth begin, and {@link #mergeAll} merges the parts along the same tree.
 *
 * <p>Serializable, to travel between machines (between the same version of gmm4j); immutable.
 */
public final class SufficientStatistics implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    /** The rows of a chunk: the engine's unit of work and of its merge tree. */
    public static final int CHUNK_ROWS = Parallel.CHUNK_ROWS;

    private final Statistics statistics;
    private final CovarianceType type;
    private final int[] levels;
    private final DataScale scale;
    private final long ignoredRows;
    /** The prior of the model the statistics were taken under, resolved on its data; null for none. */
    private final Prior prior;
    /** Whether these are a final score's ({@link #scoreOf}): no moments, no M-step. */
    private final boolean scoreOnly;

    private SufficientStatistics(Statistics statistics, CovarianceType type, int[] levels, DataScale scale,
                                 long ignoredRows, Prior prior, boolean scoreOnly) {
        this.prior = prior;
        this.scoreOnly = scoreOnly;
        this.statistics = statistics;
        this.type = type;
        this.levels = levels;
        this.scale = scale;
        this.ignoredRows = ignoredRows;
    }

    /**
     * One E-step of {@code model} over {@code rows}, in the calling thread.
     *
     * @throws IllegalArgumentException when the rows have other columns than the model
     */
    public static SufficientStatistics of(GaussianMixtureModel model, Dataset rows) {
        return pass(model, rows, false);
    }

    /**
     * The final pass over {@code rows} under a fitted {@code model}, in the calling thread: the
     * log-likelihood and weight of {@link #of}, the rows' MAP log-loss ({@link #mapLogLoss()}, what
     * ICL needs) and how many rows each component is the most probable for ({@link #mapLabels()}),
     * without the moments of an M-step — cheaper than {@link #of}. Such statistics merge with each
     * other's and give {@link #fitted}, not {@link #estimate}.
     *
     * @throws IllegalArgumentException when the rows have other columns than the model
     */
    public static SufficientStatistics scoreOf(GaussianMixtureModel model, Dataset rows) {
        return pass(model, rows, true);
    }

    /** One pass under {@code model} over {@code rows} in the calling thread: an E-step's statistics, or a final score's. */
    private static SufficientStatistics pass(GaussianMixtureModel model, Dataset rows, boolean scoreOnly) {
        Objects.requireNonNull(model, "model");
        Table t = model.checked(rows);
        Statistics statistics;
        try (Parallel parallel = new Parallel(1)) {
            statistics = scoreOnly ? model.mixture().scoredStatistics(t, parallel) : model.mixture().statistics(t, parallel);
        }
        return new SufficientStatistics(statistics, model.covarianceType(), t.levels, model.scale(), t.emptyRows,
                model.enginePrior(), scoreOnly);
    }

    /**
     * The statistics of this part's rows and then {@code other}'s (a new value; neither changes).
     * Associative up to rounding; see the class comment for a merge that is reproducible to the bit.
     *
     * @throws IllegalArgumentException when the two were taken under different models
     */
    public SufficientStatistics merge(SufficientStatistics other) {
        Objects.requireNonNull(other, "other");
        if (other.scoreOnly != scoreOnly) {
            throw new IllegalArgumentException("Cannot merge a final score's statistics (scoreOf) with an E-step's (of).");
        }
        if (other.type != type || !java.util.Arrays.equals(other.levels, levels)) {
            throw new IllegalArgumentException("Cannot merge statistics of a " + other.type + " model into those of a "
                    + type + " model: take every part's statistics under the same model.");
        }
        Statistics merged = statistics.copy().merge(other.statistics);
        merged.score().forgetWorstRowIndex();
        return new SufficientStatistics(merged, type, levels, scale, ignoredRows + other.ignoredRows, prior, scoreOnly);
    }

    /**
     * The statistics of {@code parts} (in row order) merged along the engine's binary tree: the list
     * is halved at {@code size / 2} until single parts remain. Whatever order the parts were
     * computed in, the result is the same to the bit.
     *
     * @throws IllegalArgumentException when {@code parts} is empty
     */
    public static SufficientStatistics mergeAll(List<SufficientStatistics> parts) {
        Objects.requireNonNull(parts, "parts");
        if (parts.isEmpty()) throw new IllegalArgumentException("No statistics to merge: give at least one part.");
        return mergeAll(parts, 0, parts.size());
    }

    private static SufficientStatistics mergeAll(List<SufficientStatistics> parts, int from, int to) {
        if (to - from == 1) return Objects.requireNonNull(parts.get(from), "part " + from);
        int middle = (from + to) >>> 1;
        return mergeAll(parts, from, middle).merge(mergeAll(parts, middle, to));
    }

    /**
     * Where the nodes of the engine's merge tree at {@code depth} begin, for {@code rows} rows: the
     * first row of each of the (up to) 2^depth parts, then {@code rows}. Parts cut there, their
     * statistics merged by {@link #mergeAll}, give the statistics of all the rows to the bit. Fewer
     * parts come back when there are fewer chunks than 2^depth.
     *
     * @throws IllegalArgumentException when {@code rows} is not positive or {@code depth} not in [0, 30]
     */
    public static int[] treeCuts(int rows, int depth) {
        if (rows <= 0) throw new IllegalArgumentException("rows must be positive, not " + rows + ".");
        if (depth < 0 || depth > 30) throw new IllegalArgumentException("depth must be in [0, 30], not " + depth + ".");
        int chunks = (rows + CHUNK_ROWS - 1) / CHUNK_ROWS;
        List<Integer> cuts = new ArrayList<>();
        addCuts(0, chunks, depth, cuts);
        int[] out = new int[cuts.size() + 1];
        for (int i = 0; i < cuts.size(); i++) out[i] = cuts.get(i) * CHUNK_ROWS;
        out[cuts.size()] = rows;
        return out;
    }

    private static void addCuts(int lo, int hi, int depth, List<Integer> cuts) {
        if (depth == 0 || hi - lo == 1) {
            cuts.add(lo);
            return;
        }
        int middle = (lo + hi) >>> 1;
        addCuts(lo, middle, depth - 1, cuts);
        addCuts(middle, hi, depth - 1, cuts);
    }

    /** Σ weight·log p(row) under the model the statistics were taken under. */
    public double logLikelihood() {
        return statistics.score().logLikelihood();
    }

    /** The total weight of the rows with something observed. */
    public double totalWeight() {
        return statistics.score().weight();
    }

    /**
     * Σ w·(−log max τ) over the rows, their posteriors' MAP log-loss (what {@link #fitted} needs for
     * ICL); only statistics of {@link #scoreOf} compute it, others give 0.
     */
    public double mapLogLoss() {
        return statistics.score().mapLogLoss();
    }

    /**
     * How many rows of positive weight and something observed each component is the most probable
     * for (the first of equals), the noise last when the model has one; only statistics of
     * {@link #scoreOf} count them, others give null.
     */
    public long[] mapLabels() {
        return statistics.score().mapLabels();
    }

    /** The covariance type of the model the statistics were taken under. */
    public CovarianceType covarianceType() {
        return type;
    }

    /**
     * The M-step: the model whose parameters maximise the expected log-likelihood of these
     * statistics, with the covariance type and regularisation of {@code settings}, and a collapsed
     * component re-seeded as {@link GaussianMixture#fit} does (the places a run has re-seeded at
     * travel with the model, so that it never re-seeds twice at one place). Unlike a fit's last
     * iteration, which never repairs, this M-step is followed by the caller's next iteration, so it
     * does repair: a loop that stops here after a re-seed ({@link GaussianMixtureModel#repairs()}
     * holds a {@link Repair.Kind#COMPONENT_RESEEDED}) should take one more iteration. Its diagnostics
     * are those of this one iteration: one iteration, not converged ({@link StopReason#COMPONENT_COLLAPSED}
     * when a collapsed component could not be repaired, {@link StopReason#MAX_ITERATIONS} otherwise),
     * and the log-likelihood of the rows under the model the statistics were taken under (score the
     * rows again for the new parameters' own, and for their ICL).
     *
     * <p>With a prior in the settings the M-step is MAP EM's, under the prior of the model the
     * statistics were taken under: its values left to mclust's defaults (column means, the data's
     * covariance) were taken once, from the data given to {@link GaussianMixture#initialize} (or
     * {@link GaussianMixture#fit}) with the same prior — give it the whole data, or a sample that
     * represents it — and travel with every model and statistics of the run.
     *
     * @throws IllegalArgumentException when the settings' covariance type needs other statistics
     *                                  (take them under a model of that type; a diagonal model's
     *                                  also serve a spherical M-step, not the reverse), or the settings have
     *                                  a prior and the model the statistics were taken under was not
     *                                  made under the same one
     * @throws IllegalStateException    when these are a final score's statistics ({@link #scoreOf})
     */
    public GaussianMixtureModel estimate(GaussianMixture settings) {
        Objects.requireNonNull(settings, "settings");
        if (scoreOnly) {
            throw new IllegalStateException("These statistics are a final score's (scoreOf), without the moments of an "
                    + "M-step: take them with SufficientStatistics.of.");
        }
        Prior under = null;
        if (settings.prior() != null) {
            if (prior == null || !prior.from().equals(settings.prior())) {
                throw new IllegalArgumentException("The settings have the prior " + settings.prior() + " but these "
                        + "statistics were taken under a model made " + (prior == null ? "without one" : "under "
                        + prior.from()) + ": start the run with GaussianMixture.initialize under these settings "
                        + "(its data give the prior's defaults).");
            }
            under = prior;
        }
        List<Repair> repairs = new ArrayList<>();
        MStep.Result next = MStep.of(statistics, settings.covariance(), settings.regularization(), under, scale, levels,
                new Restarts.Repairs(0, repairs).at(1), true);
        double mean = statistics.score().meanLogLikelihood();
        StopReason reason = next.collapsed() ? StopReason.COMPONENT_COLLAPSED : StopReason.MAX_ITERATIONS;
        RestartSummary summary = new RestartSummary(0, 1, false, mean, new double[]{mean}, reason);
        Restarts.Result result = new Restarts.Result(next.mixture(), statistics.score(), 1, reason, false,
                List.of(summary), List.copyOf(repairs), scale, under);
        return new GaussianMixtureModel(result, totalWeight(), Math.toIntExact(ignoredRows));
    }

    /**
     * The result of a whole EM fit that ended at {@code model}, for a loop that runs the iterations
     * itself ({@link #estimate} per iteration) and wants to hand back what {@link GaussianMixture#fit}
     * returns: {@code model}'s parameters, with the log-likelihood, total weight and ignored rows of
     * these statistics — which must be taken under {@code model} itself, after the last M-step — and
     * the loop's own account of the fit. {@code mapLogLoss} is the rows' weighted MAP log-loss under
     * {@code model}, −Σ w·log max τ (the hard labels' share of the complete-data likelihood), which
     * {@link GaussianMixtureModel#icl()} adds to BIC twice (the E-step of these statistics does not
     * compute it).
     *
     * @param model      the fitted parameters, the model these statistics were taken under
     * @param mapLogLoss the rows' weighted MAP log-loss under {@code model} (finite, not negative)
     * @param iterations the EM iterations of the kept restart (at least 1)
     * @param stopReason why the kept restart stopped
     * @param restarts   every restart, in order
     * @param repairs    what the fit repaired, in every restart
     * @return the fitted model with these diagnostics
     * @throws IllegalArgumentException when {@code model} is of another covariance type than the
     *                                  statistics, or a number is out of range
     */
    public GaussianMixtureModel fitted(GaussianMixtureModel model, double mapLogLoss, int iterations, StopReason stopReason,
                                       List<RestartSummary> restarts, List<Repair> repairs) {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(stopReason, "stopReason");
        if (model.covarianceType() != type) {
            throw new IllegalArgumentException("These statistics were taken under a " + type + " model, not a "
                    + model.covarianceType() + " one: take them under the fitted model.");
        }
        if (!(mapLogLoss >= 0) || Double.isInfinite(mapLogLoss)) {
            throw new IllegalArgumentException("mapLogLoss must be finite and not negative, not " + mapLogLoss + ".");
        }
        if (iterations < 1) throw new IllegalArgumentException("iterations must be at least 1, not " + iterations + ".");
        return new GaussianMixtureModel(model.mixture(), logLikelihood(), mapLogLoss, totalWeight(), iterations, stopReason,
                stopReason == StopReason.CANCELLED, Math.toIntExact(ignoredRows), List.copyOf(restarts),
                List.copyOf(repairs), model.scale(), model.enginePrior());
    }
}
