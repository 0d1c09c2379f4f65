// SPDX-License-Identifier: Apache-2.0
package gmm4j.smile;

import gmm4j.ConjugatePrior;
import gmm4j.CovarianceType;
import gmm4j.Criterion;
import gmm4j.Dataset;
import gmm4j.FitSettings;
import gmm4j.GaussianMixture;
import gmm4j.GaussianMixtureModel;
import gmm4j.Initialization;
import gmm4j.ModelSelection;
import smile.clustering.Clustering;
import smile.clustering.Partitioning;
import smile.data.DataFrame;
import smile.math.MathEx;
import smile.util.AlgoStatus;
import smile.util.IterativeAlgorithmController;

import java.io.ObjectInputFilter;
import java.io.Serial;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Properties;

/**
 * A Gaussian mixture fitted by EM with the gmm4j engine, as a Smile clustering model: a
 * {@link Partitioning} of the training data (each row labelled with its most probable component)
 * that also predicts, gives posterior probabilities and densities for new rows.
 *
 * <pre>{@code
 * MathEx.setSeed(42);                                       // the default seed comes from Smile's generator
 * var model = Clustering.run(10, () -> GaussianMixtureClustering.fit(data, 3));
 * int[] labels = model.group();
 * double[] posteriori = new double[model.k()];
 * int label = model.predict(x, posteriori);
 * }</pre>
 *
 * <p>Unlike Smile's own {@code MultivariateGaussianMixture}, EM runs until the log-likelihood
 * settles (Smile's stops after one iteration when the log-likelihood is negative), with full,
 * tied, diagonal or spherical covariances, restarts, and missing values ({@code NaN}) marginalised
 * rather than rejected.
 *
 * <p>The natural order is by decreasing training log-likelihood (EM's objective), so
 * {@link Clustering#run(int, java.util.function.Supplier)} keeps the best of several fits, as it
 * keeps the k-means fit of least distortion. It is meant for fits of the same data and is not
 * consistent with {@code equals}.
 *
 * <p>With {@link Options#noise()} the mixture has a noise component (mclust's: a uniform density
 * over the data's hypervolume, for outliers): a row it explains best is labelled
 * {@link Clustering#OUTLIER}, in {@link #group()} and by {@link #predict(double[])}, and posteriors
 * have {@code k() + 1} entries, the noise last.
 *
 * <p>The serialized form holds only this class, {@link Partitioning} and the core
 * {@link GaussianMixtureModel}'s saved form (plain arrays, no Smile matrix type, no engine class),
 * so a model written with one Smile version reads back with another. Smile 6.1+
 * {@code smile.io.Read.object(Path)} admits only Smile's own classes; read with
 * {@code Read.object(path, GaussianMixtureClustering.SERIAL_FILTER)}.
 */
public class GaussianMixtureClustering extends Partitioning implements Comparable<GaussianMixtureClustering> {
    @Serial
    private static final long serialVersionUID = 1L;

    /**
     * Admits exactly what a saved clustering's stream holds — this class, Smile's {@link Partitioning}
     * and {@link GaussianMixtureModel#SERIAL_FILTER}'s classes, within its limits — and rejects
     * everything else: for Smile 6.1+ {@code Read.object(path, SERIAL_FILTER)}, or
     * {@link java.io.ObjectInputStream#setObjectInputFilter}.
     */
    public static final ObjectInputFilter SERIAL_FILTER =
            GaussianMixtureModel.serialFilter(GaussianMixtureClustering.class, Partitioning.class);

    /** The fitted engine model: parameters, diagnostics, scoring. */
    private final GaussianMixtureModel model;

    /**
     * Wraps a fitted core model with the labels of its training rows.
     *
     * @param model the fitted model
     * @param group the label of each training row ({@link Clustering#OUTLIER} for a row with no observed value,
     *              or one the noise component explains best)
     * @throws IllegalArgumentException when a label is neither a component nor {@link Clustering#OUTLIER}
     */
    public GaussianMixtureClustering(GaussianMixtureModel model, int[] group) {
        super(Objects.requireNonNull(model, "model").components(), checkedLabels(group, model.components()));
        this.model = model;
    }

    private static int[] checkedLabels(int[] group, int k) {
        Objects.requireNonNull(group, "group");
        for (int i = 0; i < group.length; i++) {
            if ((group[i] < 0 || group[i] >= k) && group[i] != Clustering.OUTLIER) {
                throw new IllegalArgumentException("Row " + i + " has label " + group[i] + ": labels must be in [0, "
                        + k + ") or Clustering.OUTLIER.");
            }
        }
        return group;
    }

    // ---- fitting --------------------------------------------------------------------------------

    /**
     * Fits a mixture of {@code k} full-covariance Gaussians with the default options and a seed drawn
     * from Smile's random generator ({@link MathEx#setSeed(long)} makes it reproducible).
     */
    public static GaussianMixtureClustering fit(double[][] data, int k) {
        return fit(data, new Options(k));
    }

    /** Fits a mixture of {@code k} Gaussians with at most {@code maxIter} EM iterations. */
    public static GaussianMixtureClustering fit(double[][] data, int k, int maxIter) {
        return fit(data, new Options(k, maxIter));
    }

    /**
     * Fits a mixture with these options.
     *
     * @param data rows of the same length; {@code NaN} marks a missing value
     * @throws IllegalArgumentException when the data are empty, ragged, hold infinities, or have
     *                                  fewer distinct rows than {@code k}
     */
    public static GaussianMixtureClustering fit(double[][] data, Options options) {
        Objects.requireNonNull(options, "options");
        Dataset dataset = Dataset.of(Objects.requireNonNull(data, "data"));
        return of(options.toGaussianMixture().fit(dataset), dataset);
    }

    /**
     * Fits a mixture of {@code k} full-covariance Gaussians to single-precision rows, as Smile 6's
     * {@code KMeans.fit(float[][], ...)} does: the values are widened to {@code double} exactly, so
     * the model is the one {@link #fit(double[][], int)} fits to the same values.
     */
    public static GaussianMixtureClustering fit(float[][] data, int k) {
        return fit(data, new Options(k));
    }

    /**
     * Fits a mixture with these options to single-precision rows (widened to {@code double}
     * exactly; {@code NaN} marks a missing value).
     *
     * @throws IllegalArgumentException as {@link #fit(double[][], Options)}
     */
    public static GaussianMixtureClustering fit(float[][] data, Options options) {
        Objects.requireNonNull(data, "data");
        double[][] rows = new double[data.length][];
        for (int i = 0; i < data.length; i++) rows[i] = widened(Objects.requireNonNull(data[i], "data row"));
        return fit(rows, options);
    }

    /** A single-precision row as doubles: every float is a double, so no value changes. */
    private static double[] widened(float[] row) {
        double[] x = new double[row.length];
        for (int j = 0; j < row.length; j++) x[j] = row[j];
        return x;
    }

    /**
     * Fits the numeric {@code columns} of a data frame (all columns when none are named); missing
     * values (nulls) are marginalised.
     *
     * @throws IllegalArgumentException naming a column that is not numeric
     */
    public static GaussianMixtureClustering fit(DataFrame data, Options options, String... columns) {
        Objects.requireNonNull(data, "data");
        String[] names = columns.length == 0 ? data.names() : columns;
        for (String name : names) {
            var type = data.column(name).dtype();
            if (!type.isNumeric()) {
                throw new IllegalArgumentException("Column " + name + " is " + type
                        + ", not numeric: name the numeric columns to fit.");
            }
        }
        return fit(data.toArray(names), options);
    }

    /**
     * Chooses K by BIC among 1..{@code maxK} full-covariance mixtures with default options (and a
     * seed drawn from Smile's random generator) but for the start: the core selection's, mclust's
     * hierarchical agglomeration ({@link ModelSelection#DEFAULT_INIT}).
     */
    public static Selection select(double[][] data, int maxK) {
        return select(data, 1, maxK, Criterion.BIC, new Options(1).withInit(ModelSelection.DEFAULT_INIT));
    }

    /**
     * Chooses K in {@code minK..maxK}, and the covariance type among {@code covariances}, by a
     * criterion: fits every candidate with {@code options} (their {@code k} is replaced, and their
     * covariance type too when {@code covariances} are given) and keeps the best. On more than
     * twice {@link ModelSelection#DEFAULT_SCREENING_ROWS} rows the candidates are screened on a random
     * sample and scored on all rows, and the best and every candidate the sample cannot rule out are
     * fitted on all rows, so the choice is the one fitting every candidate on all rows makes (see
     * {@link ModelSelection.Builder#screeningRows}; use {@code ModelSelection} directly to change that).
     *
     * @param criterion BIC, AIC, ICL (lower is better) or 5-fold cross-validated log-likelihood
     * @param covariances candidate covariance types, any of the 14 ({@link CovarianceType#mclustModels()}
     *                    for all of them, as mclust's {@code Mclust}); none means {@code options.covariance()} alone
     * <p>Stopping the options' controller ends the whole selection: the candidates not yet fitted are
     * not, and the selection is {@linkplain Selection#cancelled() cancelled}.
     *
     * @throws IllegalArgumentException when the range is empty or no candidate fits the data
     * @throws java.util.concurrent.CancellationException when the controller is stopped before any
     *                                                    candidate finished, or the thread is interrupted
     */
    public static Selection select(double[][] data, int minK, int maxK, Criterion criterion, Options options,
                                   CovarianceType... covariances) {
        Objects.requireNonNull(options, "options");
        CovarianceType[] types = covariances.length == 0 ? new CovarianceType[]{options.covariance()} : covariances;
        Dataset dataset = Dataset.of(Objects.requireNonNull(data, "data"));
        ModelSelection.Result result = ModelSelection.builder()
                .components(minK, maxK)
                .covariances(types)
                .criterion(criterion)
                .settings(options.toGaussianMixture())
                .build()
                .select(dataset);
        return new Selection(result.criterion(), result.scores(), result.best(), of(result.model(), dataset),
                result.cancelled());
    }

    /** Labels the training rows with their most probable component; noise rows are outliers. */
    private static GaussianMixtureClustering of(GaussianMixtureModel model, Dataset data) {
        int[] group = model.predict(data);
        for (int i = 0; i < group.length; i++) {
            // A row with nothing observed carries no evidence for any component.
            if (isMissing(data.row(i))) group[i] = Clustering.OUTLIER;
            group[i] = label(group[i]);
        }
        return new GaussianMixtureClustering(model, group);
    }

    private static boolean isMissing(double[] row) {
        return Arrays.stream(row).allMatch(Double::isNaN);
    }

    // ---- parameters and diagnostics ---------------------------------------------------------------

    /** The fitted gmm4j model, for what Smile has no idiom for (sampling, restarts, repairs). */
    public GaussianMixtureModel model() {
        return model;
    }

    /**
     * The shape of the covariance matrices.
     *
     * @return the covariance type the model was fitted with
     */
    public CovarianceType covarianceType() {
        return model.covarianceType();
    }

    /** The mixing weights of the components, summing to one, or to 1 − {@link #noiseWeight()} with noise. */
    public double[] weights() {
        return model.weights();
    }

    /** The noise component's weight; 0 without one ({@link Options#noise()}). */
    public double noiseWeight() {
        return model.noiseWeight();
    }

    /** The component means, one row per component. */
    public double[][] means() {
        return model.means();
    }

    /** The covariance matrices as full d×d arrays, one per component, whatever the covariance type. */
    public double[][][] covariances() {
        return model.covariances();
    }

    /** The log-likelihood of the training data. */
    public double logLikelihood() {
        return model.logLikelihood();
    }

    /**
     * The Bayesian information criterion −2·logL + p·ln(n) on the training data: <b>lower is better</b>
     * (scikit-learn's convention). Smile's own {@code MultivariateMixture.bic} is logL − ½·p·ln(n),
     * higher is better: it equals −½ × this value.
     */
    public double bic() {
        return model.bic();
    }

    /** The Akaike information criterion −2·logL + 2p on the training data; lower is better. */
    public double aic() {
        return model.aic();
    }

    /** The integrated completed likelihood (BIC plus twice the log-loss of the rows' MAP labels, as mclust's); lower is better. */
    public double icl() {
        return model.icl();
    }

    /** EM iterations of the kept restart. */
    public int iterations() {
        return model.iterations();
    }

    /** Whether the kept restart converged within the tolerance. */
    public boolean converged() {
        return model.converged();
    }

    // ---- prediction ---------------------------------------------------------------------------

    /**
     * The most probable component of a row ({@code NaN} values are marginalised);
     * {@link Clustering#OUTLIER} when the noise component explains it best.
     */
    public int predict(double[] x) {
        return label(model.predict(x));
    }

    /** The core's label as Smile's: the noise's is {@link Clustering#OUTLIER}. */
    private static int label(int core) {
        return core == GaussianMixtureModel.NOISE ? Clustering.OUTLIER : core;
    }

    /** The most probable component of a single-precision row (widened to {@code double} exactly). */
    public int predict(float[] x) {
        return predict(widened(Objects.requireNonNull(x, "x")));
    }

    /**
     * The most probable component of a row, filling {@code posteriori} with P(component | x)
     * (Smile's soft-prediction convention): {@code k()} entries, {@code k() + 1} with the noise's
     * last when the model has a noise component (then {@link Clustering#OUTLIER} is returned for it).
     */
    public int predict(double[] x, double[] posteriori) {
        Objects.requireNonNull(posteriori, "posteriori");
        int columns = k() + (model.hasNoise() ? 1 : 0);
        if (posteriori.length != columns) {
            throw new IllegalArgumentException("posteriori has " + posteriori.length + " entries but the model has "
                    + k() + " components" + (model.hasNoise() ? " and the noise" : "") + ".");
        }
        double[] p = model.posterior(x);
        System.arraycopy(p, 0, posteriori, 0, p.length);
        int best = argMax(p);
        return best == k() ? Clustering.OUTLIER : best;
    }

    /** P(component | x), the noise's last when the model has a noise component. */
    public double[] posteriori(double[] x) {
        return model.posterior(x);
    }

    /** The log density of the mixture at x. */
    public double logp(double[] x) {
        return model.logDensity(x);
    }

    /** The density of the mixture at x. */
    public double p(double[] x) {
        return Math.exp(logp(x));
    }

    private static int argMax(double[] p) {
        int best = 0;
        for (int c = 1; c < p.length; c++) if (p[c] > p[best]) best = c;
        return best;
    }

    /** Orders by decreasing log-likelihood: the better fit first. */
    @Override
    public int compareTo(GaussianMixtureClustering other) {
        return Double.compare(other.logLikelihood(), logLikelihood());
    }

    @Override
    public String toString() {
        return model + super.toString();
    }

    // ---- options ------------------------------------------------------------------------------

    /**
     * Fit options, checked when built.
     *
     * @param k              the number of components, at least 1
     * @param covariance     the shape of the covariance matrices
     * @param maxIter        the most EM iterations per restart, at least 1
     * @param tol            converged when the mean per-row log-likelihood changes by less (≥ 0)
     * @param regularization added to every covariance diagonal (≥ 0)
     * @param restarts       independent starts; the best by log-likelihood is kept (at least 1)
     * @param init           how each start is chosen
     * @param seed           the seed of every random choice
     * @param threads        worker threads, 0 for one per core; the result does not depend on it
     * @param controller     told an {@link AlgoStatus} after each EM iteration (the iteration of the
     *                       current restart, the mean per-row log-likelihood, the restart as state);
     *                       its {@code stop()} ends the fit with the best model so far. May be null.
     * @param noise          whether the mixture has a noise component (mclust's), whose rows are
     *                       {@link Clustering#OUTLIER}s
     * @param prior          whether to fit under mclust's default conjugate prior (MAP EM,
     *                       {@link ConjugatePrior#mclustDefault()}): the remedy for components that go
     *                       singular; not for the covariance types mclust has none for ({@link ConjugatePrior#supports})
     */
    public record Options(int k, CovarianceType covariance, int maxIter, double tol, double regularization,
                          int restarts, Initialization init, long seed, int threads,
                          IterativeAlgorithmController<AlgoStatus> controller, boolean noise, boolean prior) {
        private static final String PREFIX = "smile.gmm.";
        /** The number of components when the properties give none: 2, as in Smile's {@code Clustering.Options}. */
        static final int DEFAULT_K = 2;

        /**
         * Checks the options.
         *
         * @throws IllegalArgumentException naming the first option out of range
         */
        public Options {
            FitSettings.checkComponents("k", k);
            Objects.requireNonNull(covariance, "covariance");
            FitSettings.checkMaxIterations("maxIter", maxIter);
            FitSettings.checkTolerance("tol", tol);
            FitSettings.checkRegularization("regularization", regularization);
            FitSettings.checkRestarts("restarts", restarts);
            Objects.requireNonNull(init, "init");
            FitSettings.checkThreads("threads", threads);
            if (prior) ConjugatePrior.checkSupports(covariance);
        }

        /**
         * Options with scikit-learn's defaults ({@link FitSettings#defaults()}): full covariance,
         * 100 iterations, tolerance 1e-3, regularisation 1e-6, one k-means start, all cores, and a
         * seed drawn from Smile's random generator ({@link MathEx#randomLong()}), so that repeated
         * fits differ and {@link MathEx#setSeed(long)} makes them reproducible, as with Smile's own
         * algorithms.
         */
        public Options(int k) {
            this(k, FitSettings.DEFAULT_MAX_ITERATIONS);
        }

        /** The options without a noise component or a prior (the form before either existed). */
        public Options(int k, CovarianceType covariance, int maxIter, double tol, double regularization, int restarts,
                       Initialization init, long seed, int threads, IterativeAlgorithmController<AlgoStatus> controller) {
            this(k, covariance, maxIter, tol, regularization, restarts, init, seed, threads, controller,
                    FitSettings.DEFAULT_NOISE, false);
        }

        /** These options with or without a noise component. */
        public Options withNoise(boolean noise) {
            return new Options(k, covariance, maxIter, tol, regularization, restarts, init, seed, threads, controller, noise, prior);
        }

        /** These options with or without mclust's default conjugate prior. */
        public Options withPrior(boolean prior) {
            return new Options(k, covariance, maxIter, tol, regularization, restarts, init, seed, threads, controller, noise, prior);
        }

        /** These options with another start. */
        public Options withInit(Initialization init) {
            return new Options(k, covariance, maxIter, tol, regularization, restarts, init, seed, threads, controller, noise, prior);
        }

        /** The default options with at most {@code maxIter} EM iterations. */
        public Options(int k, int maxIter) {
            this(k, FitSettings.DEFAULT_COVARIANCE, maxIter, FitSettings.DEFAULT_TOLERANCE,
                    FitSettings.DEFAULT_REGULARIZATION, FitSettings.DEFAULT_RESTARTS, FitSettings.DEFAULT_INIT,
                    MathEx.randomLong(), FitSettings.DEFAULT_THREADS, null);
        }

        /** The options as properties {@code smile.gmm.k}, {@code .covariance}, {@code .iterations}, ..., {@code .noise}, {@code .prior} (not the controller). */
        public Properties toProperties() {
            Properties p = new Properties();
            p.setProperty(PREFIX + "k", Integer.toString(k));
            p.setProperty(PREFIX + "covariance", covariance.name());
            p.setProperty(PREFIX + "iterations", Integer.toString(maxIter));
            p.setProperty(PREFIX + "tolerance", Double.toString(tol));
            p.setProperty(PREFIX + "regularization", Double.toString(regularization));
            p.setProperty(PREFIX + "restarts", Integer.toString(restarts));
            p.setProperty(PREFIX + "init", init.name());
            p.setProperty(PREFIX + "seed", Long.toString(seed));
            p.setProperty(PREFIX + "threads", Integer.toString(threads));
            p.setProperty(PREFIX + "noise", Boolean.toString(noise));
            p.setProperty(PREFIX + "prior", Boolean.toString(prior));
            return p;
        }

        /**
         * Options from properties written by {@link #toProperties()}; a missing key takes the default
         * (k = 2 as in Smile's {@code Clustering.Options}, the seed from Smile's random generator).
         *
         * @throws IllegalArgumentException naming the key of a value that does not parse or is out of range
         */
        public static Options of(Properties props) {
            PropertyReader p = new PropertyReader(Objects.requireNonNull(props, "props"), PREFIX);
            return new Options(
                    p.integer("k", DEFAULT_K),
                    p.covariance("covariance", FitSettings.DEFAULT_COVARIANCE),
                    p.integer("iterations", FitSettings.DEFAULT_MAX_ITERATIONS),
                    p.real("tolerance", FitSettings.DEFAULT_TOLERANCE),
                    p.real("regularization", FitSettings.DEFAULT_REGULARIZATION),
                    p.integer("restarts", FitSettings.DEFAULT_RESTARTS),
                    p.choice("init", FitSettings.DEFAULT_INIT),
                    p.whole("seed", MathEx.randomLong()),
                    p.integer("threads", FitSettings.DEFAULT_THREADS),
                    null,
                    p.flag("noise", FitSettings.DEFAULT_NOISE),
                    p.flag("prior", false));
        }

        /** The core estimator with these settings, logging each iteration and reporting it to the controller. */
        GaussianMixture toGaussianMixture() {
            return GaussianMixture.of(new FitSettings(k, covariance, init, null, restarts, maxIter, tol, regularization,
                    seed, threads, new IterationReporter(controller), noise,
                    prior ? ConjugatePrior.mclustDefault() : null));
        }
    }

    // ---- model selection ----------------------------------------------------------------------

    /**
     * What {@link #select} found.
     *
     * @param criterion the criterion candidates were ranked by
     * @param scores    every candidate's score (covariance types outer, K inner); BIC, AIC and ICL
     *                  lower is better; {@code crossValidation} is NaN unless that was the criterion; a
     *                  candidate without a score ({@link ModelSelection.Score#unscored()} says why)
     *                  is NA in the table {@link #toString()} prints, its reason under it
     * @param best      the best candidate's score
     * @param model     the best candidate, fitted on all the data
     * @param cancelled whether the options' controller was stopped during the selection: then the
     *                  remaining candidates were not fitted, and {@code scores}, {@code best} and
     *                  {@code model} are those of the candidates that had finished
     */
    public record Selection(Criterion criterion, List<ModelSelection.Score> scores, ModelSelection.Score best,
                            GaussianMixtureClustering model, boolean cancelled) {
        /** Copies the scores. */
        public Selection {
            scores = List.copyOf(scores);
        }

        /**
         * The scores as mclust's table ({@link ModelSelection#table}: a row per K, a column per
         * covariance model, the criterion in each cell, the chosen one marked {@code *}, NA for a
         * candidate without a score with its reason under the table), then the choice.
         */
        @Override
        public String toString() {
            StringBuilder s = new StringBuilder(ModelSelection.table(scores, best));
            CovarianceType type = best.covariance();
            s.append("chosen by ").append(criterion).append(" (lower is better): K = ").append(best.components())
                    .append(", ").append(type).append(type.name().equals(type.mclustName()) ? "" : " (" + type.mclustName() + ")")
                    .append('\n');
            if (cancelled) s.append("cancelled: only the candidates in the table were fitted\n");
            return s.toString();
        }
    }
}
