// SPDX-License-Identifier: Apache-2.0
package gmm4j.benchmarks;

import gmm4j.CovarianceType;
import gmm4j.Dataset;
import gmm4j.GaussianMixture;
import gmm4j.GaussianMixtureModel;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * One EM iteration through the public API, per covariance type, size and thread count.
 *
 * <p>What is timed: {@code GaussianMixture.fit} with {@code maxIterations} iterations (default 1),
 * tolerance 0, from fixed starting parameters on a {@code Dataset} built once in setup. A fit is
 * the start (factorising K covariances: O(K·d³), negligible here), {@code iterations} × (fused
 * E-step and statistics over all rows, M-step), and <b>one more scoring pass</b> over all rows for
 * the final log-likelihood — so with the default one iteration, a measurement is about two passes
 * over the data: one E+M and one E. Run with {@code -p iterations=1,11}: the difference of the two
 * scores over 10 is one E+M iteration alone. Also created per fit: a ForkJoinPool of
 * {@code threads} workers (0 = one per core).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx4g", "--add-modules", "jdk.incubator.vector"})
public class EmIterationBenchmark {
    /** n x d x K: the three sizes. */
    @Param({"200000x16x16", "1000000x2x3", "100000x64x8"})
    public String size;

    @Param({"FULL", "TIED", "DIAGONAL", "SPHERICAL"})
    public CovarianceType covariance;

    /** Worker threads: 1, or 0 for one per core. */
    @Param({"1", "0"})
    public int threads;

    @Param({"1"})
    public int iterations;

    private Dataset dataset;
    private GaussianMixture settings;

    @Setup
    public void setUp() {
        ClusterData data = ClusterData.generate(Problem.parse(size), Comparison.SEED);
        dataset = data.dataset();
        settings = GaussianMixture.builder()
                .covariance(covariance)
                .start(data.startingPoint().toStartingParameters())
                .tolerance(0)
                .maxIterations(iterations)
                .threads(threads)
                .build();
    }

    @Benchmark
    public GaussianMixtureModel fit() {
        return settings.fit(dataset);
    }
}
