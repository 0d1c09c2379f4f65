// SPDX-License-Identifier: Apache-2.0
package gmm4j.spark;

import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InvalidClassException;
import java.io.ObjectOutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Save and load of the estimator, the model and a Pipeline holding them: no prediction changes. */
class PersistenceTest extends WithSpark {
    @Test
    void aSavedModelPredictsTheSame(@TempDir Path dir) throws IOException {
        Dataset<Row> frame = LocalSpark.frame(spark, LocalSpark.clusters(400, 3, 3, 0.1, 2), 2);
        GaussianMixtureModel model = new GaussianMixture().setK(3).setCovarianceType("tied").setMaxIter(10).fit(frame)
                .setPredictionCol("cluster");
        String path = dir.resolve("model").toString();
        model.save(path);
        GaussianMixtureModel loaded = GaussianMixtureModel.load(path);

        assertEquals(model.uid(), loaded.uid());
        assertEquals("cluster", loaded.getOrDefault(loaded.predictionCol()));
        assertFalse(loaded.hasSummary());
        assertArrayEquals(model.toCoreModel().means(), loaded.toCoreModel().means());
        assertEquals(predictions(model.transform(frame), "cluster"), predictions(loaded.transform(frame), "cluster"));
        assertThrows(IOException.class, () -> model.save(path), "save does not overwrite unless asked");
        model.write().overwrite().save(path);
    }

    @Test
    void aSavedEstimatorKeepsItsParams(@TempDir Path dir) throws IOException {
        GaussianMixture estimator = new GaussianMixture().setK(5).setCovarianceType("Spherical").setWeightCol("w")
                .setTol(1e-7).setSeed(3).setNoise(true).setPrior(true);
        String path = dir.resolve("estimator").toString();
        estimator.save(path);
        GaussianMixture loaded = GaussianMixture.load(path);
        assertEquals(estimator.uid(), loaded.uid());
        assertEquals(estimator.toCoreSettings().settings(), loaded.toCoreSettings().settings());
        assertEquals("w", loaded.getOrDefault(loaded.weightCol()));
        assertTrue(loaded.toCoreSettings().noise());
        assertEquals(gmm4j.ConjugatePrior.mclustDefault(), loaded.toCoreSettings().prior());
    }

    /** A model with a noise component: saved and loaded, the same predictions (the noise's as the core's NOISE). */
    @Test
    void aSavedModelWithNoisePredictsTheSame(@TempDir Path dir) throws IOException {
        Dataset<Row> frame = LocalSpark.frame(spark, LocalSpark.clusters(400, 2, 2, 0, 12), 2);
        GaussianMixtureModel model = new GaussianMixture().setK(2).setNoise(true).setMaxIter(10).fit(frame);
        String path = dir.resolve("model").toString();
        model.save(path);
        GaussianMixtureModel loaded = GaussianMixtureModel.load(path);
        assertTrue(loaded.toCoreModel().hasNoise());
        assertEquals(predictions(model.transform(frame), "prediction"), predictions(loaded.transform(frame), "prediction"));
    }

    /** VectorAssembler then GaussianMixture, fitted, saved and loaded as a PipelineModel; and the unfitted Pipeline. */
    @Test
    void aPipelineRoundTripChangesNoPrediction(@TempDir Path dir) throws IOException {
        LocalSpark.Rows rows = LocalSpark.clusters(300, 2, 2, 0, 6);
        List<Row> list = new ArrayList<>();
        for (double[] x : rows.values()) list.add(RowFactory.create(x[0], x[1]));
        Dataset<Row> frame = spark.createDataFrame(list, new StructType()
                .add("a", DataTypes.DoubleType).add("b", DataTypes.DoubleType));
        Pipeline pipeline = new Pipeline().setStages(new PipelineStage[]{
                new VectorAssembler().setInputCols(new String[]{"a", "b"}).setOutputCol("features"),
                new GaussianMixture().setK(2).setMaxIter(10)});
        PipelineModel fitted = pipeline.fit(frame);
        String path = dir.resolve("pipeline-model").toString();
        fitted.save(path);
        PipelineModel loaded = PipelineModel.load(path);
        List<Integer> expected = predictions(fitted.transform(frame), "prediction");
        assertEquals(expected, predictions(loaded.transform(frame), "prediction"));
        assertTrue(expected.contains(0) && expected.contains(1), "both components used");

        pipeline.save(dir.resolve("pipeline").toString());
        Pipeline reloaded = Pipeline.load(dir.resolve("pipeline").toString());
        assertEquals(2, ((GaussianMixture) reloaded.getStages()[1]).toCoreSettings().components());
    }

    /** The sample of docs/spark.md ({@link DocsSampleTest}) runs and saves a model. */
    @Test
    void theDocsSampleRuns(@TempDir Path dir) throws IOException {
        gmm4j.GaussianMixtureModel core = DocsSampleTest.sample(
                LocalSpark.frame(spark, LocalSpark.clusters(300, 2, 3, 0, 1), 2), dir.resolve("model").toString());
        assertEquals(3, core.components());
        assertEquals(gmm4j.CovarianceType.DIAGONAL, core.covarianceType());
        assertTrue(java.nio.file.Files.isDirectory(dir.resolve("model").resolve("metadata")));
        GaussianMixtureModel best = DocsSampleTest.selection(LocalSpark.frame(spark, LocalSpark.clusters(300, 2, 3, 0, 1), 2));
        assertEquals(12, best.summary().candidates().size());
    }

    /** The model's file is read through a filter: a serialised object of another class is refused. */
    @Test
    void theDataFileAdmitsOnlyAModelsClasses() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(new java.text.SimpleDateFormat());
        }
        assertThrows(InvalidClassException.class,
                () -> ModelFiles.read(new ByteArrayInputStream(bytes.toByteArray()), "test bytes"));
    }

    private static List<Integer> predictions(Dataset<Row> scored, String column) {
        return scored.select(column).as(org.apache.spark.sql.Encoders.INT()).collectAsList();
    }
}
