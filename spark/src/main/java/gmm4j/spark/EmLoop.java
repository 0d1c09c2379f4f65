// SPDX-License-Identifier: Apache-2.0
package gmm4j.spark;

import gmm4j.Repair;
import gmm4j.RestartSummary;
import gmm4j.StopReason;
import gmm4j.SufficientStatistics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One EM run on the driver, one iteration at a time, as the core's loop runs it: each iteration
 * takes the statistics of the current model over all the rows and its M-step
 * ({@link SufficientStatistics#estimate}); the run stops when the mean log-likelihood changes by
 * less than the tolerance in an iteration that re-seeded no component (converged, or collapsed when
 * that M-step left a collapsed component it could not repair) or after the iteration budget. It
 * keeps the run's account: the trace of mean log-likelihoods and the repairs, stamped with the
 * restart and the iteration (a collapse that could not be repaired told once per component).
 */
final class EmLoop {
    private final gmm4j.GaussianMixture settings;
    private final int restart;
    private gmm4j.GaussianMixtureModel model;
    private double previous = Double.NEGATIVE_INFINITY;
    private int iterations;
    private StopReason stopReason;
    private double[] trace = new double[16];
    private final List<Repair> repairs = new ArrayList<>();

    /** A run of restart {@code restart} with {@code settings}, from {@code start}. */
    EmLoop(gmm4j.GaussianMixture settings, int restart, gmm4j.GaussianMixtureModel start) {
        this.settings = settings;
        this.restart = restart;
        this.model = start;
    }

    /** @return the current parameters: the start, then each M-step's */
    gmm4j.GaussianMixtureModel model() {
        return model;
    }

    /** @return whether the run has stopped */
    boolean done() {
        return stopReason != null;
    }

    /** One iteration, given the statistics of {@link #model()} over all the rows. */
    void step(SufficientStatistics statistics) {
        if (done()) throw new IllegalStateException("The run has stopped.");
        int iteration = ++iterations;
        double current = statistics.logLikelihood() / statistics.totalWeight();
        if (iteration > trace.length) trace = Arrays.copyOf(trace, 2 * trace.length);
        trace[iteration - 1] = current;
        model = statistics.estimate(settings);
        boolean reseeded = false;
        for (Repair r : model.repairs()) {
            reseeded |= r.kind() == Repair.Kind.COMPONENT_RESEEDED;
            if (r.kind() == Repair.Kind.COLLAPSE_NOT_REPAIRED && toldCollapse(r.component())) continue;
            repairs.add(new Repair(r.kind(), restart, iteration, r.component(), r.value(), r.row()));
        }
        if (!reseeded && Math.abs(current - previous) < settings.tolerance()) {
            stopReason = model.stopReason() == StopReason.COMPONENT_COLLAPSED ? StopReason.COMPONENT_COLLAPSED : StopReason.CONVERGED;
        } else if (iteration == settings.maxIterations()) {
            stopReason = StopReason.MAX_ITERATIONS;
        }
        previous = current;
    }

    private boolean toldCollapse(int component) {
        return repairs.stream().anyMatch(r -> r.kind() == Repair.Kind.COLLAPSE_NOT_REPAIRED && r.component() == component);
    }

    /** @return the repairs of the run, in order */
    List<Repair> repairs() {
        return List.copyOf(repairs);
    }

    /** @return the run's iterations */
    int iterations() {
        return iterations;
    }

    /** The run's summary, given the final score of its parameters. */
    RestartSummary summary(Partitions.Score last) {
        return new RestartSummary(restart, iterations, stopReason == StopReason.CONVERGED,
                last.statistics().logLikelihood() / last.statistics().totalWeight(), Arrays.copyOf(trace, iterations),
                stopReason);
    }

    /**
     * The core model of this run's final parameters with the diagnostics of the whole fit (see
     * {@link SufficientStatistics#fitted}), given their final score, every restart's summary and
     * every restart's repairs.
     */
    gmm4j.GaussianMixtureModel fitted(Partitions.Score last, List<RestartSummary> restarts, List<Repair> allRepairs) {
        return last.statistics().fitted(model, last.statistics().mapLogLoss(), iterations, stopReason, restarts, allRepairs);
    }
}
