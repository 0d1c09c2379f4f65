package gmm4j.internal;

/**
 * The EM loop, written once for every covariance type: E-step and statistics in one pass, M-step,
 * repair of collapsed components, convergence on the change of the mean log-likelihood.
 */
final class EmRun {
    private final Table t;
    private final FitRequest s;
    private final int restart;
    private final Parallel parallel;
    private final double floor;
    private final double[] columnMeans;
    private final Fitter.Repairs log;
    /**
     * A component with less responsibility mass than one and a half average rows has collapsed:
     * on a single row its covariance shrinks to the regularisation and the likelihood grows
     * without bound, a spike, not a cluster.
     */
    private final double collapsedMass;

    Mixture mixture;
    Statistics score;
    int iterations;
    boolean converged;
    boolean cancelled;
    private final double[] trace;

    EmRun(Table t, FitRequest s, int restart, Parallel parallel, double floor, double[] columnMeans, Fitter.Repairs log) {
        this.t = t;
        this.s = s;
        this.restart = restart;
        this.parallel = parallel;
        this.floor = floor;
        this.columnMeans = columnMeans;
        this.log = log;
        this.collapsedMass = 1.5 * t.totalWeight / Math.max(1, t.n - t.emptyRows);
        this.trace = new double[s.settings().maxIterations()];
    }

    void run(Mixture start) {
        mixture = start;
        double previous = Double.NEGATIVE_INFINITY;
        for (int iteration = 1; iteration <= s.settings().maxIterations(); iteration++) {
            log.iteration = iteration;
            Statistics stats = EStep.fit(t, mixture, parallel);
            double current = stats.meanLogLikelihood();
            trace[iteration - 1] = current;
            mixture = Mixture.estimate(stats, s.settings().covariance(), s.settings().regularization(), floor, t.levels, log);
            boolean reseeded = reseedCollapsed(stats);
            iterations = iteration;
            if (s.settings().listener() != null && !s.settings().listener().onIteration(restart, iteration, current)) {
                cancelled = true;
                break;
            }
            if (!reseeded && Math.abs(current - previous) < s.settings().tolerance()) {
                converged = true;
                break;
            }
            previous = current;
        }
        score = mixture.score(t, parallel);
    }

    /** Moves the first collapsed component, if any, to the row the mixture explained worst. */
    private boolean reseedCollapsed(Statistics stats) {
        if (stats.worstRow < 0 || mixture.k == 1) return false;
        for (int c = 0; c < mixture.k; c++) {
            if (stats.count[c] < collapsedMass) {
                double[] row = new double[t.d];
                for (int j = 0; j < t.d; j++) {
                    double v = t.x[stats.worstRow * t.d + j];
                    row[j] = Double.isNaN(v) ? columnMeans[j] : v;
                }
                log.reseeded(c, stats.worstRow, stats.count[c]);
                mixture = mixture.reseed(c, row, floor, log);
                return true;
            }
        }
        return false;
    }

    double[] trace() {
        return java.util.Arrays.copyOf(trace, iterations);
    }
}
