package gmm4j;

/**
 * Called by a fit once per EM iteration, in the thread that called {@code fit}. Return
 * {@code false} to stop: the fit then ends at once and returns the best model found so far,
 * marked {@link GaussianMixtureModel#cancelled() cancelled}.
 */
@FunctionalInterface
public interface FitListener {
    /**
     * @param restart           the restart being run, from 0
     * @param iteration         the EM iteration just completed, from 1
     * @param meanLogLikelihood the mean per-row log-likelihood at the parameters this iteration started from
     * @return true to go on, false to cancel the fit
     */
    boolean onIteration(int restart, int iteration, double meanLogLikelihood);
}
