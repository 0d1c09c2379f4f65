// SPDX-License-Identifier: Apache-2.0
package gmm4j;

import gmm4j.internal.DataScale;
import gmm4j.internal.Mixture;
import gmm4j.internal.Parallel;
import gmm4j.internal.StartCache;
import gmm4j.internal.Likelihood;
import gmm4j.internal.Table;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;

/**
 * Chooses the number of components and the covariance type: fits every pair of a range of K and a
 * set of covariance types (in parallel), scores each by a {@link Criterion} and keeps the best.
 *
 * <pre>{@code
 * ModelSelection.Result result = ModelSelection.builder()
 *         .components(1, 8)
 *         .covariances(CovarianceType.values())
 *         .criterion(Criterion.BIC)
 *         .build()
 *         .select(data);
 * GaussianMixtureModel best = result.model();
 * }</pre>
 */
public final class ModelSelection {
    private final int[] components;
    private final CovarianceType[] covariances;
    private final Criterion criterion;
    private final int folds;
    private final GaussianMixture base;
    private final Consumer<Score> listener;
    private final IterationListener iterationListener;
    private final int screeningRows;

    /** Told every EM iteration of every candidate's fit, from worker threads (the candidates run in parallel). */
    @FunctionalInterface
    public interface IterationListener {
        void onIteration(int components, CovarianceType covariance, int restart, int iteration, double meanLogLikelihood);
    }

    /** The default size of the sample the candidates are fitted on (see {@link Builder#screeningRows}). */
    public static final int DEFAULT_SCREENING_ROWS = 5_000;
    /** The candidates' default start: mclust's model-based hierarchical agglomeration. */
    public static final Initialization DEFAULT_INIT = Initialization.HIERARCHICAL;

    private ModelSelection(Builder b) {
        this.components = b.components;
        this.covariances = b.covariances;
        this.criterion = b.criterion;
        this.folds = b.folds;
        this.base = b.base;
        this.listener = b.listener;
        this.iterationListener = b.iterationListener;
        this.screeningRows = b.screeningRows;
    }

    /**
     * @return a builder: K = 1..10, full covariance, BIC, 5 folds, the default fit settings but for
     *         the start, mclust's {@link Initialization#HIERARCHICAL} ({@link #DEFAULT_INIT})
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The score of one candidate. Information criteria are on the whole data; {@code crossValidation}
     * is NaN unless the criterion is {@link Criterion#CROSS_VALIDATION}.
     *
     * <p>A candidate may have <em>no score</em>, as mclust's NA: {@code unscored} then says why, and
     * the criteria and {@code value} are NaN. Either it was not fitted, because its components cannot
     * all have the responsibility mass their covariances need (K·(d+1) rows for full covariances; see
     * the user guide), or its fit is singular: a component has less mass than its covariance needs,
     * or a covariance at the regularisation floor in a direction where the data vary. Such a fit is
     * a spike of the likelihood on a few rows, not a model, and no criterion means anything there.
     *
     * @param components      the candidate's K
     * @param covariance      the candidate's covariance type
     * @param logLikelihood   its training log-likelihood
     * @param parameters      its number of free parameters
     * @param bic             its BIC on the training data
     * @param aic             its AIC on the training data
     * @param icl             its ICL on the training data
     * @param crossValidation −2 × its held-out log-likelihood summed over the folds, or NaN
     * @param value the value of the selection's criterion (lower is better); NaN when unscored
     * @param unscored why the candidate has no score, or null when it has one
     */
    public record Score(int components, CovarianceType covariance, double logLikelihood, long parameters,
                        double bic, double aic, double icl, double crossValidation, double value, String unscored)
            implements java.io.Serializable {
        @java.io.Serial
        private static final long serialVersionUID = 2L;

        /** @return whether the candidate has a score (it can be chosen) */
        public boolean scored() {
            return unscored == null;
        }

        /** The score of a candidate that has none: NaN criteria, {@code logLikelihood} NaN unless it was fitted. */
        static Score none(int components, CovarianceType covariance, double logLikelihood, long parameters, String why) {
            return new Score(components, covariance, logLikelihood, parameters, Double.NaN, Double.NaN, Double.NaN,
                    Double.NaN, Double.NaN, why);
        }
    }

    /**
     * What a selection found.
     *
     * @param criterion the criterion candidates were ranked by
     * @param scores every candidate's score, in grid order (types outer, K inner), unscored ones
     *               included; within a type, the scored candidates' log-likelihood never falls as K
     *               grows (to rounding): a fit below a smaller K's is warm-started from that fit with
     *               its heaviest component split in two, or else stood in for by that fit with the
     *               component duplicated (see the user guide)
     * @param best   the best of the scored candidates
     * @param model  the best candidate fitted on all the data
     * @param cancelled whether the selection was cancelled (see {@link ModelSelection#select}): then
     *                  {@code scores} are those of the candidates that finished, and {@code best} and
     *                  {@code model} the best of them, as fitted so far: with screening, on the sample
     *                  unless its fit on all the data had finished
     */
    public record Result(Criterion criterion, List<Score> scores, Score best, GaussianMixtureModel model,
                         boolean cancelled)
            implements java.io.Serializable {
        @java.io.Serial
        private static final long serialVersionUID = 1L;

        /** The scores as mclust's BIC table (see {@link ModelSelection#table}). */
        public String table() {
            return ModelSelection.table(scores, best);
        }

        /** The candidates' log-likelihoods in the same table (see {@link ModelSelection#logLikelihoodTable}). */
        public String logLikelihoodTable() {
            return ModelSelection.logLikelihoodTable(scores, best);
        }
    }

    /**
     * Scores as R mclust prints its BIC table: a row per K, a column per covariance model (mclust's
     * names in mclust's order, {@link CovarianceType#mclustModels()}), each cell the candidate's
     * criterion value ({@link Score#value()}: lower is better, whatever the criterion; mclust prints
     * BIC in the other sign, 2·logL − p·ln n, higher is better). The {@code best} candidate's cell is
     * marked {@code *}; a candidate without a score is {@code NA}, as in mclust, and the lines under
     * the table give each one's reason ({@code singular: …} or {@code not fitted: …}); a cell with no
     * candidate (a cancelled selection stopped before it) is {@code -}. Numbers have four decimals,
     * or are in scientific notation from 1e6 up, and every column is as wide as its widest cell.
     *
     * <p>Iris (its four measurements), K = 1..3 by BIC among EEE, VEV and VVV: VEV with K = 2, as
     * mclust's {@code Mclust(iris[, 1:4])} chooses, of BIC −561.7285 in mclust's sign.
     *
     * <pre>
     * K       EEE        VEV        VVV
     * 1  829.9782   829.9782   829.9782
     * 2  688.0972   561.7285*  574.0178
     * 3  633.8253   562.8099   580.8594
     * </pre>
     *
     * @param scores the candidates' scores, in any order
     * @param best   the chosen candidate, or null to mark none
     * @return the table, one line per K under a header line, each line ending in a newline
     */
    public static String table(List<Score> scores, Score best) {
        return ScoreTable.of(scores, best);
    }

    /**
     * The candidates' log-likelihoods laid out as {@link #table}: a row per K, a column per model, the
     * {@code best} marked {@code *}; a singular candidate shows the log-likelihood it reached, one
     * not fitted {@code NA}. Within a model the log-likelihood never falls as K grows.
     *
     * @param scores the candidates' scores, in any order
     * @param best   the chosen candidate, or null to mark none
     * @return the table, one line per K under a header line, each line ending in a newline
     */
    public static String logLikelihoodTable(List<Score> scores, Score best) {
        return ScoreTable.logLikelihoods(scores, best);
    }

    /**
     * Fits and scores every candidate; candidates with more components than distinct rows are left
     * out. A candidate whose K components cannot all have the responsibility mass their covariance
     * needs (K·(d+1) > the data's total weight for full covariances) is not fitted and has no score,
     * and neither has one whose fit is singular (see {@link Score}). On
     * data larger than the {@linkplain Builder#screeningRows screening sample}, the candidates are fitted
     * on that random sample and scored on all the data; the best, its neighbours and every candidate the
     * sample cannot rule out are then fitted on all the data (see {@link Builder#screeningRows}).
     *
     * <p>Cancelling: when the {@linkplain GaussianMixture#listener() settings' listener} returns
     * false for any candidate, the whole selection stops: the candidates under way stop at their next
     * chunk of rows, the others never start, and the result is {@linkplain Result#cancelled()
     * cancelled}, holding the candidates that had finished (scored as they were: with their sample
     * fits when screened and not yet fitted on all the data). When the calling thread is interrupted,
     * every candidate stops at its next chunk of rows and this throws a {@link CancellationException},
     * as {@link GaussianMixture#fit(Dataset)} does.
     *
     * <p>Failing: when a candidate's fit or a listener throws, the other candidates are cancelled
     * (those under way stop at their next chunk of rows) and, once they have stopped, that first
     * exception is rethrown as it was thrown.
     *
     * @throws CancellationException when the calling thread is interrupted, or when the selection is
     *                               cancelled before any candidate finished
     * @throws IllegalArgumentException when no candidate fits the data, or none has a score (the
     *                                  message gives each candidate's reason)
     */
    public Result select(Dataset data) {
        Objects.requireNonNull(data, "data");
        int[] feasible = Arrays.stream(components).filter(k -> data.table().hasDistinctRows(k)).toArray();
        if (feasible.length == 0) {
            throw new IllegalArgumentException("No candidate K in " + Arrays.toString(components)
                    + " fits: the data have fewer distinct rows than the smallest K.");
        }
        CandidateGrid grid = CandidateGrid.of(data, covariances, feasible, base.settings());
        List<CandidateGrid.Pair> pairs = grid.toFit();
        if (listener != null) grid.notFitted().forEach(listener);
        if (pairs.isEmpty()) throw unscorable(grid.notFitted());
        int[][] foldRows = criterion == Criterion.CROSS_VALIDATION ? CrossValidationFolds.rows(data, folds, base.seed()) : null;
        Dataset sample = screeningSample(data, pairs);
        StartCache starts = new StartCache();
        try (Parallel parallel = new Parallel(base.threads())) {
            // the directions in which the data vary, against which a candidate's components are judged singular
            double[] dataCovariance = DataScale.covariance(data.table(), parallel);
            List<Callable<Candidate>> jobs = new ArrayList<>();
            for (CandidateGrid.Pair pair : pairs) {
                jobs.add(() -> candidate(data, sample, pair.k(), pair.type(), foldRows, parallel, starts, dataCovariance));
            }
            List<Candidate> candidates = new ArrayList<>(parallel.all(jobs));
            if (parallel.cancelled()) return cancelled(candidates);
            if (sample != data) candidates = scoredOnAll(data, candidates, parallel, dataCovariance);
            try {
                raise(candidates, warmStarts(data, sample, parallel, dataCovariance), true);
                if (sample != data) candidates = fittedOnAllInDoubt(data, sample, pairs, candidates, parallel, dataCovariance);
            } catch (CancellationException e) {
                if (Thread.currentThread().isInterrupted()) throw e;
                return cancelled(candidates); // a listener stopped a warm start or a fit on all the rows
            }
            if (parallel.cancelled()) return cancelled(candidates);
            List<Score> scores = candidates.stream().map(Candidate::score).toList();
            int best = Screening.best(scores);
            if (best < 0) throw unscorable(grid.inOrder(scores));
            GaussianMixtureModel chosen = candidates.get(best).model;
            return new Result(criterion, grid.inOrder(scores), scores.get(best), chosen, chosen.cancelled());
        }
    }

    /**
     * After screening: the candidates {@link Screening} is in doubt about, fitted on all the rows as
     * {@code screeningRows(0)} fits them (their own start, their own warm starts among themselves),
     * round after round until no candidate is left in doubt; the others keep their screened scores,
     * raised by the duplicate alone where they fall below a smaller K fitted on all the rows. After a
     * cancelled round, the unfinished candidates keep their screened scores.
     */
    private List<Candidate> fittedOnAllInDoubt(Dataset data, Dataset sample, List<CandidateGrid.Pair> pairs,
                                               List<Candidate> screened, Parallel parallel, double[] dataCovariance) {
        Screening screening = new Screening(screened.stream().map(Candidate::score).toList(), data.totalWeight(),
                sample.totalWeight());
        Candidate[] full = new Candidate[screened.size()];
        StartCache starts = new StartCache(); // the sample's k-means centres are not those of all the rows
        SplitWarmStart.Fits onAll = warmStarts(data, data, parallel, dataCovariance);
        for (List<Integer> round = screening.first(); !round.isEmpty(); round = screening.inDoubt(scores(full))) {
            List<Callable<Candidate>> jobs = new ArrayList<>();
            for (int i : round) {
                CandidateGrid.Pair pair = pairs.get(i);
                jobs.add(() -> candidate(data, data, pair.k(), pair.type(), null, parallel, starts, dataCovariance));
            }
            List<Candidate> fitted = parallel.all(jobs);
            for (int j = 0; j < round.size(); j++) full[round.get(j)] = fitted.get(j);
            if (parallel.cancelled()) return merged(full, screened); // the caller returns them as cancelled
            List<Candidate> own = new ArrayList<>(Arrays.stream(full).filter(Objects::nonNull).toList());
            raise(own, onAll, true);
            for (int i = 0, j = 0; i < full.length; i++) if (full[i] != null) full[i] = own.get(j++);
        }
        List<Candidate> candidates = merged(full, screened);
        raise(candidates, onAll, false);
        return candidates;
    }

    /** The fits on all the rows where there are, else the screened ones. */
    private static List<Candidate> merged(Candidate[] full, List<Candidate> screened) {
        List<Candidate> merged = new ArrayList<>();
        for (int i = 0; i < full.length; i++) merged.add(full[i] != null ? full[i] : screened.get(i));
        return merged;
    }

    private static List<Score> scores(Candidate[] candidates) {
        return Arrays.stream(candidates).map(c -> c == null ? null : c.score()).toList();
    }

    private static IllegalArgumentException unscorable(List<Score> scores) {
        StringBuilder why = new StringBuilder("No candidate can be scored:");
        for (Score s : scores) {
            why.append(String.format(java.util.Locale.ROOT, "%n  K=%d %s: %s", s.components(), s.covariance(), s.unscored()));
        }
        return new IllegalArgumentException(why.append(String.format("%nUse fewer components, a simpler covariance type or more data."))
                .toString());
    }

    /** The result of a selection cancelled while its candidates ran: the best of those that finished. */
    private Result cancelled(List<Candidate> candidates) {
        List<Candidate> finished = candidates.stream().filter(Objects::nonNull).toList();
        if (finished.isEmpty()) {
            throw new CancellationException("The model selection was cancelled before any candidate was fitted.");
        }
        List<Score> scores = finished.stream().map(Candidate::score).toList();
        int best = Screening.best(scores);
        if (best < 0) throw unscorable(scores);
        return new Result(criterion, scores, scores.get(best), finished.get(best).model, true);
    }

    /** A fitted candidate and its score. */
    record Candidate(Score score, GaussianMixtureModel model) {
    }

    /** {@link SplitWarmStart#raise}, telling the listener the candidates it raised. */
    private void raise(List<Candidate> candidates, SplitWarmStart.Fits warmStarts, boolean splitting) {
        List<Candidate> own = List.copyOf(candidates);
        SplitWarmStart.raise(candidates, warmStarts, splitting);
        for (int i = 0; i < own.size(); i++) {
            if (listener != null && candidates.get(i) != own.get(i)) listener.accept(candidates.get(i).score);
        }
    }

    /** The warm starts of {@link SplitWarmStart}: fitted on {@code sample}, scored as the candidates were. */
    private SplitWarmStart.Fits warmStarts(Dataset data, Dataset sample, Parallel parallel, double[] dataCovariance) {
        return new SplitWarmStart.Fits() {
            @Override
            public Candidate fromStart(Mixture start, Score was) {
                GaussianMixtureModel model = finished(settings(start.k, start.covariance.type()).refine(sample, parallel, start),
                        parallel);
                return rescored(model, was);
            }

            @Override
            public Candidate asThey(GaussianMixtureModel base, Mixture parameters, Score was) {
                return rescored(base.withParameters(parameters, sample, parallel), was);
            }

            private Candidate rescored(GaussianMixtureModel model, Score was) {
                if (sample == data) {
                    return scored(model, model.logLikelihood(), model.mapLogLoss(), model.totalWeight(), was.crossValidation(),
                            false, dataCovariance);
                }
                Likelihood all = GaussianMixtureModel.score(data, List.of(model), parallel)[0];
                return scored(model, all.logLikelihood(), all.mapLogLoss(), all.weight(), Double.NaN, false, dataCovariance);
            }
        };
    }

    /**
     * The rows the candidates are fitted on: all of them, or a seeded uniform sample when the data
     * are more than twice the screening size (which grows to five rows per parameter of the largest
     * candidate, so that no candidate is fitted on too few, and to a tenth of the data: see
     * {@link Screening#sampleRows}).
     */
    private Dataset screeningSample(Dataset data, List<CandidateGrid.Pair> pairs) {
        if (criterion == Criterion.CROSS_VALIDATION || screeningRows == 0) return data;
        Table t = data.table();
        long largest = 0;
        for (CandidateGrid.Pair pair : pairs) largest = Math.max(largest, Mixture.parameterCount(pair.k(), t.d, pair.type(), t.levels, base.noise()));
        long rows = Screening.sampleRows(screeningRows, largest, t.n);
        if (2 * rows > t.n) return data;
        Dataset sample = Screening.sample(data, (int) rows, base.seed());
        return feasibleOn(sample, pairs) ? sample : data;
    }

    private static boolean feasibleOn(Dataset sample, List<CandidateGrid.Pair> pairs) {
        return sample.table().hasDistinctRows(pairs.stream().mapToInt(CandidateGrid.Pair::k).max().orElseThrow());
    }

    private GaussianMixture settings(int k, CovarianceType type) {
        GaussianMixture.Builder builder = base.toBuilder().components(k).covariance(type).start(null);
        if (iterationListener != null) {
            FitListener own = base.listener();
            builder.listener((restart, iteration, ll) -> {
                iterationListener.onIteration(k, type, restart, iteration, ll);
                return own == null || own.onIteration(restart, iteration, ll);
            });
        }
        return builder.build();
    }

    /** Candidate (k, type) fitted on {@code sample} and scored on it (or, for cross-validation, on {@code data}'s folds). */
    private Candidate candidate(Dataset data, Dataset sample, int k, CovarianceType type, int[][] foldRows,
                                Parallel parallel, StartCache starts, double[] dataCovariance) {
        GaussianMixture settings = settings(k, type);
        GaussianMixtureModel model = finished(settings.fit(sample, parallel, starts), parallel);
        double crossValidation = Double.NaN;
        if (foldRows != null) {
            crossValidation = 0;
            for (int f = 0; f < foldRows.length; f++) {
                Dataset test = data.select(foldRows[f]);
                Dataset train = data.select(CrossValidationFolds.complement(foldRows, f));
                if (!train.table().hasDistinctRows(k)) {
                    crossValidation = Double.NaN; // a fold too small for K: no score
                    break;
                }
                crossValidation += -2 * finished(settings.fit(train, parallel), parallel).logLikelihood(test);
            }
        }
        return scored(model, model.logLikelihood(), model.mapLogLoss(), model.totalWeight(), crossValidation, sample == data,
                dataCovariance);
    }

    /** {@code model}, unless its listener cancelled it: then the whole selection is cancelled. */
    private static GaussianMixtureModel finished(GaussianMixtureModel model, Parallel parallel) {
        if (!model.cancelled()) return model;
        parallel.cancel();
        throw new CancellationException("A candidate's listener cancelled the model selection.");
    }

    /** The candidates fitted on a sample, scored on all the data in one pass. */
    private List<Candidate> scoredOnAll(Dataset data, List<Candidate> screened, Parallel parallel, double[] dataCovariance) {
        List<GaussianMixtureModel> models = screened.stream().map(Candidate::model).toList();
        Likelihood[] all = GaussianMixtureModel.score(data, models, parallel);
        List<Candidate> candidates = new ArrayList<>();
        for (int i = 0; i < all.length; i++) {
            candidates.add(scored(models.get(i), all[i].logLikelihood(), all[i].mapLogLoss(), all[i].weight(), Double.NaN,
                    true, dataCovariance));
        }
        return candidates;
    }

    /**
     * The score of {@code model} given its log-likelihood, MAP log-loss and weight on all the data, or
     * none when its fit is singular; tells the listener if {@code tell}.
     */
    private Candidate scored(GaussianMixtureModel model, double logLikelihood, double mapLogLoss, double weight,
                             double crossValidation, boolean tell, double[] dataCovariance) {
        Score score = score(model, logLikelihood, mapLogLoss, weight, crossValidation, criterion, base.regularization(),
                dataCovariance);
        if (tell && listener != null) listener.accept(score);
        return new Candidate(score, model);
    }

    /** The score of {@code model} given its log-likelihood, MAP log-loss and weight on all the data, or none when its fit is singular. */
    private static Score score(GaussianMixtureModel model, double logLikelihood, double mapLogLoss, double weight,
                               double crossValidation, Criterion criterion, double regularization, double[] dataCovariance) {
        long p = model.parameterCount();
        String singular = model.singularity(regularization, dataCovariance);
        if (singular != null) {
            return Score.none(model.components(), model.covarianceType(), logLikelihood, p, "singular: " + singular);
        }
        if (criterion == Criterion.CROSS_VALIDATION && Double.isNaN(crossValidation)) {
            return Score.none(model.components(), model.covarianceType(), logLikelihood, p,
                    "a cross-validation training fold has fewer distinct rows than K");
        }
        double bic = GaussianMixtureModel.bic(logLikelihood, p, weight);
        double aic = GaussianMixtureModel.aic(logLikelihood, p);
        double icl = GaussianMixtureModel.icl(logLikelihood, p, weight, mapLogLoss);
        double value = switch (criterion) {
            case BIC -> bic;
            case AIC -> aic;
            case ICL -> icl;
            case CROSS_VALIDATION -> crossValidation;
        };
        return new Score(model.components(), model.covarianceType(), logLikelihood, p, bic, aic, icl, crossValidation,
                value, null);
    }

    // ---- for a selection run elsewhere (a distributed engine): the same rules ----------------------

    /**
     * The score a selection gives a candidate fitted elsewhere, on the rows it was fitted to (its
     * own {@link GaussianMixtureModel#bic()}, {@code aic()}, {@code icl()}): none when its fit is
     * singular (a component with less mass than its covariance needs, or a covariance at the floor
     * where the data vary; see {@link Score}), as {@link #select} scores its own candidates.
     *
     * @param fitted         the candidate's fit, with its diagnostics on all the rows
     * @param criterion      BIC, AIC or ICL
     * @param regularization the regularisation of the fit (the floor a covariance is judged against)
     * @param dataCovariance the data's covariance, row-major d×d ({@link #dataCovariance})
     * @throws IllegalArgumentException for cross-validation, or a covariance of another size
     */
    public static Score score(GaussianMixtureModel fitted, Criterion criterion, double regularization, double[] dataCovariance) {
        Objects.requireNonNull(fitted, "fitted");
        if (criterion == Criterion.CROSS_VALIDATION) {
            throw new IllegalArgumentException("A candidate fitted elsewhere is scored by BIC, AIC or ICL, not by cross-validation.");
        }
        if (dataCovariance.length != fitted.dimension() * fitted.dimension()) {
            throw new IllegalArgumentException("The data's covariance has " + dataCovariance.length + " entries; the model's "
                    + fitted.dimension() + " columns need " + fitted.dimension() * fitted.dimension() + ".");
        }
        return score(fitted, fitted.logLikelihood(), fitted.mapLogLoss(), fitted.totalWeight(), Double.NaN, criterion,
                regularization, dataCovariance);
    }

    /**
     * The weighted covariance of the rows, row-major d×d, missing values taken as their column's mean:
     * the directions in which the data vary, against which {@link #score(GaussianMixtureModel, Criterion,
     * double, double[])} judges a candidate's components.
     */
    public static double[] dataCovariance(Dataset data) {
        Objects.requireNonNull(data, "data");
        try (Parallel parallel = new Parallel(1)) {
            return DataScale.covariance(data.table(), parallel);
        }
    }

    /**
     * The candidate a selection chooses among {@code scores} (nulls skipped), as {@link #select}
     * chooses: the scored one of the lowest value, the first of equals.
     *
     * @return its index in {@code scores}
     * @throws IllegalArgumentException when no candidate has a score, giving each one's reason
     */
    public static int best(List<Score> scores) {
        int best = Screening.best(scores);
        if (best < 0) throw unscorable(scores.stream().filter(Objects::nonNull).toList());
        return best;
    }

    /**
     * The candidates of a grid ({@code types} outer, {@code ks} inner) that a selection leaves out
     * before any fit, as {@link #select} does: K components that cannot all have the mass their
     * covariance needs in the data's weight, and, under a prior, the models mclust has none for.
     *
     * @param d           the data's numeric columns
     * @param totalWeight the weight of the rows with something observed
     * @param base        the settings of every candidate (its noise and prior)
     * @return per candidate in grid order, null when it is fitted, otherwise its score: none, with the reason
     */
    public static List<Score> notFitted(CovarianceType[] types, int[] ks, int d, double totalWeight, GaussianMixture base) {
        return CandidateGrid.of(types, ks, d, new int[0], totalWeight, base.settings()).inOrder(null);
    }

    /** Settings of a {@link ModelSelection}. */
    public static final class Builder {
        private int[] components = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        private CovarianceType[] covariances = {FitSettings.DEFAULT_COVARIANCE};
        private Criterion criterion = Criterion.BIC;
        private int folds = 5;
        private GaussianMixture base = GaussianMixture.builder().init(DEFAULT_INIT).build();
        private Consumer<Score> listener;
        private IterationListener iterationListener;
        private int screeningRows = DEFAULT_SCREENING_ROWS;

        private Builder() {
        }

        /** Candidates K = min..max. */
        public Builder components(int min, int max) {
            if (min < 1 || max < min) throw new IllegalArgumentException("The K range must satisfy 1 ≤ min ≤ max, not " + min + ".." + max + ".");
            this.components = java.util.stream.IntStream.rangeClosed(min, max).toArray();
            return this;
        }

        /** Candidate covariance types (at least one). */
        public Builder covariances(CovarianceType... types) {
            if (types == null || types.length == 0) throw new IllegalArgumentException("Give at least one covariance type.");
            this.covariances = types.clone();
            return this;
        }

        /** How candidates are ranked (default {@link Criterion#BIC}). */
        public Builder criterion(Criterion criterion) {
            this.criterion = Objects.requireNonNull(criterion, "criterion");
            return this;
        }

        /** Folds for {@link Criterion#CROSS_VALIDATION}, at least 2. */
        public Builder folds(int folds) {
            if (folds < 2) throw new IllegalArgumentException("Cross-validation needs at least 2 folds, not " + folds + ".");
            this.folds = folds;
            return this;
        }

        /**
         * The fit settings every candidate uses (its K and covariance type are replaced). Their start is
         * theirs: {@link GaussianMixture}'s default is {@link Initialization#KMEANS}, so give
         * {@code .init(ModelSelection.DEFAULT_INIT)} to keep this selection's default start.
         */
        public Builder settings(GaussianMixture base) {
            this.base = Objects.requireNonNull(base, "settings");
            return this;
        }

        /**
         * Told each candidate's score as soon as it is known (from worker threads). With screening,
         * that is after the scoring pass over all the data, and each candidate then fitted on all the
         * data is told once more with that fit's score. A candidate that is not fitted is told at once
         * (without a score), and one that a warm start raised (see {@link Result#scores()}) is told again.
         */
        public Builder listener(Consumer<Score> listener) {
            this.listener = listener;
            return this;
        }

        /**
         * Told every EM iteration of every candidate fit, with the candidate's K and type.
         *
         * @param listener the listener, or null for none
         * @return this builder
         */
        public Builder iterationListener(IterationListener listener) {
            this.iterationListener = listener;
            return this;
        }

        /**
         * The size of the random sample the candidates are screened on when the data are larger
         * (default {@value #DEFAULT_SCREENING_ROWS}; it grows to five rows per free parameter of the
         * largest candidate, and to a tenth of the data). The candidates are fitted on the sample and
         * scored on all the data; then
         * fitted on all the data, exactly as with 0, are the best, the candidates of every type whose K
         * is within one of the best's, every candidate singular on the sample, and every candidate whose
         * screened score, less the most a fit on the sample can lose to one on all the rows ((n/m − 1)
         * times a χ² quantile of its parameter count), is below the best score fitted on all the rows —
         * round after round until no candidate is in doubt. So the choice is the one 0 makes (see the
         * user guide); the chosen model is a fit of all the data, and the scores of the candidates ruled
         * out are those of their sample fits. It applies when the data have more than twice as many rows,
         * never to {@link Criterion#CROSS_VALIDATION}; 0 fits every candidate on all the data.
         *
         * @param rows the sample size, or 0 for no screening
         * @return this builder
         */
        public Builder screeningRows(int rows) {
            if (rows < 0) throw new IllegalArgumentException("The screening sample needs 0 (none) or more rows, not " + rows + ".");
            this.screeningRows = rows;
            return this;
        }

        /** @return the model selection with these settings */
        public ModelSelection build() {
            return new ModelSelection(this);
        }
    }
}
