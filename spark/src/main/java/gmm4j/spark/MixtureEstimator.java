// SPDX-License-Identifier: Apache-2.0
package gmm4j.spark;

import gmm4j.CovarianceType;
import gmm4j.FitSettings;
import org.apache.spark.ml.Estimator;
import org.apache.spark.ml.param.BooleanParam;
import org.apache.spark.ml.param.DoubleParam;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.LongParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.DefaultParamsWritable;
import org.apache.spark.sql.types.StructType;

/**
 * The params every gmm4j estimator on Spark shares — how EM runs, how it starts, the columns — and
 * their setters; {@link GaussianMixture} adds K and the covariance type, {@link GaussianMixtureSelection}
 * the candidates. The defaults are the core's ({@link FitSettings}).
 *
 * @param <T> the estimator, which the setters return
 */
public abstract class MixtureEstimator<T extends MixtureEstimator<T>> extends Estimator<GaussianMixtureModel>
        implements DefaultParamsWritable {
    /** The default of {@code initSampleSize}: {@value} rows. */
    public static final int DEFAULT_INIT_SAMPLE_SIZE = 100_000;
    /** The default of {@code initSteps}: {@value}, as Spark ML's k-means. */
    public static final int DEFAULT_INIT_STEPS = 2;

    private final String uid;
    private final IntParam maxIter;
    private final DoubleParam tol;
    private final DoubleParam regularization;
    private final Param<String> initMode;
    private final IntParam initSteps;
    private final IntParam restarts;
    private final LongParam seed;
    private final IntParam initSampleSize;
    private final BooleanParam noise;
    private final BooleanParam prior;
    private final Param<String> featuresCol;
    private final Param<String> weightCol;
    private final Param<String> predictionCol;
    private final Param<String> probabilityCol;

    MixtureEstimator(String uid) {
        this.uid = uid;
        maxIter = new IntParam(this, "maxIter", "the most EM iterations per restart (at least 1)", Settings.atLeastOne());
        tol = new DoubleParam(this, "tol", "converged when the mean log-likelihood per unit of row weight changes by less"
                + " (finite, not negative; 0 runs every iteration)", Settings.finiteNotNegative());
        regularization = new DoubleParam(this, "regularization", "added to every covariance diagonal (finite, not negative)",
                Settings.finiteNotNegative());
        initMode = new Param<>(this, "initMode", "how each restart chooses its start, one of " + Settings.initNames()
                + " (any case)", Settings.initValidator());
        initSteps = new IntParam(this, "initSteps", "the rounds of k-means|| sampling (at least 1)", Settings.atLeastOne());
        restarts = new IntParam(this, "restarts", "runs from independent starts, the most likely kept (at least 1)",
                Settings.atLeastOne());
        seed = new LongParam(this, "seed", "the seed of every random choice");
        initSampleSize = new IntParam(this, "initSampleSize", "the most rows the driver takes to compute the start"
                + " (at least 1)", Settings.atLeastOne());
        noise = new BooleanParam(this, "noise", "whether the mixture has a noise component (mclust's): a uniform density"
                + " over the box of the data, for outliers");
        prior = new BooleanParam(this, "prior", "whether to fit under mclust's default conjugate prior (MAP EM), whose"
                + " defaults are taken from the rows the start is computed from");
        featuresCol = Columns.featuresCol(this);
        weightCol = new Param<>(this, "weightCol", "the row weight column (finite, not negative); unset for unit weights");
        predictionCol = Columns.predictionCol(this);
        probabilityCol = Columns.probabilityCol(this);
        setDefault(maxIter, FitSettings.DEFAULT_MAX_ITERATIONS);
        setDefault(tol, FitSettings.DEFAULT_TOLERANCE);
        setDefault(regularization, FitSettings.DEFAULT_REGULARIZATION);
        setDefault(initMode, Settings.name(FitSettings.DEFAULT_INIT));
        setDefault(initSteps, DEFAULT_INIT_STEPS);
        setDefault(restarts, FitSettings.DEFAULT_RESTARTS);
        setDefault(seed, FitSettings.DEFAULT_SEED);
        setDefault(initSampleSize, DEFAULT_INIT_SAMPLE_SIZE);
        setDefault(noise, FitSettings.DEFAULT_NOISE);
        setDefault(prior, false);
    }

    @Override
    public String uid() {
        return uid;
    }

    @SuppressWarnings("unchecked")
    private T self() {
        return (T) this;
    }

    // ---- params (Spark finds them by reflection: public, no arguments) --------------------------

    /** @return the most EM iterations per restart */
    public IntParam maxIter() {
        return maxIter;
    }

    /** @return the convergence tolerance */
    public DoubleParam tol() {
        return tol;
    }

    /** @return what is added to every covariance diagonal */
    public DoubleParam regularization() {
        return regularization;
    }

    /** @return the initialisation's name */
    public Param<String> initMode() {
        return initMode;
    }

    /** @return the rounds of k-means|| sampling (initMode "k-means||" only) */
    public IntParam initSteps() {
        return initSteps;
    }

    /** @return the number of restarts */
    public IntParam restarts() {
        return restarts;
    }

    /** @return the seed */
    public LongParam seed() {
        return seed;
    }

    /** @return the most rows the start is computed from */
    public IntParam initSampleSize() {
        return initSampleSize;
    }

    /** @return whether the mixture has a noise component */
    public BooleanParam noise() {
        return noise;
    }

    /** @return whether the fit is under mclust's default conjugate prior */
    public BooleanParam prior() {
        return prior;
    }

    /** @return the features column's name */
    public Param<String> featuresCol() {
        return featuresCol;
    }

    /** @return the weight column's name (unset: unit weights) */
    public Param<String> weightCol() {
        return weightCol;
    }

    /** @return the prediction column's name */
    public Param<String> predictionCol() {
        return predictionCol;
    }

    /** @return the probability column's name */
    public Param<String> probabilityCol() {
        return probabilityCol;
    }

    // ---- setters --------------------------------------------------------------------------------

    /**
     * @param value the most EM iterations per restart, at least 1
     * @return this
     */
    public T setMaxIter(int value) {
        set(maxIter, value);
        return self();
    }

    /**
     * @param value the convergence tolerance, finite and not negative
     * @return this
     */
    public T setTol(double value) {
        set(tol, value);
        return self();
    }

    /**
     * @param value what is added to every covariance diagonal, finite and not negative
     * @return this
     */
    public T setRegularization(double value) {
        set(regularization, value);
        return self();
    }

    /**
     * @param value kmeans, kmeans_plus_plus (or k-means++), random, random_from_data, hierarchical, or k-means||
     *              (distributed k-means||, then the core's start from its means), in any case
     * @return this
     */
    public T setInitMode(String value) {
        set(initMode, value);
        return self();
    }

    /**
     * @param value the rounds of k-means|| sampling, at least 1
     * @return this
     */
    public T setInitSteps(int value) {
        set(initSteps, value);
        return self();
    }

    /**
     * @param value the number of restarts, at least 1
     * @return this
     */
    public T setRestarts(int value) {
        set(restarts, value);
        return self();
    }

    /**
     * @param value the seed
     * @return this
     */
    public T setSeed(long value) {
        set(seed, value);
        return self();
    }

    /**
     * @param value the most rows the start is computed from, at least 1
     * @return this
     */
    public T setInitSampleSize(int value) {
        set(initSampleSize, value);
        return self();
    }

    /**
     * @param value whether the mixture has a noise component (mclust's): a uniform density over the
     *              box of the rows the start is computed from; the probability column then has
     *              K + 1 entries, the noise last, and a row most likely noise is predicted as
     *              {@link gmm4j.GaussianMixtureModel#NOISE}
     * @return this
     */
    public T setNoise(boolean value) {
        set(noise, value);
        return self();
    }

    /**
     * @param value whether to fit under mclust's default conjugate prior (MAP EM), its defaults taken
     *              from the rows the start is computed from; only for the covariance types mclust has a
     *              prior for
     * @return this
     */
    public T setPrior(boolean value) {
        set(prior, value);
        return self();
    }

    /**
     * @param value the features column's name
     * @return this
     */
    public T setFeaturesCol(String value) {
        set(featuresCol, value);
        return self();
    }

    /**
     * @param value the weight column's name
     * @return this
     */
    public T setWeightCol(String value) {
        set(weightCol, value);
        return self();
    }

    /**
     * @param value the prediction column's name
     * @return this
     */
    public T setPredictionCol(String value) {
        set(predictionCol, value);
        return self();
    }

    /**
     * @param value the probability column's name
     * @return this
     */
    public T setProbabilityCol(String value) {
        set(probabilityCol, value);
        return self();
    }

    // ---- for the estimators ---------------------------------------------------------------------

    /** The core's settings of these params for {@code k} components of {@code type} (k-means|| maps to the core's k-means). */
    gmm4j.GaussianMixture coreSettings(int k, CovarianceType type) {
        return gmm4j.GaussianMixture.builder()
                .components(k)
                .covariance(type)
                .init(Settings.init(getOrDefault(initMode)))
                .restarts((Integer) getOrDefault(restarts))
                .maxIterations((Integer) getOrDefault(maxIter))
                .tolerance((Double) getOrDefault(tol))
                .regularization((Double) getOrDefault(regularization))
                .seed((Long) getOrDefault(seed))
                .noise((Boolean) getOrDefault(noise))
                .prior((Boolean) getOrDefault(prior))
                .build();
    }

    /** Where each run starts: the core's start on a driver sample, or k-means|| over the partitions. */
    Start start() {
        int sampleSize = (Integer) getOrDefault(initSampleSize);
        return Settings.isKMeansParallel(getOrDefault(initMode))
                ? Start.kMeansParallel((Integer) getOrDefault(initSteps), sampleSize)
                : Start.driverSample(sampleSize);
    }

    /** The rows the start is computed from: all of them up to {@code initSampleSize}, else the seeded sample ({@link Partitions#sample}). */
    gmm4j.Dataset startRows(Partitions partitions) {
        return partitions.sample((Integer) getOrDefault(initSampleSize), (Long) getOrDefault(seed));
    }

    /** The blocks of the dataset's features (and weights), cached and checked. */
    Partitions partitions(org.apache.spark.sql.Dataset<?> dataset) {
        transformSchema(dataset.schema());
        String weight = isDefined(weightCol) && !getOrDefault(weightCol).isEmpty() ? getOrDefault(weightCol) : null;
        return Partitions.of(dataset, getOrDefault(featuresCol), weight);
    }

    /** The Spark model of a fit, with this estimator's uid and params. */
    GaussianMixtureModel model(gmm4j.GaussianMixtureModel fitted, GaussianMixtureSummary summary) {
        GaussianMixtureModel model = new GaussianMixtureModel(uid, fitted, summary);
        copyValues(model, ParamMap.empty());
        return model.setParent(this);
    }

    /**
     * Checks the input columns (a vector features column; a numeric weight column when set) and
     * adds the prediction (int) and probability (vector) columns.
     *
     * @throws IllegalArgumentException naming a missing or mistyped column
     */
    @Override
    public StructType transformSchema(StructType schema) {
        if (isDefined(weightCol) && !getOrDefault(weightCol).isEmpty()) Columns.checkNumeric(schema, getOrDefault(weightCol));
        return Columns.withOutputs(schema, getOrDefault(featuresCol), getOrDefault(predictionCol),
                getOrDefault(probabilityCol));
    }

    @Override
    @SuppressWarnings("unchecked")
    public T copy(ParamMap extra) {
        return (T) defaultCopy(extra);
    }
}
