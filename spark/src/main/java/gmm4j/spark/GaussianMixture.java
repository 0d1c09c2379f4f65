// SPDX-License-Identifier: Apache-2.0
package gmm4j.spark;

import gmm4j.FitSettings;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.Identifiable$;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.Dataset;

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
 * {@code seed} 0, {@code noise} false (a noise component, mclust's), {@code prior} false (MAP EM
 * under mclust's default conjugate prior). The features column holds vectors ({@code NaN} marks a missing value, which EM
 * marginalises out exactly); the optional weight column holds finite, non-negative numbers.
 *
 * <h2>The start</h2>
 * Each restart starts where {@link gmm4j.GaussianMixture#initialize} puts it, computed on the
 * driver: on all rows when there are at most {@code initSampleSize} of them (the start of
 * {@link gmm4j.GaussianMixture#fit} on the same rows), otherwise on a sample of about
 * {@code initSampleSize} rows drawn from every partition with the seed, and the same sample for
 * every restart (then the data's scale, which the M-step's repairs use, is the sample's too).
 * Restart {@code r} uses the seed {@code seed + r·0x9E3779B97F4A7C15}, as the core does. With
 * {@code initMode} "k-means||", the means of a distributed k-means|| (Bahmani et al., 2012) seed
 * the core's start instead (see {@code docs/spark.md}).
 */
public final class GaussianMixture extends MixtureEstimator<GaussianMixture> {
    private final IntParam k;
    private final Param<String> covarianceType;

    /** An estimator with the default params and a new uid. */
    public GaussianMixture() {
        this(Identifiable$.MODULE$.randomUID("gmm4j_GaussianMixture"));
    }

    /** An estimator with the default params (Spark's readers call this). */
    public GaussianMixture(String uid) {
        super(uid);
        k = new IntParam(this, "k", "the number of components (at least 1)", Settings.atLeastOne());
        covarianceType = new Param<>(this, "covarianceType", "the shape of the covariances, one of "
                + Settings.covarianceNames() + " (any case)", Settings.covarianceValidator());
        setDefault(k, FitSettings.DEFAULT_COMPONENTS);
        setDefault(covarianceType, Settings.name(FitSettings.DEFAULT_COVARIANCE));
    }

    /** @return the number of components */
    public IntParam k() {
        return k;
    }

    /** @return the covariance type's name */
    public Param<String> covarianceType() {
        return covarianceType;
    }

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
     * The core's settings these params stand for: the estimator a one-machine fit with the same
     * params would use (with {@code initMode} "k-means||", the core's "kmeans").
     */
    public gmm4j.GaussianMixture toCoreSettings() {
        return coreSettings((Integer) getOrDefault(k), Settings.covariance(getOrDefault(covarianceType)));
    }

    /**
     * Fits the features column of {@code dataset} by EM distributed over its partitions.
     *
     * @throws IllegalArgumentException when a column is missing or of the wrong type, or a row is
     *                                  bad (naming the column and the row's index in the dataset)
     */
    @Override
    public GaussianMixtureModel fit(Dataset<?> dataset) {
        try (Partitions partitions = partitions(dataset)) {
            DistributedEm.Result result = new DistributedEm(start(), Integer.MAX_VALUE)
                    .fit(partitions, java.util.List.of(toCoreSettings())).get(0);
            return model(result.model(), result.summary());
        }
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
