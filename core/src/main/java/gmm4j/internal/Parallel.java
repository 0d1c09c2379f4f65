package gmm4j.internal;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.RecursiveTask;
import java.util.function.BinaryOperator;

/**
 * Row-parallel reductions whose result does not depend on the number of threads: rows are cut
 * into chunks fixed by n alone, and partial results are merged along a binary tree over the
 * chunks that is also fixed by n, whether the halves run on one thread or many.
 */
public final class Parallel implements AutoCloseable {
    /** Rows per chunk: enough work to amortise a task, small enough to stay in cache. */
    public static final int CHUNK_ROWS = 1024;

    private final ForkJoinPool pool;
    /**
     * Each thread's work arrays for the passes run through this instance (see {@link BlockScratch#of}); they
     * go when it does (a thread-local's value is held through its key, weakly).
     */
    final ThreadLocal<Object> workspace = new ThreadLocal<>();

    /** @param threads worker threads; 0 means one per available core, 1 runs in the caller's thread */
    public Parallel(int threads) {
        int count = threads == 0 ? Runtime.getRuntime().availableProcessors() : threads;
        this.pool = count <= 1 ? null : new ForkJoinPool(count);
    }

    /** Computes a result for a range of rows {@code [from, to)}. */
    @FunctionalInterface
    public interface RangeTask<T> {
        T compute(int from, int to);
    }

    /** The merge, in row order, of {@code task} over the chunks of {@code [0, n)}. */
    public <T> T reduce(int n, RangeTask<T> task, BinaryOperator<T> merge) {
        int chunks = Math.max(1, (n + CHUNK_ROWS - 1) / CHUNK_ROWS);
        Tree<T> tree = new Tree<>(0, chunks, n, task, merge, pool != null);
        if (pool == null) return tree.compute();
        Thread current = Thread.currentThread();
        if (current instanceof ForkJoinWorkerThread worker && worker.getPool() == pool) return tree.invoke();
        return pool.invoke(tree);
    }

    /** Runs independent jobs (say, the fits of a model-selection grid) on this pool, results in order. */
    public <T> java.util.List<T> all(java.util.List<java.util.concurrent.Callable<T>> jobs) {
        java.util.List<T> results = new java.util.ArrayList<>();
        if (pool == null) {
            for (var job : jobs) results.add(call(job));
            return results;
        }
        java.util.List<ForkJoinTask<T>> tasks = new java.util.ArrayList<>();
        for (var job : jobs) tasks.add(pool.submit(() -> call(job)));
        for (ForkJoinTask<T> t : tasks) results.add(t.join());
        return results;
    }

    private static <T> T call(java.util.concurrent.Callable<T> job) {
        try {
            return job.call();
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        if (pool != null) pool.shutdown();
    }

    private static final class Tree<T> extends RecursiveTask<T> {
        private final int lo;
        private final int hi;
        private final int n;
        private final RangeTask<T> task;
        private final BinaryOperator<T> merge;
        private final boolean fork;

        Tree(int lo, int hi, int n, RangeTask<T> task, BinaryOperator<T> merge, boolean fork) {
            this.lo = lo;
            this.hi = hi;
            this.n = n;
            this.task = task;
            this.merge = merge;
            this.fork = fork;
        }

        @Override
        protected T compute() {
            if (hi - lo == 1) return task.compute(lo * CHUNK_ROWS, Math.min(n, (lo + 1) * CHUNK_ROWS));
            int mid = (lo + hi) >>> 1;
            Tree<T> left = new Tree<>(lo, mid, n, task, merge, fork);
            Tree<T> right = new Tree<>(mid, hi, n, task, merge, fork);
            if (!fork) return merge.apply(left.compute(), right.compute());
            right.fork();
            T l = left.compute();
            return merge.apply(l, right.join());
        }
    }
}
