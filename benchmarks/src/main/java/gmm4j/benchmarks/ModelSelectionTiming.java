// SPDX-License-Identifier: Apache-2.0
package gmm4j.benchmarks;

import gmm4j.CovarianceType;
import gmm4j.Criterion;
import gmm4j.Dataset;
import gmm4j.ModelSelection;

import java.util.List;

/**
 * The model-selection target: gmm4j's {@link ModelSelection} over K = 1..10 × the four
 * covariance types (BIC, default settings: the start {@link ModelSelection#DEFAULT_INIT}, tolerance 1e-3, at most 100 iterations)
 * must take less time than scikit-learn's single fit of the true model with its defaults and
 * {@code n_init=1}. The data have K = 5 clusters, so the true model is inside the grid.
 */
final class ModelSelectionTiming {
    static final int TRUE_K = 5;
    static final int MAX_K = 10;

    /** What was measured; sklearn fields are NaN when scikit-learn is not installed. */
    record Result(Problem problem, double gmm4jSeconds, int bestK, CovarianceType bestType,
                  double sklearnSeconds, int sklearnIterations, int screeningRows) {
    }

    private ModelSelectionTiming() {
    }

    /** Timed selections, after three warm-up ones: two on other data a quarter the size, one on the data itself. */
    private static final int TIMED = 3;

    /**
     * gmm4j's time is measured in a fresh JVM with the Vector API, like its per-iteration times (see {@link Gmm4jPeer}):
     * the JIT warmed up by three selections, then the median of {@value #TIMED} timed ones.
     */
    static Result run(int n, ExternalPeer sklearn) throws Exception {
        Problem problem = problem(n);
        String line = ChildJvm.run(Gmm4jPeer.VECTOR_API, ModelSelectionTiming.class, List.of(Integer.toString(n))).stream()
                .filter(l -> l.startsWith("SELECTION ")).findFirst()
                .orElseThrow(() -> new IllegalStateException("the model-selection timing JVM reported nothing"));
        String[] f = line.split(" ");
        double sklearnSeconds = Double.NaN;
        int sklearnIterations = -1;
        if (sklearn != null) {
            double[] fit = sklearn.oneDefaultFit(ClusterData.generate(problem, Comparison.SEED + 1));
            if (fit != null) {
                sklearnSeconds = fit[0];
                sklearnIterations = (int) fit[1];
            }
        }
        return new Result(problem, Double.parseDouble(f[1]), Integer.parseInt(f[2]), CovarianceType.valueOf(f[3]),
                sklearnSeconds, sklearnIterations, ModelSelection.DEFAULT_SCREENING_ROWS);
    }

    /** In a fresh JVM: {@code n} times the selection and prints {@code SELECTION seconds bestK bestType}. */
    public static void main(String[] args) {
        int n = Integer.parseInt(args[0]);
        Dataset dataset = ClusterData.generate(problem(n), Comparison.SEED + 1).dataset();
        ModelSelection selection = ModelSelection.builder()
                .components(1, MAX_K)
                .covariances(CovarianceType.scikitLearnTypes())
                .criterion(Criterion.BIC)
                .build();
        Dataset other = ClusterData.generate(new Problem(n / 4, 16, TRUE_K, false), Comparison.SEED + 2).dataset();
        selection.select(other);
        selection.select(other);
        selection.select(dataset);
        double[] seconds = new double[TIMED];
        ModelSelection.Result result = null;
        for (int t = 0; t < TIMED; t++) {
            long start = System.nanoTime();
            result = selection.select(dataset);
            seconds[t] = (System.nanoTime() - start) * 1e-9;
        }
        System.out.println("SELECTION " + IterationTiming.median(seconds) + " " + result.best().components() + " " + result.best().covariance());
    }

    private static Problem problem(int n) {
        return new Problem(n, 16, TRUE_K, false);
    }
}
