// SPDX-License-Identifier: Apache-2.0
package gmm4j.internal;

import gmm4j.ConjugatePrior;
import gmm4j.CovarianceType;

/**
 * A covariance model as the EM loop sees it: the shape of the moments its M-step needs and that
 * M-step. Each {@link Covariance} class holds its model; this is the one place that maps the public
 * {@link CovarianceType} to them.
 */
interface CovarianceModel {
    CovarianceType type();

    /** What of its covariance a component of this model estimates from its own rows alone. */
    OwnPart ownPart();

    /**
     * The responsibility mass a component needs for its own part of the covariance to be set by its
     * rows rather than by the regularisation (see {@link OwnPart}); with less, it is singular.
     */
    default int minimumMass(int d) {
        return ownPart().minimumMass(d);
    }

    /**
     * What of its covariance a component estimates from its own rows alone, which fixes the rows it
     * needs: its mean sits on one row, its own scale needs a second, its own d×d scatter d more.
     */
    enum OwnPart {
        /** Nothing: volume, shape and orientation are all shared (EEE, EII, EEI, EEV): one row, for the mean. */
        NOTHING,
        /** A scale: its volume, or its shape along axes shared or fixed (VII, VVI, VEI, EVI, VEE, EVE, VVE, VEV): two rows. */
        SCALE,
        /** A whole d×d matrix, or its shape together with its orientation (VVV, EVV): d + 1 rows. */
        MATRIX;

        int minimumMass(int d) {
            return switch (this) {
                case NOTHING -> 1;
                case SCALE -> 2;
                case MATRIX -> d + 1;
            };
        }
    }

    /**
     * Empty moments for an E-step: around each component's point of {@code nearEach} (k·d values),
     * or, for a scatter shared by all components, around {@code nearAll} (d values).
     */
    Moments moments(int k, int d, double[] nearEach, double[] nearAll);

    /** The M-step: the covariances from an E-step's moments, plus {@code regularization} on the diagonal. */
    Covariance estimate(Moments moments, double regularization, double floor, RepairLog log);

    /**
     * The M-step under a conjugate prior: the covariances' posterior mode as mclust computes it
     * ({@link PosteriorModes}), each component's scatter with {@code regularization}·n_c added to its
     * diagonal first.
     *
     * @throws IllegalArgumentException when mclust has no prior for the model
     */
    default Covariance estimate(Moments moments, Prior prior, double regularization, double floor, RepairLog log) {
        ConjugatePrior.checkSupports(type());
        throw new IllegalStateException("No MAP M-step for " + type() + ".");
    }

    /** Whether the model's prior scale is one number (the axis-aligned models): the prior then needs only the data's variances. */
    default boolean scalarPriorScale() {
        return false;
    }

    /** Whether its MAP M-step shrinks the means toward the prior mean: for every model but mclust's EEI. */
    default boolean shrinksMeans() {
        return true;
    }

    /** Covariances of this model taken from full d×d matrices: as they are, their diagonals, means or average. */
    Covariance fromMatrices(int d, double[][] matrices, double floor, RepairLog log);

    /**
     * Covariances exactly as saved: {@code matrix(c)} of the result equals {@code matrices[c]} to the
     * bit. The matrices must have the model's structure (the caller checked it) and be positive
     * definite as they are: {@code log} is told of any that would need jitter.
     */
    default Covariance restore(int k, int d, double[][] matrices, RepairLog log) {
        return fromMatrices(d, matrices, 0, log);
    }

    static CovarianceModel of(CovarianceType type) {
        return switch (type) {
            case FULL -> FullCovariance.MODEL;
            case TIED -> TiedCovariance.MODEL;
            case DIAGONAL -> DiagonalCovariance.MODEL;
            case SPHERICAL -> SphericalCovariance.MODEL;
            case EII -> ConstrainedCovariance.EII;
            case EEI -> ConstrainedCovariance.EEI;
            case VEI -> ConstrainedCovariance.VEI;
            case EVI -> ConstrainedCovariance.EVI;
            case VEE -> ConstrainedCovariance.VEE;
            case EVE -> ConstrainedCovariance.EVE;
            case VVE -> ConstrainedCovariance.VVE;
            case EEV -> ConstrainedCovariance.EEV;
            case VEV -> ConstrainedCovariance.VEV;
            case EVV -> ConstrainedCovariance.EVV;
        };
    }
}
