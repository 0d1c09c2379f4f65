// SPDX-License-Identifier: Apache-2.0
package gmm4j.spark;

import gmm4j.RestartSummary;
import gmm4j.StopReason;

import java.io.Serial;
import java.io.Serializable;
import java.util.Arrays;

/**
 * How a distributed fit went: the kept restart's final log-likelihood on the training rows (after
 * the last M-step), BIC, AIC and ICL, its iterations and why it stopped, and how many rows the model
 * assigns to each component. The numbers are those of {@link GaussianMixtureModel#toCoreModel()}'s
 * diagnostics.
 */
public final class GaussianMixtureSummary implements Serializable {
    @Serial
    private static final long serialVersionUID = 2L;

    private final gmm4j.GaussianMixtureModel fit;
    private final double totalWeight;
    private final long[] clusterSizes;

    GaussianMixtureSummary(gmm4j.GaussianMixtureModel fit, double totalWeight, long[] clusterSizes) {
        this.fit = fit;
        this.totalWeight = totalWeight;
        this.clusterSizes = clusterSizes.clone();
    }

    /** @return Σ weight·log p(row) over the training rows at the fitted parameters */
    public double logLikelihood() {
        return fit.logLikelihood();
    }

    /** @return the log-likelihood per unit of row weight */
    public double meanLogLikelihood() {
        return fit.meanLogLikelihood();
    }

    /** @return the total weight of the training rows with an observed value */
    public double totalWeight() {
        return totalWeight;
    }

    /** @return −2·logL + p·ln(N), N the total row weight, p the free parameters; lower is better */
    public double bic() {
        return fit.bic();
    }

    /** @return −2·logL + 2p; lower is better */
    public double aic() {
        return fit.aic();
    }

    /** @return BIC plus twice the entropy of the responsibilities; lower is better */
    public double icl() {
        return fit.icl();
    }

    /** @return the EM iterations of the kept restart */
    public int iterations() {
        return fit.iterations();
    }

    /** @return whether the kept restart converged within the tolerance */
    public boolean converged() {
        return fit.converged();
    }

    /** @return why the kept restart stopped */
    public StopReason stopReason() {
        return fit.stopReason();
    }

    /** @return for each component, the training rows whose prediction it is */
    public long[] clusterSizes() {
        return clusterSizes.clone();
    }

    /** @return every restart's final log-likelihood, in order */
    public double[] restartLogLikelihoods() {
        return fit.restarts().stream().mapToDouble(r -> r.meanLogLikelihood() * totalWeight()).toArray();
    }

    /** @return every restart's summary (iterations, stop reason, trace of mean log-likelihoods), in order */
    public java.util.List<RestartSummary> restarts() {
        return fit.restarts();
    }

    @Override
    public String toString() {
        return String.format("%s after %d iterations; log-likelihood %.6g, BIC %.6g, AIC %.6g, cluster sizes %s",
                stopReason(), iterations(), logLikelihood(), bic(), aic(), Arrays.toString(clusterSizes));
    }
}
