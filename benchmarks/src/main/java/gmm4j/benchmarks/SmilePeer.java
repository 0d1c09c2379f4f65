// SPDX-License-Identifier: Apache-2.0
package gmm4j.benchmarks;

import smile.math.matrix.Matrix;
import smile.stat.distribution.MultivariateExponentialFamilyMixture;
import smile.stat.distribution.MultivariateGaussianDistribution;
import smile.stat.distribution.MultivariateMixture;

import java.util.ArrayList;
import java.util.List;

/**
 * Smile's Gaussian-mixture EM ({@code MultivariateExponentialFamilyMixture.fit(x, components, gamma,
 * maxIter, tol)}, the engine behind {@code MultivariateGaussianMixture}), full and diagonal, from
 * the fixed start. Its loop stops after the first iteration whenever the log-likelihood is negative
 * (the usual case), so a per-iteration time cannot be measured: the table shows the time of one call
 * asked for 11 iterations, the median over the rounds (one call each), and says whether it stopped
 * early (such a call taking less than twice a 1-iteration call, timed once per problem after an
 * untimed warm-up call).
 */
final class SmilePeer implements Peer {
    static final String NAME = "Smile";

    @Override
    public String name() {
        Package p = MultivariateExponentialFamilyMixture.class.getPackage();
        return NAME + (p.getImplementationVersion() == null ? "" : " " + p.getImplementationVersion());
    }

    @Override
    public Session prepare(ClusterData data, StartingPoint start) {
        double[][] rows = data.rows();
        return Session.of(List.of(new Calls(data.problem(), rows, start, false), new Calls(data.problem(), rows, start, true)));
    }

    /** Full or diagonal on one problem: a warm-up call and a timed 1-iteration call when readied, then one 11-iteration call a round. */
    private static final class Calls implements Session.Part {
        private final Problem problem;
        private final double[][] rows;
        private final StartingPoint start;
        private final boolean diagonal;
        private final List<Double> seconds = new ArrayList<>();
        private double oneIteration;
        private String failure;

        Calls(Problem problem, double[][] rows, StartingPoint start, boolean diagonal) {
            this.problem = problem;
            this.rows = rows;
            this.start = start;
            this.diagonal = diagonal;
            try {
                fit(rows, start, diagonal, IterationTiming.FIRST);
                oneIteration = timed(IterationTiming.FIRST);
            } catch (RuntimeException | OutOfMemoryError e) {
                failure = "failed: " + e;
            }
        }

        @Override
        public void round() {
            if (failure != null) return;
            try {
                seconds.add(timed(IterationTiming.FIRST + IterationTiming.TIMED));
            } catch (RuntimeException | OutOfMemoryError e) {
                failure = "failed: " + e;
            }
        }

        private double timed(int maxIterations) {
            long t0 = System.nanoTime();
            fit(rows, start, diagonal, maxIterations);
            return (System.nanoTime() - t0) * 1e-9;
        }

        @Override
        public Measurement measurement() {
            String variant = diagonal ? "diagonal" : "full";
            String type = diagonal ? "diag" : "full";
            if (failure != null) return Measurement.failed(problem, NAME, variant, type, failure);
            double elevenAsked = IterationTiming.median(seconds);
            String note = elevenAsked < 2 * oneIteration
                    ? String.format("per call, not per iteration: asked for 11 iterations it stopped after the first (call %.3f s vs %.3f s for 1, timed once when readied)", elevenAsked, oneIteration)
                    : String.format("per call of 11 iterations (1-iteration call %.3f s, timed once when readied)", oneIteration);
            return new Measurement(problem, NAME, variant, type, elevenAsked,
                    note + ", median of " + seconds.size() + " rounds", seconds);
        }
    }

    private static void fit(double[][] rows, StartingPoint start, boolean diagonal, int maxIterations) {
        MultivariateMixture.Component[] components = new MultivariateMixture.Component[start.k()];
        for (int c = 0; c < start.k(); c++) {
            MultivariateGaussianDistribution gaussian = diagonal
                    ? new MultivariateGaussianDistribution(start.means()[c].clone(), diagonalOf(start.covariance()))
                    : new MultivariateGaussianDistribution(start.means()[c].clone(), Matrix.of(start.covariance()));
            components[c] = new MultivariateMixture.Component(start.weights()[c], gaussian);
        }
        MultivariateExponentialFamilyMixture.fit(rows, components, 0.0, maxIterations, 0.0);
    }

    private static double[] diagonalOf(double[][] m) {
        double[] diagonal = new double[m.length];
        for (int j = 0; j < m.length; j++) diagonal[j] = m[j][j];
        return diagonal;
    }
}
