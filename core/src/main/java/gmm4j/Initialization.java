// SPDX-License-Identifier: Apache-2.0
package gmm4j;

/**
 * How a fit chooses its starting parameters (explicit starting parameters are given with
 * {@link GaussianMixture.Builder#start(StartingParameters)} instead).
 */
public enum Initialization {
    /** k-means++ seeding followed by Lloyd's k-means; the clusters give the starting parameters. */
    KMEANS,
    /** k-means++ seeding only; each row is assigned to its nearest seed. */
    KMEANS_PLUS_PLUS,
    /** Random responsibilities for every row (scikit-learn's {@code random}). */
    RANDOM,
    /** Distinct rows drawn at random as means; each row is assigned to its nearest mean. */
    RANDOM_FROM_DATA
}
