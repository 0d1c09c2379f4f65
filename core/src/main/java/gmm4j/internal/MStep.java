// SPDX-License-Identifier: Apache-2.0
package gmm4j.internal;

import gmm4j.CovarianceType;

/**
 * The second half of an EM iteration, from an E-step's statistics alone (wherever they were
 * gathered and merged): the M-step, then the repair of a collapsed component.
 */
public final class MStep {
    private MStep() {
    }

    /**
     * @param mixture   the new parameters
     * @param reseeded  whether a collapsed component was moved (the likelihood may then fall)
     * @param collapsed whether a collapsed component was left as it was: no repair could help, or none was allowed
     */
    public record Result(Mixture mixture, boolean reseeded, boolean collapsed) {
    }

    /**
     * The parameters that maximise the expected log-likelihood of {@code stats}, with covariances of
     * {@code type} plus {@code regularization} on their diagonals (under {@code prior} unless it is
     * null: the posterior mode, MAP EM), and, if {@code repair}, its first
     * collapsed component re-seeded at the worst-explained row (see {@link CollapsedComponents}).
     * Without {@code repair} (a run's last step, which must end on the M-step) nothing is re-seeded.
     *
     * @throws IllegalArgumentException when {@code stats} do not hold the moments {@code type} needs
     */
    public static Result of(Statistics stats, CovarianceType type, double regularization, Prior prior, DataScale scale,
                            int[] levels, RepairLog log, boolean repair) {
        CovarianceModel model = CovarianceModel.of(type);
        Moments moments = stats.moments;
        // the model's own kind of moments, or a kind that holds more: a spherical M-step reads the
        // diagonal's per-axis moments, not the other way round (SphericalMoments keeps only their sum)
        Class<?> needed = model.moments(moments.k, moments.d, moments.shift, moments.shift).getClass();
        if (!moments.getClass().isAssignableFrom(needed)) {
            throw new IllegalArgumentException("A " + type + " M-step needs other statistics than these: take them "
                    + "under a model of that covariance type.");
        }
        Mixture next = Mixture.estimate(stats, model, prior, regularization, scale.floor(), levels, log);
        return CollapsedComponents.repair(next, stats, scale, log, repair);
    }
}
