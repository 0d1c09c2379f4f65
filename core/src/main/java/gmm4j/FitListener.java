// SPDX-License-Identifier: Apache-2.0
package gmm4j;

/**
 * Called by a fit once per EM iteration, after its E-step, in the thread that called {@code fit}.
 * Return {@code false} to stop: the iteration ends with its M-step (repairing nothing) and the fit
 * returns the best model found so far, marked {@link GaussianMixtureModel#cancelled() cancelled}.
 */
@FunctionalInterface
public interface FitListener {
    /**
     * @param restart           the restart being run, from 0
     * @param iteration         the EM iteration whose E-step just ran, from 1
     * @param meanLogLikelihood the mean per-row log-likelihood at the parameters this iteration started from
     * @return true to go on, false to cancel the fit
     */
    boolean onIteration(int restart, int iteration, double meanLogLikelihood);
}
