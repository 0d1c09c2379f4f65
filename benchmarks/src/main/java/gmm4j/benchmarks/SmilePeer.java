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
 * asked for 11 iterations, after one untimed warm-up call, and says whether it stopped early (an
 * 11-iteration call taking less than twice a 1-iteration call).
 */
final class SmilePeer implements Peer {
    static final String NAME = "Smile";

    @Override
    public String name() {
        Package p = MultivariateExponentialFamilyMixture.class.getPackage();
        return NAME + (p.getImplementationVersion() == null ? "" : " " + p.getImplementationVersion());
    }

    @Override
    public List<Measurement> measure(ClusterData data, StartingPoint start) {
        double[][] rows = data.rows();
        List<Measurement> out = new ArrayList<>();
        out.add(measure(data.problem(), rows, start, false));
        out.add(measure(data.problem(), rows, start, true));
        return out;
    }

    private Measurement measure(Problem problem, double[][] rows, StartingPoint start, boolean diagonal) {
        String variant = diagonal ? "diagonal" : "full";
        String type = diagonal ? "diag" : "full";
        try {
            fit(rows, start, diagonal, IterationTiming.FIRST);
            long t0 = System.nanoTime();
            fit(rows, start, diagonal, IterationTiming.FIRST);
            long t1 = System.nanoTime();
            fit(rows, start, diagonal, IterationTiming.FIRST + IterationTiming.TIMED);
            long t2 = System.nanoTime();
            double oneIteration = (t1 - t0) * 1e-9, elevenAsked = (t2 - t1) * 1e-9;
            String note = elevenAsked < 2 * oneIteration
                    ? String.format("per call, not per iteration: asked for 11 iterations it stopped after the first (call %.3f s vs %.3f s for 1)", elevenAsked, oneIteration)
                    : String.format("per call of 11 iterations (1-iteration call %.3f s)", oneIteration);
            return new Measurement(problem, NAME, variant, type, elevenAsked, note);
        } catch (RuntimeException | OutOfMemoryError e) {
            return Measurement.failed(problem, NAME, variant, type, "failed: " + e);
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
