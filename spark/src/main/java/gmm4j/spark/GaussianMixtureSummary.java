// SPDX-License-Identifier: Apache-2.0
package gmm4j.spark;

import java.io.Serial;
import java.io.Serializable;

/**
 * How a distributed fit went: the kept restart's final log-likelihood on the training rows (after
 * the last M-step), BIC and AIC, its iterations and convergence, and how many rows the model
 * assigns to each component.
 */
public final class GaussianMixtureSummary implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    private final double logLikelihood;
    private final double totalWeight;
    private final long parameters;
    private final int iterations;
    private final boolean converged;
    private final long[] clusterSizes;
    private final double[] restartLogLikelihoods;

    GaussianMixtureSummary(double logLikelihood, double totalWeight, long parameters, int iterations, boolean converged,
                           long[] clusterSizes, double[] restartLogLikelihoods) {
        this.logLikelihood = logLikelihood;
        this.totalWeight = totalWeight;
        this.parameters = parameters;
        this.iterations = iterations;
        this.converged = converged;
        this.clusterSizes = clusterSizes.clone();
        this.restartLogLikelihoods = restartLogLikelihoods.clone();
    }

    /** @return Σ weight·log p(row) over the training rows at the fitted parameters */
    public double logLikelihood() {
        return logLikelihood;
    }

    /** @return the log-likelihood per unit of row weight */
    public double meanLogLikelihood() {
        return logLikelihood / totalWeight;
    }

    /** @return the total weight of the training rows with an observed value */
    public double totalWeight() {
        return totalWeight;
    }

    /** @return −2·logL + p·ln(N), N the total row weight, p the free parameters; lower is better */
    public double bic() {
        return -2 * logLikelihood + parameters * Math.log(totalWeight);
    }

    /** @return −2·logL + 2p; lower is better */
    public double aic() {
        return -2 * logLikelihood + 2 * parameters;
    }

    /** @return the EM iterations of the kept restart */
    public int iterations() {
        return iterations;
    }

    /** @return whether the kept restart converged within the tolerance */
    public boolean converged() {
        return converged;
    }

    /** @return for each component, the training rows whose prediction it is */
    public long[] clusterSizes() {
        return clusterSizes.clone();
    }

    /** @return every restart's final log-likelihood, in order */
    public double[] restartLogLikelihoods() {
        return restartLogLikelihoods.clone();
    }

    @Override
    public String toString() {
        return String.format("%s after %d iterations; log-likelihood %.6g, BIC %.6g, AIC %.6g, cluster sizes %s",
                converged ? "converged" : "not converged", iterations, logLikelihood, bic(), aic(),
                java.util.Arrays.toString(clusterSizes));
    }
}
