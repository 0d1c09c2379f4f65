// SPDX-License-Identifier: Apache-2.0
package gmm4j.spark;

import gmm4j.Repair;
import gmm4j.SufficientStatistics;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.storage.StorageLevel;
import scala.Tuple2;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * EM over the partitions of a DataFrame: each partition converted once to a {@link Block} and
 * cached; per iteration the current model is broadcast, each block's {@link SufficientStatistics}
 * taken on the executors, collected and merged on the driver in partition order along the
 * engine's tree ({@link SufficientStatistics#mergeAll}), and the M-step taken on the driver. The
 * loop is the core's: convergence when the mean log-likelihood changes by less than the tolerance
 * in an iteration without a re-seeded component, restarts from seeds {@code seed + r·GOLDEN}, the
 * most likely kept.
 */
final class DistributedEm {
    /** The step between restarts' seeds: the core's. */
    static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private final gmm4j.GaussianMixture settings;
    private final int sampleSize;

    /** The fitted core model and the summary of the fit. */
    record Result(gmm4j.GaussianMixtureModel model, GaussianMixtureSummary summary) {
    }

    DistributedEm(gmm4j.GaussianMixture settings, int sampleSize) {
        this.settings = settings;
        this.sampleSize = sampleSize;
    }

    /**
     * Fits the vectors of column {@code features}, weighted by column {@code weight} (null for unit weights).
     *
     * @throws IllegalArgumentException for a bad row, naming the column and the row's index
     */
    Result fit(Dataset<?> data, String features, String weight) {
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(data.sparkSession().sparkContext());
        boolean weighted = weight != null;
        Dataset<Row> columns = weighted
                ? data.select(functions.col(features), functions.col(weight).cast("double"))
                : data.select(functions.col(features));
        JavaRDD<Block> blocks = columns.javaRDD()
                .mapPartitionsWithIndex((p, rows) -> List.of(Block.of(p, rows, weighted, features, weight)).iterator(), true)
                .persist(StorageLevel.MEMORY_AND_DISK());
        try {
            List<Block.Shape> shapes = blocks.map(Block::shape).collect();
            long rows = Plan.check(shapes, features);
            gmm4j.Dataset sample = sample(blocks, rows);
            Run best = null;
            List<Double> restartLogLikelihoods = new ArrayList<>();
            for (int restart = 0; restart < settings.restarts(); restart++) {
                gmm4j.GaussianMixture one = settings.toBuilder().seed(settings.seed() + restart * GOLDEN).restarts(1).build();
                Run run = run(sc, blocks, one.initialize(sample));
                restartLogLikelihoods.add(run.logLikelihood);
                if (best == null || run.logLikelihood > best.logLikelihood || Double.isNaN(best.logLikelihood)) best = run;
            }
            long[] sizes = clusterSizes(sc, blocks, best.model);
            GaussianMixtureSummary summary = new GaussianMixtureSummary(best.logLikelihood, best.totalWeight,
                    best.model.parameterCount(), best.iterations, best.converged, sizes,
                    restartLogLikelihoods.stream().mapToDouble(Double::doubleValue).toArray());
            return new Result(best.model, summary);
        } finally {
            blocks.unpersist(false);
        }
    }

    /** One restart's EM run. */
    private record Run(gmm4j.GaussianMixtureModel model, double logLikelihood, double totalWeight, int iterations,
                       boolean converged) {
    }

    private Run run(JavaSparkContext sc, JavaRDD<Block> blocks, gmm4j.GaussianMixtureModel start) {
        gmm4j.GaussianMixtureModel model = start;
        double previous = Double.NEGATIVE_INFINITY;
        int iterations = 0;
        boolean converged = false;
        for (int iteration = 1; iteration <= settings.maxIterations(); iteration++) {
            SufficientStatistics statistics = statistics(sc, blocks, model);
            double current = statistics.logLikelihood() / statistics.totalWeight();
            model = statistics.estimate(settings);
            iterations = iteration;
            boolean reseeded = model.repairs().stream().anyMatch(r -> r.kind() == Repair.Kind.COMPONENT_RESEEDED);
            if (!reseeded && Math.abs(current - previous) < settings.tolerance()) {
                converged = true;
                break;
            }
            previous = current;
        }
        SufficientStatistics last = statistics(sc, blocks, model);
        return new Run(model, last.logLikelihood(), last.totalWeight(), iterations, converged);
    }

    /** The statistics of every usable block under {@code model}, merged in partition order. */
    private static SufficientStatistics statistics(JavaSparkContext sc, JavaRDD<Block> blocks,
                                                   gmm4j.GaussianMixtureModel model) {
        List<SufficientStatistics> parts = inPartitionOrder(sc, blocks.filter(b -> b.usable), model,
                (m, b) -> SufficientStatistics.of(m, b.dataset()));
        return SufficientStatistics.mergeAll(parts);
    }

    /** How many rows {@code model} assigns to each component. */
    private static long[] clusterSizes(JavaSparkContext sc, JavaRDD<Block> blocks, gmm4j.GaussianMixtureModel model) {
        long[] sizes = new long[model.components()];
        for (long[] part : inPartitionOrder(sc, blocks, model, DistributedEm::predictions)) {
            for (int c = 0; c < sizes.length; c++) sizes[c] += part[c];
        }
        return sizes;
    }

    private static long[] predictions(gmm4j.GaussianMixtureModel model, Block block) {
        long[] counts = new long[model.components()];
        for (int i = 0; i < block.n; i++) {
            counts[model.predict(java.util.Arrays.copyOfRange(block.values, i * block.d, (i + 1) * block.d))]++;
        }
        return counts;
    }

    /** {@code f(model, block)} for every block, on the executors, with the model broadcast; the results in partition order. */
    private static <T> List<T> inPartitionOrder(JavaSparkContext sc, JavaRDD<Block> blocks,
                                                gmm4j.GaussianMixtureModel model, PerBlock<T> f) {
        Broadcast<gmm4j.GaussianMixtureModel> shared = sc.broadcast(model);
        try {
            List<Tuple2<Integer, T>> parts = new ArrayList<>(
                    blocks.map(b -> new Tuple2<>(b.partition, f.apply(shared.value(), b))).collect());
            parts.sort(Comparator.comparing(Tuple2::_1));
            return parts.stream().map(Tuple2::_2).toList();
        } finally {
            shared.destroy();
        }
    }

    /** Work on one block under the broadcast model. */
    @FunctionalInterface
    private interface PerBlock<T> extends java.io.Serializable {
        T apply(gmm4j.GaussianMixtureModel model, Block block);
    }

    /**
     * The rows the start is computed from: all of them, in order, when there are at most
     * {@link #sampleSize}; otherwise each row with probability {@code sampleSize / rows}, drawn per
     * partition from the seed and the partition's index.
     */
    private gmm4j.Dataset sample(JavaRDD<Block> blocks, long rows) {
        if (rows <= sampleSize) return Block.concatenate(blocks.collect());
        double fraction = (double) sampleSize / rows;
        long seed = settings.seed();
        return Block.concatenate(blocks.map(b -> draw(b, fraction, seed)).collect());
    }

    /** The rows of {@code block} drawn each with probability {@code fraction}, from the seed and the partition. */
    private static Block draw(Block block, double fraction, long seed) {
        SplittableRandom random = new SplittableRandom(seed + block.partition * GOLDEN);
        return block.rows(IntStream.range(0, block.n).filter(i -> random.nextDouble() < fraction).toArray());
    }
}
