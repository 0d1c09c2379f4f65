// SPDX-License-Identifier: Apache-2.0
package gmm4j;

/** How {@link ModelSelection} ranks candidate models. Every criterion is "lower is better". */
public enum Criterion {
    /** Bayesian information criterion: −2·logL + p·ln(N). */
    BIC,
    /** Akaike information criterion: −2·logL + 2p. */
    AIC,
    /**
     * Integrated completed likelihood (Biernacki, Celeux and Govaert, 2000), as mclust's {@code icl}
     * in this sign: BIC + 2·Σ w_i·(−log max_c r_ic), twice what labelling each row with its most
     * probable component costs (favours well-separated clusters).
     */
    ICL,
    /** −2 × the log-likelihood of held-out rows, summed over v folds. */
    CROSS_VALIDATION
}
