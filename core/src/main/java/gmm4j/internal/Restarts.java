// SPDX-License-Identifier: Apache-2.0
package gmm4j.internal;

import gmm4j.ConjugatePrior;
import gmm4j.Repair;
import gmm4j.RestartSummary;
import gmm4j.StopReason;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Runs the restarts of a fit and keeps the one with the best final log-likelihood. */
public final class Restarts {
    private Restarts() {
    }

    /**
     * The result of a fit.
     *
     * @param mixture    the best restart's parameters
     * @param score      the log-likelihood, MAP log-loss and weight of the data under {@code mixture}
     * @param stopReason why the best restart's EM run stopped
     * @param cancelled  whether a listener stopped the fit (in any restart)
     * @param scale      the training data's scale
     * @param prior      the conjugate prior the fit was under (its M-steps MAP), or null
     */
    public record Result(Mixture mixture, Likelihood score, int iterations, StopReason stopReason, boolean cancelled,
                         List<RestartSummary> restarts, List<Repair> repairs, DataScale scale, Prior prior) {
    }

    /**
     * The request with its settings' conjugate prior resolved on {@code t} (mclust's defaults taken
     * from the data once, for the settings' K and covariance model); as it is without one.
     *
     * @throws IllegalArgumentException when a given prior mean or scale has another dimension than
     *                                  the data (the settings already refused a model without a prior)
     */
    public static FitRequest resolvePrior(Table t, FitRequest s, DataScale scale, Parallel parallel) {
        ConjugatePrior spec = s.settings().prior();
        if (spec == null || s.prior() != null) return s;
        CovarianceModel model = CovarianceModel.of(s.settings().covariance());
        Prior prior = Prior.of(spec, t, s.settings().components(), model.scalarPriorScale(), scale, parallel);
        return new FitRequest(s.settings(), s.start(), s.starts(), prior);
    }

    /** Runs the restarts of a fit of {@code t} and keeps the best. */
    public static Result run(Table t, FitRequest request, Parallel parallel) {
        DataScale scale = DataScale.of(t, parallel);
        FitRequest s = resolvePrior(t, request, scale, parallel);
        List<RestartSummary> summaries = new ArrayList<>();
        List<Repair> repairs = new ArrayList<>();
        EmRun best = null;
        boolean cancelled = false;
        for (int restart = 0; restart < s.settings().restarts(); restart++) {
            Repairs log = new Repairs(restart, repairs);
            Mixture start = start(t, s, restart, parallel, scale, log);
            EmRun run = new EmRun(t, s, restart, parallel, scale, log);
            run.run(start);
            summaries.add(new RestartSummary(restart, run.iterations, run.stopReason == StopReason.CONVERGED,
                    run.score.meanLogLikelihood(), run.trace(), run.stopReason));
            if (best == null || run.score.logLikelihood() > best.score.logLikelihood()
                    || Double.isNaN(best.score.logLikelihood())) {
                best = run;
            }
            if (run.stopReason == StopReason.CANCELLED) {
                cancelled = true;
                break;
            }
        }
        return new Result(best.mixture, best.score, best.iterations, best.stopReason, cancelled,
                List.copyOf(summaries), List.copyOf(repairs), scale, s.prior());
    }

    /**
     * The starting parameters of a restart: the explicit ones, or the initialiser's from its own
     * seed; with a noise component, {@link NoiseStart}'s.
     */
    public static Mixture start(Table t, FitRequest s, int restart, Parallel parallel, DataScale scale, RepairLog log) {
        SplittableRandom random = new SplittableRandom(s.settings().seed() + restart * 0x9E3779B97F4A7C15L);
        if (s.settings().noise()) return NoiseStart.start(t, s, random, restart, parallel, scale, log);
        if (s.start() != null) return s.start();
        return Initializer.initialize(t, s, restart, random, parallel, scale, log);
    }

    /**
     * The start from given weights and means whose covariances come from the data: see
     * {@code StartingParameters} without covariances.
     */
    public static Mixture fromMeans(Table t, FitRequest s, double[] weights, double[][] means, Parallel parallel) {
        double[] flat = new double[means.length * t.d];
        for (int c = 0; c < means.length; c++) System.arraycopy(means[c], 0, flat, c * t.d, t.d);
        return Initializer.fromMeans(t, s, weights, flat, parallel, DataScale.of(t, parallel), RepairLog.IGNORE);
    }

    /** Collects repairs, stamping the restart and the current iteration; a component left collapsed is told once. */
    public static final class Repairs implements RepairLog {
        private final int restart;
        private final List<Repair> into;
        private final java.util.Set<Integer> leftCollapsed = new java.util.HashSet<>();
        int iteration;

        public Repairs(int restart, List<Repair> into) {
            this.restart = restart;
            this.into = into;
        }

        /** Stamps the repairs from now on with this iteration. */
        public Repairs at(int iteration) {
            this.iteration = iteration;
            return this;
        }

        @Override
        public void jitter(int component, double amount) {
            into.add(new Repair(Repair.Kind.JITTER_RAISED, restart, iteration, component, amount, -1));
        }

        @Override
        public void reseeded(int component, int row, double mass) {
            into.add(new Repair(Repair.Kind.COMPONENT_RESEEDED, restart, iteration, component, mass, row));
        }

        @Override
        public void notReseeded(int component, int row, double mass) {
            if (leftCollapsed.add(component)) {
                into.add(new Repair(Repair.Kind.COLLAPSE_NOT_REPAIRED, restart, iteration, component, mass, row));
            }
        }
    }
}
