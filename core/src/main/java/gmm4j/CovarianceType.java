// SPDX-License-Identifier: Apache-2.0
package gmm4j;

/**
 * The shape of each component's covariance matrix, as in scikit-learn's {@code covariance_type}.
 */
public enum CovarianceType {
    /** Each component has its own unrestricted covariance matrix. */
    FULL,
    /** All components share one unrestricted covariance matrix. */
    TIED,
    /** Each component has its own diagonal covariance matrix. */
    DIAGONAL,
    /** Each component has its own single variance, the same in every direction. */
    SPHERICAL;

    /**
     * The number of free covariance parameters of a mixture with {@code k} components in {@code d}
     * dimensions.
     */
    public long covarianceParameters(int k, int d) {
        long symmetric = (long) d * (d + 1) / 2;
        return switch (this) {
            case FULL -> k * symmetric;
            case TIED -> symmetric;
            case DIAGONAL -> (long) k * d;
            case SPHERICAL -> k;
        };
    }
}
