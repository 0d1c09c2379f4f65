// SPDX-License-Identifier: Apache-2.0
package gmm4j.spark;

import gmm4j.FitSettings;
import org.apache.spark.ml.Estimator;
import org.apache.spark.ml.param.DoubleParam;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.LongParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.DefaultParamsWritable;
import org.apache.spark.ml.util.Identifiable$;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.types.StructType;

/**
 * A Gaussian mixture fitted by EM on a Spark {@code DataFrame}: the gmm4j engine's E-step runs on
 * each partition, the statistics are merged in partition order and the M-step runs on the driver.
 * The fitted model is the one {@link gmm4j.GaussianMixture#fit} finds on the same rows from the same
 * start, to rounding.
 *
 * <pre>{@code
 * GaussianMixtureModel model = new GaussianMixture()
 *         .setK(3)
 *         .setCovarianceType("diag")
 *         .setFeaturesCol("features")
 *         .fit(df);
 * model.transform(df).select("prediction", "probability").show();
 * }</pre>
 *
 * <h2>Params</h2>
 * The defaults are the core's ({@link FitSettings}): {@code k} 1, {@code covarianceType} "full",
 * {@code initMode} "kmeans", {@code restarts} 1, {@code maxIter} 100, {@code tol} 1e-3 (on the
 * change of the mean log-likelihood per unit of row weight), {@code regularization} 1e-6,
 * {@code seed} 0. The features column holds vectors ({@code NaN} marks a missing value, which EM
 * marginalises out exactly); the optional weight column holds finite, non-negative numbers.
 *
 * <h2>The start</h2>
 * Each restart starts where {@link gmm4j.GaussianMixture#initialize} puts it, computed on the
 * driver: on all rows when there are at most {@code initSampleSize} of them (the start of
 * {@link gmm4j.GaussianMixture#fit} on the same rows), otherwise on a sample of about
 * {@code initSampleSize} rows drawn from every partition with the seed, and the same sample for
 * every restart (then the data's scale, which the M-step's repairs use, is the sample's too).
 * Restart {@code r} uses the seed {@code seed + r·0x9E3779B97F4A7C15}, as the core does.
 */
public final class GaussianMixture extends Estimator<GaussianMixtureModel> implements DefaultParamsWritable {
    private final String uid;
    private final IntParam k;
    private final Param<String> covarianceType;
    private final IntParam maxIter;
    private final DoubleParam tol;
    private final DoubleParam regularization;
    private final Param<String> initMode;
    private final IntParam restarts;
    private final LongParam seed;
    private final IntParam initSampleSize;
    private final Param<String> featuresCol;
    private final Param<String> weightCol;
    private final Param<String> predictionCol;
    private final Param<String> probabilityCol;

    /** An estimator with the default params and a new uid. */
    public GaussianMixture() {
        this(Identifiable$.MODULE$.randomUID("gmm4j_GaussianMixture"));
    }

    /** An estimator with the default params (Spark's readers call this). */
    public GaussianMixture(String uid) {
        this.uid = uid;
        k = new IntParam(this, "k", "the number of components (at least 1)", Settings.atLeastOne());
        covarianceType = new Param<>(this, "covarianceType", "the shape of the covariances, one of "
                + Settings.covarianceNames() + " (any case)", Settings.covarianceValidator());
        maxIter = new IntParam(this, "maxIter", "the most EM iterations per restart (at least 1)", Settings.atLeastOne());
        tol = new DoubleParam(this, "tol", "converged when the mean log-likelihood per unit of row weight changes by less"
                + " (finite, not negative; 0 runs every iteration)", Settings.finiteNotNegative());
        regularization = new DoubleParam(this, "regularization", "added to every covariance diagonal (finite, not negative)",
                Settings.finiteNotNegative());
        initMode = new Param<>(this, "initMode", "how each restart chooses its start, one of " + Settings.initNames()
                + " (any case)", Settings.initValidator());
        restarts = new IntParam(this, "restarts", "runs from independent starts, the most likely kept (at least 1)",
                Settings.atLeastOne());
        seed = new LongParam(this, "seed", "the seed of every random choice");
        initSampleSize = new IntParam(this, "initSampleSize", "the most rows the driver takes to compute the start"
                + " (at least 1)", Settings.atLeastOne());
        featuresCol = Columns.featuresCol(this);
        weightCol = new Param<>(this, "weightCol", "the row weight column (finite, not negative); unset for unit weights");
        predictionCol = Columns.predictionCol(this);
        probabilityCol = Columns.probabilityCol(this);
        setDefault(k, FitSettings.DEFAULT_COMPONENTS);
        setDefault(covarianceType, Settings.name(FitSettings.DEFAULT_COVARIANCE));
        setDefault(maxIter, FitSettings.DEFAULT_MAX_ITERATIONS);
        setDefault(tol, FitSettings.DEFAULT_TOLERANCE);
        setDefault(regularization, FitSettings.DEFAULT_REGULARIZATION);
        setDefault(initMode, Settings.name(FitSettings.DEFAULT_INIT));
        setDefault(restarts, FitSettings.DEFAULT_RESTARTS);
        setDefault(seed, FitSettings.DEFAULT_SEED);
        setDefault(initSampleSize, DEFAULT_INIT_SAMPLE_SIZE);
    }

    /** The default of {@code initSampleSize}: {@value} rows. */
    public static final int DEFAULT_INIT_SAMPLE_SIZE = 100_000;

    @Override
    public String uid() {
        return uid;
    }

    // ---- params (Spark finds them by reflection: public, no arguments) --------------------------

    /** @return the number of components */
    public IntParam k() {
        return k;
    }

    /** @return the covariance type's name */
    public Param<String> covarianceType() {
        return covarianceType;
    }

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
     * @param value the number of components, at least 1
     * @return this
     */
    public GaussianMixture setK(int value) {
        set(k, value);
        return this;
    }

    /**
     * @param value a {@link gmm4j.CovarianceType} by its name, its mclust name (EII … VVV) or "diag", in any case
     * @return this
     */
    public GaussianMixture setCovarianceType(String value) {
        set(covarianceType, value);
        return this;
    }

    /**
     * @param value the most EM iterations per restart, at least 1
     * @return this
     */
    public GaussianMixture setMaxIter(int value) {
        set(maxIter, value);
        return this;
    }

    /**
     * @param value the convergence tolerance, finite and not negative
     * @return this
     */
    public GaussianMixture setTol(double value) {
        set(tol, value);
        return this;
    }

    /**
     * @param value what is added to every covariance diagonal, finite and not negative
     * @return this
     */
    public GaussianMixture setRegularization(double value) {
        set(regularization, value);
        return this;
    }

    /**
     * @param value kmeans, kmeans_plus_plus (or k-means++), random or random_from_data, in any case
     * @return this
     */
    public GaussianMixture setInitMode(String value) {
        set(initMode, value);
        return this;
    }

    /**
     * @param value the number of restarts, at least 1
     * @return this
     */
    public GaussianMixture setRestarts(int value) {
        set(restarts, value);
        return this;
    }

    /**
     * @param value the seed
     * @return this
     */
    public GaussianMixture setSeed(long value) {
        set(seed, value);
        return this;
    }

    /**
     * @param value the most rows the start is computed from, at least 1
     * @return this
     */
    public GaussianMixture setInitSampleSize(int value) {
        set(initSampleSize, value);
        return this;
    }

    /**
     * @param value the features column's name
     * @return this
     */
    public GaussianMixture setFeaturesCol(String value) {
        set(featuresCol, value);
        return this;
    }

    /**
     * @param value the weight column's name
     * @return this
     */
    public GaussianMixture setWeightCol(String value) {
        set(weightCol, value);
        return this;
    }

    /**
     * @param value the prediction column's name
     * @return this
     */
    public GaussianMixture setPredictionCol(String value) {
        set(predictionCol, value);
        return this;
    }

    /**
     * @param value the probability column's name
     * @return this
     */
    public GaussianMixture setProbabilityCol(String value) {
        set(probabilityCol, value);
        return this;
    }

    // ---- the fit --------------------------------------------------------------------------------

    /**
     * The core's settings these params stand for: the estimator a one-machine fit with the same
     * params would use.
     */
    public gmm4j.GaussianMixture toCoreSettings() {
        return gmm4j.GaussianMixture.builder()
                .components((Integer) getOrDefault(k))
                .covariance(Settings.covariance(getOrDefault(covarianceType)))
                .init(Settings.init(getOrDefault(initMode)))
                .restarts((Integer) getOrDefault(restarts))
                .maxIterations((Integer) getOrDefault(maxIter))
                .tolerance((Double) getOrDefault(tol))
                .regularization((Double) getOrDefault(regularization))
                .seed((Long) getOrDefault(seed))
                .build();
    }

    /**
     * Fits the features column of {@code dataset} by EM distributed over its partitions.
     *
     * @throws IllegalArgumentException when a column is missing or of the wrong type, or a row is
     *                                  bad (naming the column and the row's index in the dataset)
     */
    @Override
    public GaussianMixtureModel fit(Dataset<?> dataset) {
        transformSchema(dataset.schema());
        String weight = isDefined(weightCol) && !getOrDefault(weightCol).isEmpty() ? getOrDefault(weightCol) : null;
        DistributedEm.Result result = new DistributedEm(toCoreSettings(), Start.driverSample((Integer) getOrDefault(initSampleSize)))
                .fit(dataset, getOrDefault(featuresCol), weight);
        GaussianMixtureModel model = new GaussianMixtureModel(uid, result.model(), result.summary());
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
    public GaussianMixture copy(ParamMap extra) {
        return (GaussianMixture) defaultCopy(extra);
    }

    /** @return a reader of saved estimators */
    public static MLReader<GaussianMixture> read() {
        return new DefaultParamsReader<>();
    }

    /**
     * @param path where {@code save} wrote the estimator
     * @return the estimator saved there
     */
    public static GaussianMixture load(String path) {
        return read().load(path);
    }
}
