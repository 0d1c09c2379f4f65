package gmm4j.internal;

/**
 * The EM loop, written once for every covariance model: E-step and statistics in one pass, M-step,
 * repair of collapsed components, convergence on the change of the mean log-likelihood.
 */
final class EmRun {
    private final Table t;
    private final FitRequest s;
    private final int restart;
    private final Parallel parallel;
    private final DataScale scale;
    private final Restarts.Repairs log;

    Mixture mixture;
    Likelihood score;
    int iterations;
    boolean converged;
    boolean cancelled;
    private final double[] trace;

    EmRun(Table t, FitRequest s, int restart, Parallel parallel, DataScale scale, Restarts.Repairs log) {
        this.t = t;
        this.s = s;
        this.restart = restart;
        this.parallel = parallel;
        this.scale = scale;
        this.log = log;
        this.trace = new double[s.settings().maxIterations()];
    }

    void run(Mixture start) {
        mixture = start;
        double previous = Double.NEGATIVE_INFINITY;
        for (int iteration = 1; iteration <= s.settings().maxIterations(); iteration++) {
            log.iteration = iteration;
            Statistics stats = EStep.statistics(t, mixture, parallel);
            double current = stats.score.meanLogLikelihood();
            trace[iteration - 1] = current;
            MStep.Result next = MStep.of(stats, s.settings().covariance(), s.settings().regularization(), scale, t.levels, log);
            mixture = next.mixture();
            iterations = iteration;
            if (s.settings().listener() != null && !s.settings().listener().onIteration(restart, iteration, current)) {
                cancelled = true;
                break;
            }
            if (!next.reseeded() && Math.abs(current - previous) < s.settings().tolerance()) {
                converged = true;
                break;
            }
            previous = current;
        }
        score = mixture.score(t, parallel);
    }

    double[] trace() {
        return java.util.Arrays.copyOf(trace, iterations);
    }
}
