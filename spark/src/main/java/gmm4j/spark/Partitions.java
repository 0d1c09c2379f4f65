// SPDX-License-Identifier: Apache-2.0
package gmm4j.spark;

import gmm4j.GaussianMixtureModel;
import gmm4j.SufficientStatistics;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.storage.StorageLevel;
import scala.Tuple2;

import java.io.Serial;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * The rows of a DataFrame as cached {@link Block}s, one per partition, checked once, and the passes
 * EM takes over them: each pass broadcasts a list of models (one per EM run advanced together),
 * works on every block on the executors and brings the results back in partition order, where
 * they are merged along the engine's fixed tree ({@link SufficientStatistics#mergeAll}): the result
 * does not depend on which task finished first. {@link #close()} unpersists the blocks.
 */
final class Partitions implements AutoCloseable {
    /** The step between seeds: the core's. */
    static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private final JavaSparkContext sc;
    private final JavaRDD<Block> blocks;
    /** The number of rows of the DataFrame. */
    final long rows;
    /** The values per row. */
    final int d;
    /** The weight of the rows with an observed value. */
    final double weight;
    /** The last sample drawn ({@link #sample}) and what it was drawn with. */
    private gmm4j.Dataset sample;
    private long sampleKey = -1;
    private long sampleSeed;

    private Partitions(JavaSparkContext sc, JavaRDD<Block> blocks, List<Block.Shape> shapes, long rows) {
        this.sc = sc;
        this.blocks = blocks;
        this.rows = rows;
        this.d = shapes.stream().mapToInt(Block.Shape::d).max().orElse(0);
        double sum = 0;
        for (Block.Shape shape : shapes) sum += shape.weight(); // in partition order: the same sum every time
        this.weight = sum;
    }

    /**
     * The blocks of column {@code features} (and {@code weight}, null for unit weights), cached and checked.
     *
     * @throws IllegalArgumentException for a bad row, naming the column and the row's index
     */
    static Partitions of(Dataset<?> data, String features, String weight) {
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
            return new Partitions(sc, blocks, shapes, Plan.check(shapes, features));
        } catch (RuntimeException e) {
            blocks.unpersist(false);
            throw e;
        }
    }

    @Override
    public void close() {
        blocks.unpersist(false);
    }

    /**
     * The rows a start is computed from: all of them, in order, when there are at most
     * {@code sampleSize}; otherwise each row with probability {@code sampleSize / rows}, drawn per
     * partition from {@code seed} and the partition's index. Drawn once for a size and seed.
     */
    gmm4j.Dataset sample(int sampleSize, long seed) {
        if (sample != null && sampleKey == sampleSize && sampleSeed == seed) return sample;
        double fraction = (double) sampleSize / rows;
        sample = rows <= sampleSize ? Block.concatenate(blocks.collect())
                : Block.concatenate(blocks.map(b -> draw(b, fraction, seed)).collect());
        sampleKey = sampleSize;
        sampleSeed = seed;
        return sample;
    }

    /** The rows of {@code block} drawn each with probability {@code fraction}, from the seed and the partition. */
    private static Block draw(Block block, double fraction, long seed) {
        SplittableRandom random = new SplittableRandom(seed + block.partition * GOLDEN);
        return block.rows(IntStream.range(0, block.n).filter(i -> random.nextDouble() < fraction).toArray());
    }

    /** One E-step of each of {@code models} over all the rows, in one pass: their statistics, in the models' order. */
    List<SufficientStatistics> statistics(List<GaussianMixtureModel> models) {
        List<List<SufficientStatistics>> parts = perBlock(List.copyOf(models),
                (ms, b) -> b.usable ? ms.stream().map(m -> SufficientStatistics.of(m, b.dataset())).toList() : null);
        return IntStream.range(0, models.size())
                .mapToObj(m -> SufficientStatistics.mergeAll(parts.stream().filter(p -> p != null).map(p -> p.get(m)).toList()))
                .toList();
    }

    /** The final score of each of {@code models}, in one pass (see {@link Score}). */
    List<Score> scores(List<GaussianMixtureModel> models) {
        List<List<Score>> parts = perBlock(List.copyOf(models), (ms, b) -> ms.stream().map(m -> Score.of(m, b)).toList());
        return IntStream.range(0, models.size())
                .mapToObj(m -> Score.merge(parts.stream().map(p -> p.get(m)).toList()))
                .toList();
    }

    /**
     * {@code f(shared, block)} for every block, on the executors, with {@code shared} broadcast (and
     * destroyed afterwards): the results in partition order.
     */
    <S, T> List<T> perBlock(S shared, PerBlock<S, T> f) {
        return perBlock(shared, null, (value, b, none) -> f.apply(value, b));
    }

    /**
     * {@code f(shared, block, its kept value)} for every block, on the executors, with {@code shared}
     * broadcast (and destroyed afterwards): the results in partition order. {@code kept} null: no
     * kept values (null for each block).
     */
    <S, V, T> List<T> perBlock(S shared, Kept<V> kept, WithKept<S, V, T> f) {
        Broadcast<S> broadcast = sc.broadcast(shared);
        try {
            JavaRDD<Tuple2<Integer, T>> results = kept == null
                    ? blocks.map(b -> new Tuple2<>(b.partition, f.apply(broadcast.value(), b, null)))
                    : blocks.zip(kept.values).map(p -> new Tuple2<>(p._1().partition, f.apply(broadcast.value(), p._1(), p._2())));
            List<Tuple2<Integer, T>> parts = new ArrayList<>(results.collect());
            parts.sort(Comparator.comparing(Tuple2::_1));
            return parts.stream().map(Tuple2::_2).toList();
        } finally {
            broadcast.destroy();
        }
    }

    /**
     * A value per block made on the executors and kept there (cached) for the passes that follow —
     * {@code f(shared, block, the block's value in previous)}, previous null at first — so that a
     * pass can build on the last one's work instead of doing it again. {@code shared} travels with the
     * tasks (not broadcast: the values may be computed again from it); close the result when done.
     */
    <S extends Serializable, V> Kept<V> keep(S shared, Kept<V> previous, WithKept<S, V, V> f) {
        JavaRDD<V> values = previous == null ? blocks.map(b -> f.apply(shared, b, null))
                : blocks.zip(previous.values).map(p -> f.apply(shared, p._1(), p._2()));
        return new Kept<>(values.persist(StorageLevel.MEMORY_AND_DISK()));
    }

    /** Values kept per block on the executors ({@link #keep}), one per block, until closed. */
    static final class Kept<V> implements AutoCloseable {
        private final JavaRDD<V> values;

        private Kept(JavaRDD<V> values) {
            this.values = values;
        }

        @Override
        public void close() {
            values.unpersist(false);
        }
    }

    /** Work on one block given a broadcast value. */
    @FunctionalInterface
    interface PerBlock<S, T> extends Serializable {
        T apply(S shared, Block block);
    }

    /** Work on one block given a shared value and the block's kept value. */
    @FunctionalInterface
    interface WithKept<S, V, T> extends Serializable {
        T apply(S shared, Block block, V kept);
    }

    /**
     * A model's final score on some rows: the statistics of its final pass ({@link SufficientStatistics#scoreOf}:
     * the log-likelihood, the rows' weight and the MAP log-loss ICL needs, in one block pass) and how
     * many rows it assigns to each component (the noise last), every row counted.
     *
     * @param statistics null for rows that hold no weight and no observed value
     */
    record Score(SufficientStatistics statistics, long[] clusterSizes) implements Serializable {
        @Serial
        private static final long serialVersionUID = 2L;

        static Score of(GaussianMixtureModel model, Block block) {
            long[] sizes = new long[model.components() + (model.hasNoise() ? 1 : 0)];
            SufficientStatistics statistics = block.usable ? SufficientStatistics.scoreOf(model, block.dataset()) : null;
            if (statistics != null) System.arraycopy(statistics.mapLabels(), 0, sizes, 0, sizes.length);
            // the final pass skips the rows without weight or without an observed value: labelled here, one by one
            double[] x = new double[block.d];
            for (int i = 0; i < block.n; i++) {
                System.arraycopy(block.values, i * block.d, x, 0, block.d);
                if (statistics != null && (block.weights == null || block.weights[i] > 0) && observed(x)) continue;
                int label = model.predict(x);
                sizes[label == GaussianMixtureModel.NOISE ? model.components() : label]++;
            }
            return new Score(statistics, sizes);
        }

        /** The score of all the parts' rows (in partition order): the statistics merged along the engine's tree. */
        static Score merge(List<Score> parts) {
            List<SufficientStatistics> statistics = new ArrayList<>();
            long[] sizes = null;
            for (Score part : parts) {
                if (part.statistics != null) statistics.add(part.statistics);
                if (sizes == null) sizes = new long[part.clusterSizes.length];
                for (int c = 0; c < sizes.length; c++) sizes[c] += part.clusterSizes[c];
            }
            return new Score(SufficientStatistics.mergeAll(statistics), sizes);
        }

        private static boolean observed(double[] x) {
            for (double v : x) if (!Double.isNaN(v)) return true;
            return false;
        }
    }
}
