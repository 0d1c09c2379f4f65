// SPDX-License-Identifier: Apache-2.0
package gmm4j.internal;

import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.RecursiveTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BinaryOperator;

/**
 * Row-parallel reductions whose result does not depend on the number of threads: rows are cut
 * into chunks fixed by n alone, and partial results are merged along a binary tree over the
 * chunks that is also fixed by n, whether the halves run on one thread or many.
 *
 * <p>Cancellation: every chunk first checks whether this instance was {@linkplain #cancel()
 * cancelled} and, in the caller's thread, whether that thread was interrupted; either stops the
 * pass with a {@link CancellationException} before the chunk's rows. A caller waiting for the
 * pool's workers is woken by its interrupt, cancels, waits for the chunks under way to end, and
 * throws; the interrupt status stays set. The first exception a chunk or a job throws cancels
 * the rest too, and is rethrown as it was thrown (not wrapped), once they have stopped. The workers
 * are named {@code gmm4j-worker-N}.
 */
public final class Parallel implements AutoCloseable {
    /** Rows per chunk: enough work to amortise a task, small enough to stay in cache. */
    public static final int CHUNK_ROWS = 1024;

    /** The prefix of the worker threads' names. */
    public static final String WORKER_NAME = "gmm4j-worker-";
    private static final AtomicInteger WORKERS = new AtomicInteger();

    private final ForkJoinPool pool;
    /** Set once: every chunk from then on throws instead of running. */
    private volatile boolean cancelled;
    /** Whether the cancellation came from an interrupt of a caller (a fit then throws rather than returns). */
    private volatile boolean interrupted;
    /** The first exception a chunk or a job threw, as thrown: it cancels the rest and is rethrown. */
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    /**
     * Each thread's work arrays for the passes run through this instance (see {@link BlockScratch#of}); they
     * go when it does (a thread-local's value is held through its key, weakly).
     */
    final ThreadLocal<Object> workspace = new ThreadLocal<>();

    /**
     * The Vector API's kernels when this JVM has {@code jdk.incubator.vector} in its boot layer
     * ({@code --add-modules jdk.incubator.vector}) and runs 256-bit vectors and fused multiply-adds
     * in hardware; else null, and the passes run their scalar loops. Looked up by name, so that
     * {@link VectorKernels} is loaded only when its module is there.
     */
    static final VectorKernels VECTOR = vectorKernels();

    /** The kernels of the passes through this instance: {@link #VECTOR}, or null for the scalar loops. */
    final VectorKernels vector;

    /** @param threads worker threads; 0 means one per available core, 1 runs in the caller's thread */
    public Parallel(int threads) {
        this(threads, VECTOR);
    }

    /** With the given kernels (null: the scalar loops); the tests compare the two paths through it. */
    Parallel(int threads, VectorKernels vector) {
        int count = threads == 0 ? Runtime.getRuntime().availableProcessors() : threads;
        this.pool = count <= 1 ? null
                : new ForkJoinPool(count, Parallel::worker, null, false, 0, count + 256, 1, null, IDLE_MILLISECONDS, TimeUnit.MILLISECONDS);
        this.vector = vector;
    }

    /**
     * How long a worker waits for work before it ends (the pool starts another when work comes). Short,
     * so that no worker outlives its fit for long even where {@link #close()} could not finish: Weka's
     * Stop button on JDK 17 to 20 calls {@code Thread.stop} on the fitting thread, whose
     * {@code ThreadDeath} can land inside the pool's own code: about one stop in fifty, in a loop that
     * stopped running fits, {@code close()} ran, the fitting thread ended with the cancellation (the
     * {@code ThreadDeath} swallowed on the way), and the pool's idle workers went on waiting (for its
     * default 60 s); a second {@code shutdownNow} did not prevent it.
     */
    private static final long IDLE_MILLISECONDS = 100;

    private static VectorKernels vectorKernels() {
        java.util.Optional<Module> module = ModuleLayer.boot().findModule("jdk.incubator.vector");
        if (!Exponentials.HARDWARE_FMA || module.isEmpty()) return null;
        // gmm4j.core does not require the module (module-info says why): on the module path it reads
        // it from now on; the unnamed module of the class path reads every module already
        Parallel.class.getModule().addReads(module.get());
        try {
            return (VectorKernels) Class.forName("gmm4j.internal.VectorApiKernels").getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError | UnsupportedOperationException e) {
            return null; // not in this jar, or vectors under 256 bits: the scalar loops
        }
    }

    private static ForkJoinWorkerThread worker(ForkJoinPool pool) {
        ForkJoinWorkerThread thread = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(pool);
        thread.setName(WORKER_NAME + WORKERS.incrementAndGet());
        return thread;
    }

    /** Computes a result for a range of rows {@code [from, to)}. */
    @FunctionalInterface
    public interface RangeTask<T> {
        T compute(int from, int to);
    }

    /** Stops every pass through this instance at its next chunk, from now on. */
    public void cancel() {
        cancelled = true;
    }

    /** Whether {@link #cancel()} was called (or an interrupt noticed). */
    public boolean cancelled() {
        return cancelled;
    }

    /** Throws if cancelled; in the caller's own thread (no pool, or not one of its workers), an interrupt cancels. */
    private void checkCancelled() {
        Thread current = Thread.currentThread();
        boolean worker = current instanceof ForkJoinWorkerThread w && w.getPool() == pool && pool != null;
        if (!worker && current.isInterrupted()) {
            interrupted = true;
            cancelled = true;
        }
        if (cancelled) throw cancellation();
    }

    private CancellationException cancellation() {
        return new CancellationException(interrupted ? "The fit was cancelled: its thread was interrupted."
                : "The fit was cancelled.");
    }

    /** The merge, in row order, of {@code task} over the chunks of {@code [0, n)}. */
    public <T> T reduce(int n, RangeTask<T> task, BinaryOperator<T> merge) {
        int chunks = Math.max(1, (n + CHUNK_ROWS - 1) / CHUNK_ROWS);
        Tree<T> tree = new Tree<>(0, chunks, n, task, merge, pool != null);
        if (pool == null) return tree.compute();
        Thread current = Thread.currentThread();
        if (current instanceof ForkJoinWorkerThread worker && worker.getPool() == pool) return tree.invoke();
        checkCancelled();
        return await(pool.submit(tree));
    }

    /** The task's result; an interrupt of the waiting thread cancels, waits for the chunks under way, and throws. */
    private <T> T await(ForkJoinTask<T> task) {
        try {
            return task.get();
        } catch (InterruptedException e) {
            interrupted = true;
            cancel();
            task.quietlyJoin();
            Thread.currentThread().interrupt();
            throw cancellation();
        } catch (ExecutionException e) {
            failed(e.getCause());
            throw rethrown();
        }
    }

    /** Keeps {@code e} if it is the first failure, and cancels the rest. */
    private void failed(Throwable e) {
        failure.compareAndSet(null, e);
        cancel();
    }

    /** The first failure, as thrown (a checked exception of a job wrapped). */
    private RuntimeException rethrown() {
        Throwable first = failure.get();
        if (first instanceof RuntimeException r) throw r;
        if (first instanceof Error error) throw error;
        throw new IllegalStateException(first);
    }

    /**
     * Runs independent jobs (say, the fits of a model-selection grid) on this pool, results in
     * order: null for a job that {@link #cancel()} stopped or kept from starting. The first job to
     * throw cancels the others; its exception is rethrown as thrown once they have all ended.
     *
     * @throws CancellationException when a caller's interrupt stopped them
     */
    public <T> java.util.List<T> all(java.util.List<java.util.concurrent.Callable<T>> jobs) {
        java.util.List<T> results = new java.util.ArrayList<>();
        if (pool == null) {
            for (var job : jobs) results.add(guarded(job));
        } else {
            java.util.List<ForkJoinTask<T>> tasks = new java.util.ArrayList<>();
            for (var job : jobs) tasks.add(pool.submit(() -> guarded(job)));
            for (ForkJoinTask<T> t : tasks) results.add(await(t));
        }
        if (failure.get() != null) throw rethrown();
        if (interrupted) throw cancellation();
        return results;
    }

    /** The job's result, or null when cancelled before or while it ran, or when it failed (kept in {@link #failure}). */
    private <T> T guarded(java.util.concurrent.Callable<T> job) {
        if (cancelled) return null;
        try {
            return job.call();
        } catch (CancellationException e) {
            if (!cancelled) failed(e);
        } catch (Throwable e) {
            failed(e);
        }
        return null;
    }

    /** Cancels what may still run and lets the workers go. */
    @Override
    public void close() {
        if (pool == null) return;
        cancel();
        pool.shutdownNow();
    }

    private final class Tree<T> extends RecursiveTask<T> {
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
            if (hi - lo == 1) {
                checkCancelled();
                try {
                    return task.compute(lo * CHUNK_ROWS, Math.min(n, (lo + 1) * CHUNK_ROWS));
                } catch (RuntimeException | Error e) {
                    failed(e);
                    throw e;
                }
            }
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
