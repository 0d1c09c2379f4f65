package gmm4j.benchmarks;

import org.apache.commons.math3.distribution.MixtureMultivariateNormalDistribution;
import org.apache.commons.math3.distribution.fitting.MultivariateNormalMixtureExpectationMaximization;
import org.apache.commons.math3.exception.ConvergenceException;

import java.util.List;

/**
 * Apache Commons Math's {@code MultivariateNormalMixtureExpectationMaximization} (full covariance,
 * one thread), from the fixed start, only on problems marked for it: it needs about 0.7 s per
 * iteration already at 20 000×16. Timed by the difference of an 11- and a 1-iteration fit
 * ({@link IterationTiming}). It throws a ConvergenceException whenever it reaches the iteration
 * limit (tolerance is the smallest positive double, so always): that is expected and caught.
 */
final class CommonsMathPeer implements Peer {
    static final String NAME = "Commons Math";

    @Override
    public String name() {
        Package p = MultivariateNormalMixtureExpectationMaximization.class.getPackage();
        return NAME + (p.getImplementationVersion() == null ? "" : " " + p.getImplementationVersion());
    }

    @Override
    public List<Measurement> measure(ClusterData data, StartingPoint start) {
        Problem problem = data.problem();
        if (!problem.withCommonsMath()) return List.of();
        try {
            double[][] rows = data.rows();
            double[][][] covariances = new double[start.k()][][];
            java.util.Arrays.fill(covariances, start.covariance());
            IterationTiming.Result r = IterationTiming.measure(iterations -> {
                MixtureMultivariateNormalDistribution initial =
                        new MixtureMultivariateNormalDistribution(start.weights(), start.means(), covariances);
                try {
                    new MultivariateNormalMixtureExpectationMaximization(rows).fit(initial, iterations, Double.MIN_VALUE);
                } catch (ConvergenceException expected) {
                    // reached the iteration limit, which is what was asked for
                }
                return -1;
            });
            String note = IterationTiming.warnings(r) + "one thread; " + IterationTiming.METHOD;
            return List.of(new Measurement(problem, NAME, "full", "full", r.secondsPerIteration(), note));
        } catch (Exception | OutOfMemoryError e) {
            return List.of(Measurement.failed(problem, NAME, "full", "full", "failed: " + e));
        }
    }
}
