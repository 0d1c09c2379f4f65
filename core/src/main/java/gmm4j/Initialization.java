// SPDX-License-Identifier: Apache-2.0
package gmm4j;

/**
 * How a fit chooses its starting parameters (explicit starting parameters are given with
 * {@link GaussianMixture.Builder#start(StartingParameters)} instead).
 */
public enum Initialization {
    /**
     * k-means++ seeding followed by Lloyd's k-means on the z-scored numeric columns (so that no
     * column dominates by its units); the clusters give the starting parameters, in the data's units.
     */
    KMEANS,
    /** k-means++ seeding only; each row is assigned to its nearest seed. */
    KMEANS_PLUS_PLUS,
    /** Random responsibilities for every row (scikit-learn's {@code random}). */
    RANDOM,
    /** Distinct rows drawn at random as means; each row is assigned to its nearest mean. */
    RANDOM_FROM_DATA,
    /**
     * R mclust's start: model-based hierarchical agglomeration under the unconstrained Gaussian
     * model (mclust's {@code hc} with its defaults: the {@code "SVD"} coordinates, the VVV
     * criterion), cut into K clusters as mclust's {@code hclass}; its partitions are mclust's on the
     * same rows. Rows with a missing numeric value, or no weight, take no part (categorical columns
     * neither); above 2000 such rows (mclust's {@code subset}) a random subset of 2000 drawn from the
     * seed does. The agglomeration does not depend on the seed, so restarts after the first use
     * {@link #KMEANS} and {@link #RANDOM_FROM_DATA} in turn, and the best is kept. When it cannot
     * give K clusters (fewer usable rows than K, or no numeric column that varies) the start is
     * {@link #KMEANS}'s. The default of {@link ModelSelection}.
     */
    HIERARCHICAL
}
