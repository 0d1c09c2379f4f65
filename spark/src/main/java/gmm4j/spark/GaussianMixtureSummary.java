// SPDX-License-Identifier: Apache-2.0
package gmm4j.spark;

import gmm4j.Criterion;
import gmm4j.ModelSelection;
import gmm4j.RestartSummary;
import gmm4j.StopReason;

import java.io.Serial;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;

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
    private final Criterion criterion;
    private final List<ModelSelection.Score> candidates;

    GaussianMixtureSummary(gmm4j.GaussianMixtureModel fit, double totalWeight, long[] clusterSizes) {
        this(fit, totalWeight, clusterSizes, null, List.of());
    }

    private GaussianMixtureSummary(gmm4j.GaussianMixtureModel fit, double totalWeight, long[] clusterSizes,
                                   Criterion criterion, List<ModelSelection.Score> candidates) {
        this.fit = fit;
        this.totalWeight = totalWeight;
        this.clusterSizes = clusterSizes.clone();
        this.criterion = criterion;
        this.candidates = List.copyOf(candidates);
    }

    /** This summary of the chosen candidate, with the selection's criterion and every candidate's score. */
    GaussianMixtureSummary selected(Criterion by, List<ModelSelection.Score> scores) {
        return new GaussianMixtureSummary(fit, totalWeight, clusterSizes, by, scores);
    }

    /** @return the criterion of a {@link GaussianMixtureSelection}; null for a plain fit */
    public Criterion criterion() {
        return criterion;
    }

    /**
     * @return the score of every candidate of a {@link GaussianMixtureSelection}, in grid order
     *         (covariance types outer, K inner; {@code crossValidation} NaN); empty for a plain fit
     */
    public List<ModelSelection.Score> candidates() {
        return candidates;
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

    /** @return BIC plus twice the rows' MAP log-loss, −Σ w·log max τ (ICL as mclust's: the hard labels); lower is better */
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

    /** @return for each component (and the noise, last, when the model has one), the training rows whose prediction it is */
    public long[] clusterSizes() {
        return clusterSizes.clone();
    }

    /** @return every restart's final log-likelihood, in order */
    public double[] restartLogLikelihoods() {
        return fit.restarts().stream().mapToDouble(r -> r.meanLogLikelihood() * totalWeight()).toArray();
    }

    /** @return every restart's summary (iterations, stop reason, trace of mean log-likelihoods), in order */
    public List<RestartSummary> restarts() {
        return fit.restarts();
    }

    @Override
    public String toString() {
        return String.format("%s after %d iterations; log-likelihood %.6g, BIC %.6g, AIC %.6g, cluster sizes %s",
                stopReason(), iterations(), logLikelihood(), bic(), aic(), Arrays.toString(clusterSizes));
    }
}
