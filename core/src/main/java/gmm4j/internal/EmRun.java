// SPDX-License-Identifier: Apache-2.0
package gmm4j.internal;

import gmm4j.FitListener;
import gmm4j.StopReason;

/**
 * The EM loop, written once for every covariance model: E-step and statistics in one pass, M-step,
 * repair of collapsed components, convergence on the change of the mean log-likelihood. It always
 * ends on an M-step: its last iteration (the budget's, or the one the listener stops) repairs
 * nothing, and an iteration that re-seeded a component is never the last.
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
    StopReason stopReason;
    /** The mean log-likelihood at each iteration's start, grown as the run goes (a budget may be Integer.MAX_VALUE). */
    private double[] trace = new double[16];

    EmRun(Table t, FitRequest s, int restart, Parallel parallel, DataScale scale, Restarts.Repairs log) {
        this.t = t;
        this.s = s;
        this.restart = restart;
        this.parallel = parallel;
        this.scale = scale;
        this.log = log;
    }

    void run(Mixture start) {
        mixture = start;
        int budget = s.settings().maxIterations();
        FitListener listener = s.settings().listener();
        double previous = Double.NEGATIVE_INFINITY;
        for (int iteration = 1; stopReason == null; iteration++) {
            log.iteration = iteration;
            Statistics stats = EStep.statistics(t, mixture, parallel);
            double current = stats.score.meanLogLikelihood();
            if (iteration > trace.length) trace = java.util.Arrays.copyOf(trace, (int) Math.min(Integer.MAX_VALUE - 8L, 2L * trace.length));
            trace[iteration - 1] = current;
            boolean cancelled = listener != null && !told(listener, iteration, current);
            boolean last = cancelled || iteration == budget;
            MStep.Result next = MStep.of(stats, s.settings().covariance(), s.settings().regularization(), s.prior(), scale,
                    t.levels, log, !last);
            mixture = next.mixture();
            iterations = iteration;
            if (cancelled) {
                stopReason = StopReason.CANCELLED;
            } else if (!next.reseeded() && Math.abs(current - previous) < s.settings().tolerance()) {
                stopReason = next.collapsed() ? StopReason.COMPONENT_COLLAPSED : StopReason.CONVERGED;
            } else if (last) {
                stopReason = StopReason.MAX_ITERATIONS;
            }
            previous = current;
        }
        score = mixture.score(t, parallel);
    }

    double[] trace() {
        return java.util.Arrays.copyOf(trace, iterations);
    }

    /**
     * The listener's answer. A listener that throws cancels every fit sharing these workers at once,
     * before its exception unwinds (the other candidates of a selection stop at their next chunk,
     * not an iteration later); the exception goes on as thrown.
     */
    private boolean told(FitListener listener, int iteration, double current) {
        try {
            return listener.onIteration(restart, iteration, current);
        } catch (RuntimeException | Error e) {
            parallel.cancel();
            throw e;
        }
    }
}
