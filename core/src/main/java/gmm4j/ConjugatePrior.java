// SPDX-License-Identifier: Apache-2.0
package gmm4j;

import java.io.Serial;
import java.io.Serializable;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A conjugate prior on the components' means and covariances, which turns EM into MAP EM: R mclust's
 * {@code priorControl()} with its {@code defaultPrior()} (Fraley &amp; Raftery 2007). Each component's
 * mean has a normal prior around {@code mean} with the component's covariance divided by
 * {@code shrinkage}; each covariance an inverse-Wishart (inverse-gamma for the axis-aligned models)
 * prior with {@code dof} degrees of freedom and scale {@code scale}. The mixing weights have none. It
 * keeps covariances away from singular: the remedy for a component that collapses onto a few rows,
 * and for full covariances fitted to data with many missing values. See the user guide and
 * docs/theory.md for the M-step of each model.
 *
 * <p>A value left out (null, or NaN for {@code dof}) is mclust's default, taken from the data at the
 * start of each fit, for its number of components K and d numeric columns: the columns' means, d + 2
 * degrees of freedom, and the data's covariance (denominator n − 1, n the data's total weight)
 * times K^(−2/d) — its diagonal alone when n ≤ d, as mclust; for the axis-aligned models, whose
 * prior scale is one number, the mean of that matrix's diagonal. With missing values each column's
 * mean and variance are taken over its observed values and the correlations over the rows where
 * both columns are observed (the covariance of the rows with each missing value put at its column's
 * mean, rescaled to those variances: positive semi-definite).
 *
 * <p>mclust has a prior for ten of its fourteen models ({@link #supports}): not for VEE, EVE, VVE and
 * EVV, which a fit with a prior refuses, as mclust does. Fitted with a prior, a model's
 * log-likelihood, BIC and convergence are those of the data alone (the prior's density is not added),
 * as mclust's.
 *
 * @param shrinkage κ, how many rows' worth of weight the prior mean has; finite, not negative
 *                  (0: the means are not shrunk)
 * @param mean      the prior mean μ_P, d values, or null for the columns' means
 * @param dof       the degrees of freedom ν_P, positive, or NaN for d + 2
 * @param scale     the prior scale Λ_P, a symmetric d×d matrix (positive semi-definite), or null for mclust's
 *                  default
 */
public record ConjugatePrior(double shrinkage, double[] mean, double dof, double[][] scale) implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    /** mclust's default shrinkage: {@value}. */
    public static final double DEFAULT_SHRINKAGE = 0.01;

    private static final Set<CovarianceType> SUPPORTED = EnumSet.of(CovarianceType.EII, CovarianceType.SPHERICAL,
            CovarianceType.EEI, CovarianceType.VEI, CovarianceType.EVI, CovarianceType.DIAGONAL, CovarianceType.TIED,
            CovarianceType.EEV, CovarianceType.VEV, CovarianceType.FULL);

    private static final ConjugatePrior MCLUST_DEFAULT = new ConjugatePrior(DEFAULT_SHRINKAGE, null, Double.NaN, null);

    /**
     * Checks and copies the values.
     *
     * @throws IllegalArgumentException naming the first value out of range
     */
    public ConjugatePrior {
        if (!(shrinkage >= 0) || Double.isInfinite(shrinkage)) {
            throw new IllegalArgumentException("The prior's shrinkage must be finite and not negative, not " + shrinkage + ".");
        }
        if (!Double.isNaN(dof) && !(dof > 0 && dof < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("The prior's degrees of freedom must be positive and finite (or NaN for "
                    + "d + 2), not " + dof + ".");
        }
        if (mean != null) {
            mean = mean.clone();
            for (double v : mean) {
                if (!Double.isFinite(v)) throw new IllegalArgumentException("The prior's mean must be finite, not " + v + ".");
            }
        }
        if (scale != null) scale = checkedScale(scale);
    }

    /** mclust's {@code priorControl()}: shrinkage 0.01, every other value from the data. */
    public static ConjugatePrior mclustDefault() {
        return MCLUST_DEFAULT;
    }

    /** Whether mclust has a prior for the model: all but VEE, EVE, VVE and EVV. */
    public static boolean supports(CovarianceType type) {
        return SUPPORTED.contains(type);
    }

    /**
     * Checks that mclust has a prior for the model.
     *
     * @return {@code type}
     * @throws IllegalArgumentException naming the model and those that have one
     */
    public static CovarianceType checkSupports(CovarianceType type) {
        if (supports(type)) return type;
        throw new IllegalArgumentException("mclust has no conjugate prior for the " + type.mclustName() + " model ("
                + type + "): fit it without a prior, or use one of " + SUPPORTED.stream()
                .map(t -> t.mclustName().equals(t.name()) ? t.name() : t + " (" + t.mclustName() + ")")
                .collect(Collectors.joining(", ")) + ".");
    }

    /** This prior with another shrinkage. */
    public ConjugatePrior withShrinkage(double shrinkage) {
        return new ConjugatePrior(shrinkage, mean, dof, scale);
    }

    /** This prior with another mean (null for the columns' means). */
    public ConjugatePrior withMean(double[] mean) {
        return new ConjugatePrior(shrinkage, mean, dof, scale);
    }

    /** This prior with other degrees of freedom (NaN for d + 2). */
    public ConjugatePrior withDof(double dof) {
        return new ConjugatePrior(shrinkage, mean, dof, scale);
    }

    /** This prior with another scale (null for mclust's default). */
    public ConjugatePrior withScale(double[][] scale) {
        return new ConjugatePrior(shrinkage, mean, dof, scale);
    }

    /** @return a copy of the prior mean, or null */
    @Override
    public double[] mean() {
        return mean == null ? null : mean.clone();
    }

    /** @return a copy of the prior scale, or null */
    @Override
    public double[][] scale() {
        return scale == null ? null : Matrices.copy(scale);
    }

    private static double[][] checkedScale(double[][] scale) {
        int d = scale.length;
        double[][] copy = new double[d][];
        for (int i = 0; i < d; i++) {
            if (scale[i] == null || scale[i].length != d) {
                throw new IllegalArgumentException("The prior's scale must be a square matrix: row " + i + " has "
                        + (scale[i] == null ? "no" : scale[i].length) + " values, not " + d + ".");
            }
            copy[i] = scale[i].clone();
        }
        for (int i = 0; i < d; i++) {
            if (!(copy[i][i] >= 0) || Double.isInfinite(copy[i][i])) {
                throw new IllegalArgumentException("The prior's scale must have a finite diagonal, not negative, not "
                        + copy[i][i] + " at (" + i + ", " + i + ").");
            }
            for (int j = 0; j < i; j++) {
                if (!Double.isFinite(copy[i][j]) || copy[i][j] != copy[j][i]) {
                    throw new IllegalArgumentException("The prior's scale must be symmetric and finite: (" + i + ", " + j
                            + ") is " + copy[i][j] + " and (" + j + ", " + i + ") " + copy[j][i] + ".");
                }
            }
        }
        return copy;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ConjugatePrior p && Double.compare(p.shrinkage, shrinkage) == 0
                && Double.compare(p.dof, dof) == 0 && Arrays.equals(p.mean, mean) && Arrays.deepEquals(p.scale, scale);
    }

    @Override
    public int hashCode() {
        return Double.hashCode(shrinkage) * 31 * 31 * 31 + Double.hashCode(dof) * 31 * 31 + Arrays.hashCode(mean) * 31
                + Arrays.deepHashCode(scale);
    }

    @Override
    public String toString() {
        return "ConjugatePrior[shrinkage=" + shrinkage + ", mean=" + (mean == null ? "column means" : Arrays.toString(mean))
                + ", dof=" + (Double.isNaN(dof) ? "d + 2" : dof) + ", scale="
                + (scale == null ? "mclust's default" : Arrays.deepToString(scale)) + "]";
    }
}
