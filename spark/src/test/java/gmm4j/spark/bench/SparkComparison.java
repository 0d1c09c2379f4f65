// SPDX-License-Identifier: Apache-2.0
package gmm4j.spark.bench;

import org.apache.spark.ml.clustering.GaussianMixtureModel;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * gmm4j-spark against Spark ML's own {@code GaussianMixture} in one local[2] JVM, on data read from
 * Parquet (a {@code parallelize}d DataFrame ships its rows again with every job): seconds per EM
 * iteration (the difference of a 2- and a 12-iteration fit, over 10, so that the fixed costs of a
 * fit cancel), the fitted log-likelihood and the adjusted Rand index against the true clusters.
 * Not a test; run by hand:
 *
 * <pre>
 * mvn -pl spark -am package -DskipTests -Pspark-compare -Dcompare.args="200000 16 16"
 * </pre>
 */
public final class SparkComparison {
    private SparkComparison() {
    }

    /** @param args rows, columns, components (default 200 000, 16, 16) */
    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        int d = args.length > 1 ? Integer.parseInt(args[1]) : 16;
        int k = args.length > 2 ? Integer.parseInt(args[2]) : 16;
        SparkSession spark = SparkSession.builder().appName("SparkComparison").master("local[2]")
                .config("spark.ui.enabled", "false").config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1").getOrCreate();
        spark.sparkContext().setLogLevel("WARN");
        Path dir = Files.createTempDirectory("gmm4j-spark-comparison");
        try {
            String parquet = dir.resolve("data.parquet").toString();
            write(spark, n, d, k, parquet);
            Dataset<Row> data = spark.read().parquet(parquet).cache();
            System.out.printf(Locale.ROOT, "%d rows x %d columns, K = %d, %d partitions%n", data.count(), d, k,
                    data.javaRDD().getNumPartitions());
            System.out.println("engine           s/iteration   log-likelihood    ARI");
            for (String engine : new String[]{"gmm4j-spark", "spark-ml"}) {
                fitTimed(engine, data, k, 2);                       // warm-up
                long t2 = fitTimed(engine, data, k, 2);
                long t12 = fitTimed(engine, data, k, 12);
                double[] quality = quality(engine, data, k);
                System.out.printf(Locale.ROOT, "%-14s %12.4f %16.6g %8.4f%n", engine, (t12 - t2) / 10e9, quality[0], quality[1]);
            }
        } finally {
            spark.stop();
        }
    }

    /** Nanoseconds of one fit of {@code iterations} iterations (tolerance 0: all of them run). */
    private static long fitTimed(String engine, Dataset<Row> data, int k, int iterations) {
        long start = System.nanoTime();
        fit(engine, data, k, iterations);
        return System.nanoTime() - start;
    }

    private static Object fit(String engine, Dataset<Row> data, int k, int iterations) {
        if (engine.equals("gmm4j-spark")) {
            return new gmm4j.spark.GaussianMixture().setK(k).setMaxIter(iterations).setTol(0).setSeed(1).fit(data);
        }
        return new org.apache.spark.ml.clustering.GaussianMixture().setK(k).setMaxIter(iterations).setTol(0).setSeed(1)
                .fit(data);
    }

    /** The log-likelihood and ARI of a fit to convergence (at most 100 iterations, the engines' own tolerances). */
    private static double[] quality(String engine, Dataset<Row> data, int k) {
        double logLikelihood;
        Dataset<Row> scored;
        if (engine.equals("gmm4j-spark")) {
            gmm4j.spark.GaussianMixtureModel model = new gmm4j.spark.GaussianMixture().setK(k).setSeed(1).fit(data);
            logLikelihood = model.summary().logLikelihood();
            scored = model.transform(data);
        } else {
            GaussianMixtureModel model = new org.apache.spark.ml.clustering.GaussianMixture().setK(k).setSeed(1).fit(data);
            logLikelihood = model.summary().logLikelihood();
            scored = model.transform(data);
        }
        List<Row> labels = scored.select("label", "prediction").collectAsList();
        int[] truth = new int[labels.size()];
        int[] found = new int[labels.size()];
        for (int i = 0; i < truth.length; i++) {
            truth[i] = labels.get(i).getInt(0);
            found[i] = labels.get(i).getInt(1);
        }
        return new double[]{logLikelihood, adjustedRandIndex(truth, found)};
    }

    /** Writes n rows around k well-separated centres in d dimensions, with their true labels, to Parquet. */
    private static void write(SparkSession spark, int n, int d, int k, String path) {
        SplittableRandom random = new SplittableRandom(7);
        double[][] centres = new double[k][d];
        for (double[] c : centres) for (int j = 0; j < d; j++) c[j] = 20 * random.nextDouble();
        List<Row> rows = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int c = random.nextInt(k);
            double[] x = new double[d];
            for (int j = 0; j < d; j++) x[j] = centres[c][j] + 0.5 * random.nextGaussian();
            rows.add(RowFactory.create(Vectors.dense(x), c));
        }
        StructType schema = new StructType().add("features", SQLDataTypes.VectorType(), false)
                .add("label", DataTypes.IntegerType, false);
        spark.createDataFrame(rows, schema).repartition(2).write().parquet(path);
    }

    /** The adjusted Rand index of two labellings (1: the same partition; about 0: unrelated). */
    static double adjustedRandIndex(int[] a, int[] b) {
        Map<Long, Long> pairs = new HashMap<>();
        Map<Integer, Long> rowsA = new HashMap<>();
        Map<Integer, Long> rowsB = new HashMap<>();
        for (int i = 0; i < a.length; i++) {
            pairs.merge(((long) a[i] << 32) | (b[i] & 0xffffffffL), 1L, Long::sum);
            rowsA.merge(a[i], 1L, Long::sum);
            rowsB.merge(b[i], 1L, Long::sum);
        }
        double index = pairs.values().stream().mapToDouble(SparkComparison::choose2).sum();
        double sumA = rowsA.values().stream().mapToDouble(SparkComparison::choose2).sum();
        double sumB = rowsB.values().stream().mapToDouble(SparkComparison::choose2).sum();
        double expected = sumA * sumB / choose2(a.length);
        return (index - expected) / ((sumA + sumB) / 2 - expected);
    }

    private static double choose2(long m) {
        return m * (m - 1) / 2.0;
    }
}
