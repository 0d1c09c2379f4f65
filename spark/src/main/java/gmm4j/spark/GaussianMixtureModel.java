// SPDX-License-Identifier: Apache-2.0
package gmm4j.spark;

import org.apache.spark.ml.Model;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.ml.util.MLWritable;
import org.apache.spark.ml.util.MLWriter;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import java.util.NoSuchElementException;

/**
 * A Gaussian mixture fitted by {@link GaussianMixture}: a Spark ML model around the core's
 * {@link gmm4j.GaussianMixtureModel} ({@link #toCoreModel()}), which scores each row where it
 * lives. {@link #transform} adds the most probable component (an int; with a noise component,
 * {@link gmm4j.GaussianMixtureModel#NOISE} for a row the noise explains best) and P(component | row)
 * (a vector, the noise's last); {@code NaN} in a features vector is a missing value, marginalised out.
 *
 * <p>Saved with {@link #write()} / {@link #save(String)}: Spark's metadata JSON (class, uid,
 * params) and the core model in {@code data/}; read with {@link #load(String)}.
 */
public final class GaussianMixtureModel extends Model<GaussianMixtureModel> implements MLWritable {
    private final String uid;
    private final gmm4j.GaussianMixtureModel model;
    private final GaussianMixtureSummary summary;
    private final Param<String> featuresCol;
    private final Param<String> predictionCol;
    private final Param<String> probabilityCol;

    GaussianMixtureModel(String uid, gmm4j.GaussianMixtureModel model, GaussianMixtureSummary summary) {
        this.uid = uid;
        this.model = model;
        this.summary = summary;
        featuresCol = Columns.featuresCol(this);
        predictionCol = Columns.predictionCol(this);
        probabilityCol = Columns.probabilityCol(this);
    }

    @Override
    public String uid() {
        return uid;
    }

    /** @return the features column's name */
    public Param<String> featuresCol() {
        return featuresCol;
    }

    /** @return the prediction column's name */
    public Param<String> predictionCol() {
        return predictionCol;
    }

    /** @return the probability column's name */
    public Param<String> probabilityCol() {
        return probabilityCol;
    }

    /**
     * @param value the features column's name
     * @return this
     */
    public GaussianMixtureModel setFeaturesCol(String value) {
        set(featuresCol, value);
        return this;
    }

    /**
     * @param value the prediction column's name
     * @return this
     */
    public GaussianMixtureModel setPredictionCol(String value) {
        set(predictionCol, value);
        return this;
    }

    /**
     * @param value the probability column's name
     * @return this
     */
    public GaussianMixtureModel setProbabilityCol(String value) {
        set(probabilityCol, value);
        return this;
    }

    /**
     * The core model: the fitted parameters, to score anywhere gmm4j runs (Weka, Smile, plain Java),
     * with the diagnostics of the distributed fit, as {@link gmm4j.GaussianMixture#fit} gives them:
     * the final log-likelihood, BIC, AIC and ICL on the training rows, the kept restart's iterations
     * and stop reason, every restart's summary and every repair (a loaded model keeps them too).
     *
     * @return the core model
     */
    public gmm4j.GaussianMixtureModel toCoreModel() {
        return model;
    }

    /** @return the number of components */
    public int getK() {
        return model.components();
    }

    /** @return whether the model has a training summary (a loaded model has none) */
    public boolean hasSummary() {
        return summary != null;
    }

    /**
     * @return how the fit went
     * @throws NoSuchElementException when there is none ({@link #hasSummary()})
     */
    public GaussianMixtureSummary summary() {
        if (summary == null) throw new NoSuchElementException("No training summary: this model was not fitted in this session.");
        return summary;
    }

    /**
     * Adds the prediction (int) and probability (vector) columns.
     *
     * @throws IllegalArgumentException when the features column is missing or not of vectors
     */
    @Override
    public Dataset<Row> transform(Dataset<?> dataset) {
        transformSchema(dataset.schema());
        gmm4j.GaussianMixtureModel m = model;
        Column probability = functions.udf((UDF1<Vector, Vector>) x -> Vectors.dense(m.posterior(x.toArray())),
                SQLDataTypes.VectorType()).apply(functions.col(getOrDefault(featuresCol)));
        int k = m.components();
        Column prediction = functions.udf((UDF1<Vector, Integer>) p -> label(p, k), DataTypes.IntegerType)
                .apply(functions.col(getOrDefault(probabilityCol)));
        return dataset.withColumn(getOrDefault(probabilityCol), probability)
                .withColumn(getOrDefault(predictionCol), prediction)
                .select(outputOrder(dataset.schema()));
    }

    /** The input's columns, then prediction, then probability. */
    private Column[] outputOrder(StructType input) {
        String[] names = input.fieldNames();
        Column[] columns = new Column[names.length + 2];
        for (int i = 0; i < names.length; i++) columns[i] = functions.col(names[i]);
        columns[names.length] = functions.col(getOrDefault(predictionCol));
        columns[names.length + 1] = functions.col(getOrDefault(probabilityCol));
        return columns;
    }

    /** The most probable component, as the core's predict: {@link gmm4j.GaussianMixtureModel#NOISE} for the noise (entry k). */
    private static int label(Vector p, int k) {
        int best = p.argmax();
        return best == k ? gmm4j.GaussianMixtureModel.NOISE : best;
    }

    @Override
    public StructType transformSchema(StructType schema) {
        return Columns.withOutputs(schema, getOrDefault(featuresCol), getOrDefault(predictionCol),
                getOrDefault(probabilityCol));
    }

    @Override
    public GaussianMixtureModel copy(ParamMap extra) {
        return copyValues(new GaussianMixtureModel(uid, model, summary), extra).setParent(parent());
    }

    // ---- persistence ----------------------------------------------------------------------------

    @Override
    public MLWriter write() {
        return new ModelFiles.Writer(this);
    }

    /** @return a reader of saved models */
    public static MLReader<GaussianMixtureModel> read() {
        return new ModelFiles.Reader();
    }

    /**
     * @param path where {@code save} wrote the model
     * @return the model saved there
     */
    public static GaussianMixtureModel load(String path) {
        return read().load(path);
    }

    /** Makes a model from its saved parts (the reader sets the params afterwards). */
    static GaussianMixtureModel loaded(String uid, gmm4j.GaussianMixtureModel model) {
        return new GaussianMixtureModel(uid, model, null);
    }
}
