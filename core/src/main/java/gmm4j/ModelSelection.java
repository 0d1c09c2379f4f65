// SPDX-License-Identifier: Apache-2.0
package gmm4j;

import gmm4j.internal.Mixture;
import gmm4j.internal.Parallel;
import gmm4j.internal.StartCache;
import gmm4j.internal.Likelihood;
import gmm4j.internal.Table;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.SplittableRandom;
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
     *         the start, mclust's {@link Initialization#HIERARCHICAL}
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The score of one candidate. Information criteria are on the whole data; {@code crossValidation}
     * is NaN unless the criterion is {@link Criterion#CROSS_VALIDATION}.
     *
     * @param components      the candidate's K
     * @param covariance      the candidate's covariance type
     * @param logLikelihood   its training log-likelihood
     * @param parameters      its number of free parameters
     * @param bic             its BIC on the training data
     * @param aic             its AIC on the training data
     * @param icl             its ICL on the training data
     * @param crossValidation −2 × its held-out log-likelihood summed over the folds, or NaN
     * @param value the value of the selection's criterion (lower is better); +∞ for a candidate
     *              with more free parameters than the data's total weight, which is never chosen
     */
    public record Score(int components, CovarianceType covariance, double logLikelihood, long parameters,
                        double bic, double aic, double icl, double crossValidation, double value)
            implements java.io.Serializable {
        @java.io.Serial
        private static final long serialVersionUID = 1L;
    }

    /**
     * What a selection found.
     *
     * @param criterion the criterion candidates were ranked by
     * @param scores every candidate's score, in grid order (types outer, K inner)
     * @param best   the best score
     * @param model  the best candidate fitted on all the data
     * @param cancelled whether the selection was cancelled (see {@link ModelSelection#select}): then
     *                  {@code scores} are those of the candidates that finished, and {@code best} and
     *                  {@code model} the best of them, as fitted so far (or the refinement of the
     *                  best on all the data was stopped: its model is marked cancelled)
     */
    public record Result(Criterion criterion, List<Score> scores, Score best, GaussianMixtureModel model,
                         boolean cancelled)
            implements java.io.Serializable {
        @java.io.Serial
        private static final long serialVersionUID = 1L;
    }

    /**
     * Fits and scores every candidate; candidates with more components than distinct rows are left
     * out, and so are those with as many free parameters as the data's total weight or more (they
     * could never be chosen: the likelihood can grow without bound), which are not fitted at all. On
     * data larger than the {@linkplain Builder#screeningRows screening sample}, the candidates are fitted
     * on that random sample, scored on all the data, and the best is then refined by EM on all the data.
     *
     * <p>Cancelling: when the {@linkplain GaussianMixture#listener() settings' listener} returns
     * false for any candidate, the whole selection stops: the candidates under way stop at their next
     * chunk of rows, the others never start, and the result is {@linkplain Result#cancelled()
     * cancelled}, holding the candidates that had finished (scored as they were: on the screening
     * sample when there is one, not refined). When the calling thread is interrupted, every candidate
     * stops at its next chunk of rows and this throws a {@link CancellationException}, as
     * {@link GaussianMixture#fit(Dataset)} does.
     *
     * <p>Failing: when a candidate's fit or a listener throws, the other candidates are cancelled
     * (those under way stop at their next chunk of rows) and, once they have stopped, that first
     * exception is rethrown as it was thrown.
     *
     * @throws CancellationException when the calling thread is interrupted, or when the selection is
     *                               cancelled before any candidate finished
     */
    public Result select(Dataset data) {
        Objects.requireNonNull(data, "data");
        int[] feasible = Arrays.stream(components).filter(k -> data.table().hasDistinctRows(k)).toArray();
        if (feasible.length == 0) {
            throw new IllegalArgumentException("No candidate K in " + Arrays.toString(components)
                    + " fits: the data have fewer distinct rows than the smallest K.");
        }
        List<Pair> pairs = scorable(data, feasible);
        if (pairs.isEmpty()) throw unscorable(data);
        int[][] foldRows = criterion == Criterion.CROSS_VALIDATION ? foldRows(data) : null;
        Dataset sample = screeningSample(data, pairs);
        StartCache starts = new StartCache();
        try (Parallel parallel = new Parallel(base.threads())) {
            List<Callable<Candidate>> jobs = new ArrayList<>();
            for (Pair pair : pairs) jobs.add(() -> candidate(data, sample, pair.k, pair.type, foldRows, parallel, starts));
            List<Candidate> candidates = new ArrayList<>(parallel.all(jobs));
            if (parallel.cancelled()) return cancelled(candidates);
            if (sample != data) candidates = scoredOnAll(data, candidates, parallel);
            int best = best(candidates);
            if (candidates.get(best).score.value() == Double.POSITIVE_INFINITY) throw unscorable(data);
            if (sample != data) {
                GaussianMixtureModel screened = candidates.get(best).model;
                GaussianMixtureModel refined = settings(screened.components(), screened.covarianceType())
                        .refine(data, parallel, screened);
                candidates.set(best, scored(refined, refined.logLikelihood(), refined.entropy(), refined.totalWeight(),
                        Double.NaN, true));
            }
            List<Score> scores = candidates.stream().map(Candidate::score).toList();
            GaussianMixtureModel chosen = candidates.get(best).model;
            return new Result(criterion, scores, scores.get(best), chosen, chosen.cancelled());
        }
    }

    /** A candidate: K and the covariance type. */
    private record Pair(int k, CovarianceType type) {
    }

    /**
     * The candidates that can be chosen, in the order they are fitted (by type, then K): those with
     * fewer free parameters than the data's total weight. The others score +∞ whatever their fit, so
     * they are not fitted.
     */
    private List<Pair> scorable(Dataset data, int[] feasible) {
        Table t = data.table();
        List<Pair> pairs = new ArrayList<>();
        for (CovarianceType type : covariances) {
            for (int k : feasible) {
                if (Mixture.parameterCount(k, t.d, type, t.levels) < data.totalWeight()) pairs.add(new Pair(k, type));
            }
        }
        return pairs;
    }

    private IllegalArgumentException unscorable(Dataset data) {
        return new IllegalArgumentException("No candidate can be scored: each has more free parameters than the data's total weight "
                + data.totalWeight() + (criterion == Criterion.CROSS_VALIDATION ? " or a fold too small for its K" : "")
                + ". Use fewer components, a simpler covariance type or more data.");
    }

    /** The result of a selection cancelled while its candidates ran: the best of those that finished. */
    private Result cancelled(List<Candidate> candidates) {
        List<Candidate> finished = candidates.stream().filter(Objects::nonNull).toList();
        if (finished.isEmpty()) {
            throw new CancellationException("The model selection was cancelled before any candidate was fitted.");
        }
        int best = best(finished);
        List<Score> scores = finished.stream().map(Candidate::score).toList();
        return new Result(criterion, scores, scores.get(best), finished.get(best).model, true);
    }

    private record Candidate(Score score, GaussianMixtureModel model) {
    }

    private static int best(List<Candidate> candidates) {
        int best = 0;
        for (int i = 1; i < candidates.size(); i++) {
            if (candidates.get(i).score.value() < candidates.get(best).score.value()) best = i;
        }
        return best;
    }

    /**
     * The rows the candidates are fitted on: all of them, or a seeded uniform sample when the data
     * are more than twice the screening size (which grows to five rows per parameter of the largest
     * candidate, so that no candidate is fitted on too few).
     */
    private Dataset screeningSample(Dataset data, List<Pair> pairs) {
        if (criterion == Criterion.CROSS_VALIDATION || screeningRows == 0) return data;
        Table t = data.table();
        long largest = 0;
        for (Pair pair : pairs) largest = Math.max(largest, Mixture.parameterCount(pair.k, t.d, pair.type, t.levels));
        long rows = Math.max(screeningRows, 5 * largest);
        if (2 * rows > t.n) return data;
        int[] order = new int[t.n];
        for (int i = 0; i < t.n; i++) order[i] = i;
        SplittableRandom random = new SplittableRandom(base.seed());
        for (int i = 0; i < rows; i++) {
            int j = i + random.nextInt(t.n - i);
            int tmp = order[i];
            order[i] = order[j];
            order[j] = tmp;
        }
        int[] chosen = Arrays.copyOf(order, (int) rows);
        Arrays.sort(chosen);
        Dataset sample = data.select(chosen);
        return feasibleOn(sample, pairs) ? sample : data;
    }

    private static boolean feasibleOn(Dataset sample, List<Pair> pairs) {
        return sample.table().hasDistinctRows(pairs.stream().mapToInt(Pair::k).max().orElseThrow());
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
                                Parallel parallel, StartCache starts) {
        GaussianMixture settings = settings(k, type);
        GaussianMixtureModel model = finished(settings.fit(sample, parallel, starts), parallel);
        double crossValidation = Double.NaN;
        if (foldRows != null) {
            crossValidation = 0;
            for (int f = 0; f < foldRows.length; f++) {
                Dataset test = data.select(foldRows[f]);
                Dataset train = data.select(complement(foldRows, f));
                if (!train.table().hasDistinctRows(k)) {
                    crossValidation = Double.POSITIVE_INFINITY;
                    break;
                }
                crossValidation += -2 * finished(settings.fit(train, parallel), parallel).logLikelihood(test);
            }
        }
        return scored(model, model.logLikelihood(), model.entropy(), model.totalWeight(), crossValidation, sample == data);
    }

    /** {@code model}, unless its listener cancelled it: then the whole selection is cancelled. */
    private static GaussianMixtureModel finished(GaussianMixtureModel model, Parallel parallel) {
        if (!model.cancelled()) return model;
        parallel.cancel();
        throw new CancellationException("A candidate's listener cancelled the model selection.");
    }

    /** The candidates fitted on a sample, scored on all the data in one pass. */
    private List<Candidate> scoredOnAll(Dataset data, List<Candidate> screened, Parallel parallel) {
        List<GaussianMixtureModel> models = screened.stream().map(Candidate::model).toList();
        Likelihood[] all = GaussianMixtureModel.score(data, models, parallel);
        List<Candidate> candidates = new ArrayList<>();
        for (int i = 0; i < all.length; i++) {
            candidates.add(scored(models.get(i), all[i].logLikelihood(), all[i].entropy(), all[i].weight(), Double.NaN, true));
        }
        return candidates;
    }

    /** The score of {@code model} given its log-likelihood, entropy and weight on all the data; tells the listener if {@code tell}. */
    private Candidate scored(GaussianMixtureModel model, double logLikelihood, double entropy, double weight,
                             double crossValidation, boolean tell) {
        long p = model.parameterCount();
        double bic = GaussianMixtureModel.bic(logLikelihood, p, weight);
        double aic = GaussianMixtureModel.aic(logLikelihood, p);
        double icl = GaussianMixtureModel.icl(logLikelihood, p, weight, entropy);
        double value = switch (criterion) {
            case BIC -> bic;
            case AIC -> aic;
            case ICL -> icl;
            case CROSS_VALIDATION -> crossValidation;
        };
        // more parameters than data: the likelihood can grow without bound, so no criterion means anything
        if (p >= weight) value = Double.POSITIVE_INFINITY;
        Score score = new Score(model.components(), model.covarianceType(), logLikelihood, p, bic, aic, icl,
                crossValidation, value);
        if (tell && listener != null) listener.accept(score);
        return new Candidate(score, model);
    }

    /** The rows of each fold: a seeded shuffle dealt round-robin. */
    private int[][] foldRows(Dataset data) {
        int n = data.size();
        if (n < folds) throw new IllegalArgumentException("Cannot make " + folds + " folds from " + n + " rows.");
        int[] order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
        Random random = new Random(base.seed());
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int tmp = order[i];
            order[i] = order[j];
            order[j] = tmp;
        }
        int[][] rows = new int[folds][];
        for (int f = 0; f < folds; f++) {
            int size = n / folds + (f < n % folds ? 1 : 0);
            rows[f] = new int[size];
            for (int a = 0; a < size; a++) rows[f][a] = order[f + a * folds];
            Arrays.sort(rows[f]);
        }
        return rows;
    }

    private static int[] complement(int[][] foldRows, int skip) {
        int size = 0;
        for (int f = 0; f < foldRows.length; f++) if (f != skip) size += foldRows[f].length;
        int[] rows = new int[size];
        int a = 0;
        for (int f = 0; f < foldRows.length; f++) {
            if (f == skip) continue;
            System.arraycopy(foldRows[f], 0, rows, a, foldRows[f].length);
            a += foldRows[f].length;
        }
        Arrays.sort(rows);
        return rows;
    }

    /** Settings of a {@link ModelSelection}. */
    public static final class Builder {
        private int[] components = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        private CovarianceType[] covariances = {FitSettings.DEFAULT_COVARIANCE};
        private Criterion criterion = Criterion.BIC;
        private int folds = 5;
        private GaussianMixture base = GaussianMixture.builder().init(Initialization.HIERARCHICAL).build();
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
         * {@code .init(Initialization.HIERARCHICAL)} to keep this selection's default start.
         */
        public Builder settings(GaussianMixture base) {
            this.base = Objects.requireNonNull(base, "settings");
            return this;
        }

        /**
         * Told each candidate's score as soon as it is known (from worker threads). With screening,
         * that is after the scoring pass over all the data, and the winner is told once more with
         * its score after the refinement.
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
         * The size of the random sample the candidates are fitted on when the data are larger
         * (default {@value #DEFAULT_SCREENING_ROWS}; it grows to five rows per free parameter of the
         * largest candidate). The candidates are scored on all the data and the best one is refined by
         * EM on all of them, so the chosen model is a fit of all the data; the other candidates are scored
         * with their sample-fitted parameters. It applies when the data have more than twice as many rows,
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
