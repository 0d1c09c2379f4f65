// SPDX-License-Identifier: Apache-2.0
package gmm4j.benchmarks.spark;

import org.apache.spark.ml.clustering.GaussianMixtureModel;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * gmm4j-spark against Spark ML's own {@code GaussianMixture} in one local[2] JVM, on data written to
 * Parquet first and read back (a {@code parallelize}d DataFrame ships its rows again with every
 * job): seconds per EM iteration — the difference of the medians of three fits of at most 12 and
 * three of 1 iteration, tolerance 0, the engines taking turns round by round, over the difference of
 * the iterations each engine actually ran (Spark ML stops early when its log-likelihood stands
 * still), so that the fixed costs of a fit cancel; after a warm-up fit — and the log-likelihood and the
 * adjusted Rand index against the true clusters of a fit to convergence with each engine's defaults
 * (at most 100 iterations; gmm4j: tolerance 1e-3 on the mean log-likelihood, Spark ML: 0.01 on the
 * total). Both fit full covariances from their own default start with seed 1. Prints a Markdown table.
 *
 * <pre>
 * mvn -Pbenchmarks,spark-compare -pl benchmarks/spark -am package -DskipTests [-Dcompare.args="200000x16x16"]
 * </pre>
 */
public final class SparkComparison {
    /** Rounds of timed short and long fits per problem, the engines taking turns: the medians are compared. */
    private static final int ROUNDS = 3;
    /** The iterations of the short fit. */
    private static final int SHORT = 1;
    /** The most iterations of the long fit (with tolerance 0; Spark ML stops earlier when its log-likelihood stands still). */
    private static final int LONG = 12;

    private SparkComparison() {
    }

    private static long median(long[] times) {
        long[] sorted = times.clone();
        java.util.Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    /** @param args the directory for the Parquet files, then problems n×d×K (default 200000x16x16 1000000x2x3) */
    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        List<String> problems = args.length > 1 ? List.of(args).subList(1, args.length) : List.of("200000x16x16", "1000000x2x3");
        SparkSession spark = SparkSession.builder().appName("SparkComparison").master("local[2]")
                .config("spark.ui.enabled", "false").config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1").getOrCreate();
        spark.sparkContext().setLogLevel("WARN");
        try {
            System.out.printf(Locale.ROOT, "%s, Spark %s, local[2], JDK %s, load average at start %.2f on %d cores%n%n",
                    LocalDate.now(), spark.version(), System.getProperty("java.version"),
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                    Runtime.getRuntime().availableProcessors());
            System.out.println("| data n×d, K | engine | s/iteration | per round | iterations timed | log-likelihood | iterations | ARI |");
            System.out.println("|---|---|---:|---:|---:|---:|---:|---:|");
            List<double[]> ratios = new ArrayList<>();
            for (String problem : problems) {
                String[] p = problem.split("x");
                int n = Integer.parseInt(p[0]);
                int d = Integer.parseInt(p[1]);
                int k = Integer.parseInt(p[2]);
                String parquet = dir.resolve("data-" + problem + ".parquet").toString();
                write(spark, n, d, k, parquet);
                Dataset<Row> data = spark.read().parquet(parquet).cache();
                data.count();
                String[] engines = {"gmm4j-spark", "spark-ml"};
                for (String engine : engines) fitTimed(engine, data, k, 1);               // warm-up
                // the engines take turns, round by round, so that both see the same load
                long[][][] times = new long[2][2][ROUNDS];
                int[][] iterations = new int[2][2];
                for (int round = 0; round < ROUNDS; round++) {
                    for (int length = 0; length < 2; length++) {
                        for (int e = 0; e < 2; e++) {
                            long[] timed = fitTimed(engines[e], data, k, length == 0 ? SHORT : LONG);
                            times[e][length][round] = timed[0];
                            iterations[e][length] = (int) timed[1];
                        }
                    }
                }
                double[] perIteration = new double[2];
                for (int e = 0; e < 2; e++) {
                    // over the iterations the engine ran: Spark ML may stop before LONG even with tolerance 0
                    int ran = iterations[e][1] - iterations[e][0];
                    perIteration[e] = (median(times[e][1]) - median(times[e][0])) / (ran * 1e9);
                    double low = Double.POSITIVE_INFINITY, high = Double.NEGATIVE_INFINITY;
                    for (int round = 0; round < ROUNDS; round++) {
                        double t = (times[e][1][round] - times[e][0][round]) / (ran * 1e9);
                        low = Math.min(low, t);
                        high = Math.max(high, t);
                    }
                    double[] quality = quality(engines[e], data, k);
                    System.out.printf(Locale.ROOT, "| %,d×%d, K=%d | %s | %.3g | %.3g–%.3g | %d→%d | %.8g | %d | %.4f |%n", n, d, k,
                            engines[e], perIteration[e], low, high, iterations[e][0], iterations[e][1], quality[0],
                            (int) quality[2], quality[1]);
                }
                ratios.add(new double[]{n, d, k, perIteration[0] / perIteration[1]});
                data.unpersist();
            }
            System.out.println();
            for (double[] r : ratios) {
                System.out.printf(Locale.ROOT, "%,d×%d, K=%d: gmm4j-spark's time per iteration is %.3f× Spark ML's (target ≤ 0.1)%n",
                        (long) r[0], (int) r[1], (int) r[2], r[3]);
            }
        } finally {
            spark.stop();
        }
    }

    /**
     * Nanoseconds of one fit of at most {@code iterations} iterations with tolerance 0, and the
     * iterations it ran: gmm4j runs them all; Spark ML stops when its log-likelihood does not change
     * at all (on 200 000×16, K=16, after 3: its components have become identical).
     */
    private static long[] fitTimed(String engine, Dataset<Row> data, int k, int iterations) {
        long start = System.nanoTime();
        int ran;
        if (engine.equals("gmm4j-spark")) {
            ran = new gmm4j.spark.GaussianMixture().setK(k).setMaxIter(iterations).setTol(0).setSeed(1).fit(data)
                    .summary().iterations();
        } else {
            ran = new org.apache.spark.ml.clustering.GaussianMixture().setK(k).setMaxIter(iterations).setTol(0).setSeed(1)
                    .fit(data).summary().numIter();
        }
        return new long[]{System.nanoTime() - start, ran};
    }

    /** The log-likelihood, ARI and iterations of a fit to convergence with the engine's own defaults. */
    private static double[] quality(String engine, Dataset<Row> data, int k) {
        double logLikelihood;
        int iterations;
        Dataset<Row> scored;
        if (engine.equals("gmm4j-spark")) {
            gmm4j.spark.GaussianMixtureModel model = new gmm4j.spark.GaussianMixture().setK(k).setSeed(1).fit(data);
            logLikelihood = model.summary().logLikelihood();
            iterations = model.summary().iterations();
            scored = model.transform(data);
        } else {
            GaussianMixtureModel model = new org.apache.spark.ml.clustering.GaussianMixture().setK(k).setSeed(1).fit(data);
            logLikelihood = model.summary().logLikelihood();
            iterations = model.summary().numIter();
            scored = model.transform(data);
        }
        List<Row> labels = scored.select("label", "prediction").collectAsList();
        int[] truth = new int[labels.size()];
        int[] found = new int[labels.size()];
        for (int i = 0; i < truth.length; i++) {
            truth[i] = labels.get(i).getInt(0);
            found[i] = labels.get(i).getInt(1);
        }
        return new double[]{logLikelihood, adjustedRandIndex(truth, found), iterations};
    }

    /** Writes n rows around k well-separated centres in d dimensions, with their true labels, to Parquet (2 files). */
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
        spark.createDataFrame(rows, schema).repartition(2).write().mode(SaveMode.Overwrite).parquet(path);
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
