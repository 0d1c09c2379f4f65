// SPDX-License-Identifier: Apache-2.0
package gmm4j;

/**
 * Why an EM run stopped: the one value that says whether its parameters can be trusted as a fit.
 * Whatever the reason, the parameters are those of an M-step (never the state just after a
 * repair), so every model is an EM step's result.
 */
public enum StopReason {
    /** The mean per-row log-likelihood changed by less than the tolerance, and every component holds data. */
    CONVERGED,
    /** The iteration budget ran out before the log-likelihood settled. */
    MAX_ITERATIONS,
    /**
     * The log-likelihood settled, but with a collapsed component (less responsibility mass than one
     * and a half average rows, typically a spike on one outlying row) that no repair could help:
     * re-seeding it would have put it back where it sat, or where the run had already re-seeded one
     * (a loop); {@link GaussianMixtureModel#repairs()} then holds a
     * {@link Repair.Kind#COLLAPSE_NOT_REPAIRED} naming the component and the row. (It is also the
     * reason when the log-likelihood settled on the budget's last iteration, which repairs nothing,
     * with a component collapsed.) The model is not converged: use fewer components, or remove or
     * down-weight the outlying rows.
     */
    COMPONENT_COLLAPSED,
    /** A {@link FitListener} returned false: the run ended early, on the M-step of its last E-step. */
    CANCELLED
}
