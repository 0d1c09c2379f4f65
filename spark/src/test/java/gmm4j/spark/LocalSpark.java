// SPDX-License-Identifier: Apache-2.0
package gmm4j.spark;

import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** The tests' Spark: a local[2] session on loopback without its UI, and small data sets. */
final class LocalSpark {
    private LocalSpark() {
    }

    /** A new local[2] session (one per test class: starting one costs seconds of CPU). */
    static SparkSession start(String name) {
        return SparkSession.builder()
                .appName(name)
                .master("local[2]")
                .config("spark.ui.enabled", "false")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.sql.shuffle.partitions", "2")
                .config("spark.default.parallelism", "2")
                .getOrCreate();
    }

    /** Rows of a data set: values (NaN = missing) and a weight each. */
    record Rows(double[][] values, double[] weights) {
        /** The rows as the core's data set; weights only when {@code weighted}. */
        gmm4j.Dataset core(boolean weighted) {
            return gmm4j.Dataset.of(values, weighted ? weights : null);
        }
    }

    /**
     * {@code n} rows of {@code d} columns around {@code k} well-separated centres, a fraction
     * {@code missing} of the values NaN (never a whole row), and weights in [0.5, 2).
     */
    static Rows clusters(int n, int d, int k, double missing, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] centres = new double[k][d];
        for (int c = 0; c < k; c++) for (int j = 0; j < d; j++) centres[c][j] = 8 * random.nextDouble() - 4 + 6 * c;
        double[][] values = new double[n][d];
        double[] weights = new double[n];
        for (int i = 0; i < n; i++) {
            int c = random.nextInt(k);
            for (int j = 0; j < d; j++) values[i][j] = centres[c][j] + (1 + 0.5 * j) * random.nextGaussian();
            for (int j = 1; j < d; j++) if (random.nextDouble() < missing) values[i][j] = Double.NaN;
            weights[i] = 0.5 + 1.5 * random.nextDouble();
        }
        return new Rows(values, weights);
    }

    /** A DataFrame of columns "features" (vector) and "weight" (double), in {@code partitions} partitions in row order. */
    static Dataset<Row> frame(SparkSession spark, Rows rows, int partitions) {
        List<Row> list = new ArrayList<>();
        for (int i = 0; i < rows.values().length; i++) {
            list.add(RowFactory.create(Vectors.dense(rows.values()[i]), rows.weights()[i]));
        }
        StructType schema = new StructType()
                .add("features", SQLDataTypes.VectorType(), false)
                .add("weight", DataTypes.DoubleType, false);
        return spark.createDataFrame(JavaSparkContext.fromSparkContext(spark.sparkContext()).parallelize(list, partitions), schema);
    }
}
