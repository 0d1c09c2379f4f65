// SPDX-License-Identifier: Apache-2.0
package gmm4j.benchmarks;

import org.apache.commons.math3.distribution.MixtureMultivariateNormalDistribution;
import org.apache.commons.math3.distribution.fitting.MultivariateNormalMixtureExpectationMaximization;
import org.apache.commons.math3.exception.ConvergenceException;

import java.util.List;

/**
 * Apache Commons Math's {@code MultivariateNormalMixtureExpectationMaximization} (full covariance,
 * one thread), from the fixed start, only on problems marked for it: it needs about 0.7 s per
 * iteration already at 20 000×16. Timed by the difference of an 11- and a 1-iteration fit
 * ({@link WholeFitSession}). It throws a ConvergenceException whenever it reaches the iteration
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
    public Session prepare(ClusterData data, StartingPoint start) {
        if (!data.problem().withCommonsMath()) return Session.untimed(List.of());
        return WholeFitSession.prepare(data.problem(), NAME, "full", "full", "one thread", IterationTiming.TIMED, () -> {
            double[][] rows = data.rows();
            double[][][] covariances = new double[start.k()][][];
            java.util.Arrays.fill(covariances, start.covariance());
            return iterations -> {
                MixtureMultivariateNormalDistribution initial =
                        new MixtureMultivariateNormalDistribution(start.weights(), start.means(), covariances);
                try {
                    new MultivariateNormalMixtureExpectationMaximization(rows).fit(initial, iterations, Double.MIN_VALUE);
                } catch (ConvergenceException expected) {
                    // reached the iteration limit, which is what was asked for
                }
                return -1;
            };
        });
    }
}
