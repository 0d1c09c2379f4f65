// SPDX-License-Identifier: Apache-2.0
package gmm4j.spark;

import gmm4j.CovarianceType;
import gmm4j.Criterion;
import gmm4j.ModelSelection;
import org.apache.spark.ml.param.IntArrayParam;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.StringArrayParam;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.Identifiable$;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.Dataset;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * Model selection on Spark: fits every candidate — each K of {@code kRange} with each of
 * {@code covarianceTypes} — by EM on the DataFrame and keeps the best by {@code criterion} (BIC,
 * AIC or ICL, lower is better, as the core's {@link ModelSelection} scores them). All candidates
 * (and their restarts) advance together: each iteration is one pass over the rows, in which every
 * partition takes the statistics of every candidate that has not stopped (at most
 * {@code runsPerPass} EM runs per pass: their models and statistics are held together on each
 * executor); the M-steps run on the driver and a candidate that has stopped drops out. Each
 * candidate's fit is the one {@link GaussianMixture} (and the core's {@code fit}) finds with its K
 * and type from the same start.
 *
 * <p>The result is the chosen candidate's {@link GaussianMixtureModel}; its summary holds the
 * criterion and every candidate's score ({@link GaussianMixtureSummary#candidates()}), in grid
 * order. The rules are the core's ({@link ModelSelection#notFitted}, {@link ModelSelection#score},
 * {@link ModelSelection#best}): a candidate that cannot have the mass its covariance needs, or
 * under the prior one whose model mclust has no prior for, is not fitted; a singular fit has no
 * score. The directions in which the data vary, against which a fit is judged singular, are those
 * of the rows the start is computed from ({@code initSampleSize}).
 */
public final class GaussianMixtureSelection extends MixtureEstimator<GaussianMixtureSelection> {
    /** The default of {@code runsPerPass}. */
    public static final int DEFAULT_RUNS_PER_PASS = 64;

    private final IntArrayParam kRange;
    private final StringArrayParam covarianceTypes;
    private final Param<String> criterion;
    private final IntParam runsPerPass;

    /** A selection with the default params and a new uid. */
    public GaussianMixtureSelection() {
        this(Identifiable$.MODULE$.randomUID("gmm4j_GaussianMixtureSelection"));
    }

    /** A selection with the default params (Spark's readers call this). */
    public GaussianMixtureSelection(String uid) {
        super(uid);
        kRange = new IntArrayParam(this, "kRange", "the candidate numbers of components (each at least 1, at least one)",
                (scala.Function1<int[], Object> & Serializable) ks -> ks.length > 0 && Arrays.stream(ks).allMatch(k -> k >= 1));
        covarianceTypes = new StringArrayParam(this, "covarianceTypes", "the candidate covariance types, each one of "
                + Settings.covarianceNames() + " (any case; at least one)",
                (scala.Function1<String[], Object> & Serializable) names -> names.length > 0
                        && Arrays.stream(names).allMatch(n -> (Boolean) Settings.covarianceValidator().apply(n)));
        criterion = new Param<>(this, "criterion", "how candidates are ranked: bic, aic or icl (any case; lower is better)",
                (scala.Function1<String, Object> & Serializable) c -> c != null
                        && List.of("bic", "aic", "icl").contains(c.toLowerCase(Locale.ROOT)));
        runsPerPass = new IntParam(this, "runsPerPass", "the most EM runs (candidate × restart) advanced in one pass over"
                + " the rows (at least 1)", Settings.atLeastOne());
        setDefault(kRange, IntStream.rangeClosed(1, 10).toArray());
        setDefault(covarianceTypes, new String[]{Settings.name(gmm4j.FitSettings.DEFAULT_COVARIANCE)});
        setDefault(criterion, "bic");
        setDefault(runsPerPass, DEFAULT_RUNS_PER_PASS);
    }

    /** @return the candidate numbers of components */
    public IntArrayParam kRange() {
        return kRange;
    }

    /** @return the candidate covariance types */
    public StringArrayParam covarianceTypes() {
        return covarianceTypes;
    }

    /** @return the criterion's name */
    public Param<String> criterion() {
        return criterion;
    }

    /** @return the most EM runs advanced in one pass */
    public IntParam runsPerPass() {
        return runsPerPass;
    }

    /**
     * @param min the smallest candidate K, at least 1
     * @param max the largest, at least {@code min}
     * @return this
     */
    public GaussianMixtureSelection setKRange(int min, int max) {
        if (min < 1 || max < min) throw new IllegalArgumentException("kRange must satisfy 1 ≤ min ≤ max, not " + min + ".." + max + ".");
        return setKRange(IntStream.rangeClosed(min, max).toArray());
    }

    /**
     * @param values the candidate Ks, each at least 1
     * @return this
     */
    public GaussianMixtureSelection setKRange(int[] values) {
        set(kRange, values.clone());
        return this;
    }

    /**
     * @param values candidate {@link CovarianceType}s by name, mclust name or "diag", in any case
     * @return this
     */
    public GaussianMixtureSelection setCovarianceTypes(String... values) {
        set(covarianceTypes, values.clone());
        return this;
    }

    /**
     * @param value bic, aic or icl, in any case
     * @return this
     */
    public GaussianMixtureSelection setCriterion(String value) {
        set(criterion, value);
        return this;
    }

    /**
     * @param value the most EM runs (candidate × restart) advanced in one pass, at least 1
     * @return this
     */
    public GaussianMixtureSelection setRunsPerPass(int value) {
        set(runsPerPass, value);
        return this;
    }

    /**
     * The core's settings of every candidate, in grid order: covariance types outer, K inner.
     *
     * @throws IllegalArgumentException with {@code prior}, when a type has no prior in mclust (the
     *                                  fit leaves such candidates out)
     */
    public List<gmm4j.GaussianMixture> toCoreCandidates() {
        List<gmm4j.GaussianMixture> candidates = new ArrayList<>();
        for (String type : getOrDefault(covarianceTypes)) {
            for (int k : getOrDefault(kRange)) candidates.add(coreSettings(k, Settings.covariance(type)));
        }
        return candidates;
    }

    /**
     * Fits every candidate to the features column of {@code dataset} and returns the best, by the
     * core's rules ({@link ModelSelection#notFitted}, {@link ModelSelection#score}): a candidate whose
     * K components cannot all have the mass their covariance needs, or, under the prior, whose model
     * mclust has no prior for, is not fitted; a singular fit has no score.
     *
     * @throws IllegalArgumentException when a column is missing or of the wrong type, a row is bad
     *                                  (naming the column and the row's index), or no candidate can
     *                                  be scored (giving each one's reason)
     */
    @Override
    public GaussianMixtureModel fit(Dataset<?> dataset) {
        Criterion by = Criterion.valueOf(getOrDefault(criterion).toUpperCase(Locale.ROOT));
        CovarianceType[] types = Arrays.stream(getOrDefault(covarianceTypes)).map(Settings::covariance)
                .toArray(CovarianceType[]::new);
        try (Partitions partitions = partitions(dataset)) {
            int[] ks = Arrays.stream(getOrDefault(kRange)).filter(k -> k <= partitions.rows).toArray();
            if (ks.length == 0) {
                throw new IllegalArgumentException("Every candidate K exceeds the " + partitions.rows + " rows: nothing to fit.");
            }
            List<ModelSelection.Score> scores = new ArrayList<>(ModelSelection.notFitted(types, ks, partitions.d,
                    partitions.weight, coreSettings(1, CovarianceType.FULL)));
            List<gmm4j.GaussianMixture> candidates = new ArrayList<>();
            for (int i = 0; i < scores.size(); i++) { // grid order: types outer, K inner
                if (scores.get(i) == null) candidates.add(coreSettings(ks[i % ks.length], types[i / ks.length]));
            }
            List<DistributedEm.Result> results = candidates.isEmpty() ? List.of()
                    : new DistributedEm(start(), (Integer) getOrDefault(runsPerPass)).fit(partitions, candidates);
            // the directions in which the data vary, against which a candidate's components are judged singular
            double[] dataCovariance = results.isEmpty() ? null
                    : ModelSelection.dataCovariance(startRows(partitions));
            List<DistributedEm.Result> inGrid = new ArrayList<>();
            for (int i = 0, f = 0; i < scores.size(); i++) {
                DistributedEm.Result result = scores.get(i) == null ? results.get(f++) : null;
                inGrid.add(result);
                if (result != null) {
                    scores.set(i, ModelSelection.score(result.model(), by, (Double) getOrDefault(regularization()),
                            dataCovariance));
                }
            }
            int best = ModelSelection.best(scores);
            DistributedEm.Result chosen = inGrid.get(best);
            return model(chosen.model(), chosen.summary().selected(by, scores));
        }
    }

    /** @return a reader of saved selections */
    public static MLReader<GaussianMixtureSelection> read() {
        return new DefaultParamsReader<>();
    }

    /**
     * @param path where {@code save} wrote the selection
     * @return the selection saved there
     */
    public static GaussianMixtureSelection load(String path) {
        return read().load(path);
    }
}
