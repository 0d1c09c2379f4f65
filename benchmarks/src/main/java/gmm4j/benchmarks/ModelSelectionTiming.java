package gmm4j.benchmarks;

import gmm4j.CovarianceType;
import gmm4j.Criterion;
import gmm4j.Dataset;
import gmm4j.ModelSelection;

/**
 * The model-selection target: gmm4j's {@link ModelSelection} over K = 1..10 × the four
 * covariance types (BIC, default fit settings: k-means start, tolerance 1e-3, at most 100 iterations)
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

    static Result run(int n, ExternalPeer sklearn) throws Exception {
        Problem problem = new Problem(n, 16, TRUE_K, false);
        ClusterData data = ClusterData.generate(problem, Comparison.SEED + 1);
        Dataset dataset = data.dataset();
        ModelSelection selection = ModelSelection.builder()
                .components(1, MAX_K)
                .covariances(CovarianceType.values())
                .criterion(Criterion.BIC)
                .build();
        // the JIT's warm-up, as before every timed fit: the same selection on other data a quarter the size
        selection.select(ClusterData.generate(new Problem(n / 4, 16, TRUE_K, false), Comparison.SEED + 2).dataset());
        long start = System.nanoTime();
        ModelSelection.Result result = selection.select(dataset);
        double seconds = (System.nanoTime() - start) * 1e-9;
        double sklearnSeconds = Double.NaN;
        int sklearnIterations = -1;
        if (sklearn != null) {
            double[] fit = sklearn.oneDefaultFit(data);
            if (fit != null) {
                sklearnSeconds = fit[0];
                sklearnIterations = (int) fit[1];
            }
        }
        return new Result(problem, seconds, result.best().components(), result.best().covariance(),
                sklearnSeconds, sklearnIterations, ModelSelection.DEFAULT_SCREENING_ROWS);
    }
}
