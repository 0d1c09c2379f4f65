// SPDX-License-Identifier: Apache-2.0
package gmm4j;

/** How {@link ModelSelection} ranks candidate models. Every criterion is "lower is better". */
public enum Criterion {
    /** Bayesian information criterion: −2·logL + p·ln(N). */
    BIC,
    /** Akaike information criterion: −2·logL + 2p. */
    AIC,
    /** Integrated completed likelihood: BIC + 2 × the entropy of the responsibilities (favours well-separated clusters). */
    ICL,
    /** −2 × the log-likelihood of held-out rows, summed over v folds. */
    CROSS_VALIDATION
}
