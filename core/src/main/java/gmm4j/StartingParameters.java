// SPDX-License-Identifier: Apache-2.0
package gmm4j;

import gmm4j.internal.Cholesky;

import java.util.Objects;

/**
 * Explicit starting parameters for a fit: weights, means and covariance matrices (full d×d for
 * every component, whatever the covariance type: a diagonal type takes their diagonals, a
 * spherical type the mean of each diagonal, a tied type their average).
 *
 * <p>Without covariances ({@code null}, as {@link #ofMeans} gives), the fit estimates them from the
 * data before its first EM iteration: each row goes to its nearest mean (missing values take their
 * column's mean) and one M-step on that assignment gives the covariances (with the regularisation
 * and the shape of the covariance type), while the weights and means stay the given ones.
 *
 * @param weights     the mixing weights; normalised to sum to one
 * @param means       k rows of d values
 * @param covariances k symmetric positive-definite d×d matrices, or {@code null} to estimate them
 *                    from the data
 */
public record StartingParameters(double[] weights, double[][] means, double[][][] covariances) {
    /**
     * Checks and copies the parameters and normalises the weights.
     *
     * @throws IllegalArgumentException when the shapes disagree, a weight is not positive, a value is
     *                                  not finite, or a covariance is not symmetric positive definite
     */
    public StartingParameters {
        Objects.requireNonNull(weights, "weights");
        Objects.requireNonNull(means, "means");
        int k = weights.length;
        if (k == 0) throw new IllegalArgumentException("Starting parameters need at least one component.");
        if (means.length != k || covariances != null && covariances.length != k) {
            throw new IllegalArgumentException("Starting parameters have " + k + " weights, " + means.length
                    + " means and " + (covariances == null ? 0 : covariances.length)
                    + " covariances: give one of each per component.");
        }
        double sum = 0;
        for (int c = 0; c < k; c++) {
            if (!(weights[c] > 0) || Double.isInfinite(weights[c])) {
                throw new IllegalArgumentException("Starting weight " + c + " is " + weights[c] + ": weights must be positive and finite.");
            }
            sum += weights[c];
        }
        double[] normalised = new double[k];
        for (int c = 0; c < k; c++) normalised[c] = weights[c] / sum;
        weights = normalised;
        int d = means[0].length;
        double[][] meansCopy = new double[k][];
        double[][][] covCopy = new double[k][][];
        for (int c = 0; c < k; c++) {
            if (means[c].length != d) {
                throw new IllegalArgumentException("Starting mean " + c + " has " + means[c].length + " values, mean 0 has " + d + ".");
            }
            for (int j = 0; j < d; j++) {
                if (!Double.isFinite(means[c][j])) {
                    throw new IllegalArgumentException("Starting mean " + c + ", column " + j + " is " + means[c][j] + ": must be finite.");
                }
            }
            meansCopy[c] = means[c].clone();
            if (covariances != null) covCopy[c] = checkedSymmetricPositiveDefinite(covariances[c], d, "covariance " + c);
        }
        means = meansCopy;
        covariances = covariances == null ? null : covCopy;
    }

    /**
     * A start from means only, as scikit-learn's {@code means_init} alone: equal weights, and
     * covariances estimated from the data at the fit (see the class comment).
     *
     * @param means k rows of d finite values
     */
    public static StartingParameters ofMeans(double[][] means) {
        Objects.requireNonNull(means, "means");
        double[] weights = new double[means.length];
        java.util.Arrays.fill(weights, 1);
        return new StartingParameters(weights, means, null);
    }

    /** Starting parameters given with precision matrices (inverse covariances), as scikit-learn's {@code precisions_init}. */
    public static StartingParameters ofPrecisions(double[] weights, double[][] means, double[][][] precisions) {
        Objects.requireNonNull(precisions, "precisions");
        double[][][] covariances = new double[precisions.length][][];
        for (int c = 0; c < precisions.length; c++) {
            int d = precisions[c].length;
            double[][] p = checkedSymmetricPositiveDefinite(precisions[c], d, "precision " + c);
            covariances[c] = invert(p, d);
        }
        return new StartingParameters(weights, means, covariances);
    }

    /** The number of components. */
    public int components() {
        return weights.length;
    }

    /** The number of numeric columns. */
    public int dimension() {
        return means[0].length;
    }

    /** @return a copy of the weights, normalised to sum to one */
    @Override
    public double[] weights() {
        return weights.clone();
    }

    /** @return a copy of the means */
    @Override
    public double[][] means() {
        return Matrices.copy(means);
    }

    /** @return a copy of the covariance matrices, or {@code null} when the fit estimates them from the data */
    @Override
    public double[][][] covariances() {
        if (covariances == null) return null;
        double[][][] out = new double[covariances.length][][];
        for (int c = 0; c < out.length; c++) out[c] = Matrices.copy(covariances[c]);
        return out;
    }

    private static double[][] checkedSymmetricPositiveDefinite(double[][] m, int d, String what) {
        if (m == null || m.length != d) {
            throw new IllegalArgumentException("Starting " + what + " must be " + d + "×" + d + ".");
        }
        double[] flat = new double[d * d];
        for (int i = 0; i < d; i++) {
            if (m[i] == null || m[i].length != d) throw new IllegalArgumentException("Starting " + what + " must be " + d + "×" + d + ".");
            for (int j = 0; j < d; j++) {
                double v = m[i][j];
                if (!Double.isFinite(v)) throw new IllegalArgumentException("Starting " + what + " has " + v + " at (" + i + ", " + j + ").");
                flat[i * d + j] = v;
            }
        }
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < i; j++) {
                double a = m[i][j], b = m[j][i];
                if (Math.abs(a - b) > 1e-10 * Math.max(Math.abs(a), Math.abs(b)) + Double.MIN_NORMAL) {
                    throw new IllegalArgumentException("Starting " + what + " is not symmetric at (" + i + ", " + j + "): " + a + " vs " + b + ".");
                }
            }
        }
        if (!Cholesky.factor(flat, d, new double[d * d])) {
            throw new IllegalArgumentException("Starting " + what + " is not positive definite.");
        }
        return Matrices.copy(m);
    }

    private static double[][] invert(double[][] p, int d) {
        double[] flat = new double[d * d];
        for (int i = 0; i < d; i++) System.arraycopy(p[i], 0, flat, i * d, d);
        double[] l = new double[d * d];
        Cholesky.factor(flat, d, l);
        double[] u = Cholesky.invertLower(l, d);
        // P⁻¹ = (L·Lᵀ)⁻¹ = Uᵀ·U
        double[][] inverse = new double[d][d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                double s = 0;
                for (int t = Math.max(i, j); t < d; t++) s += u[t * d + i] * u[t * d + j];
                inverse[i][j] = s;
            }
        }
        return inverse;
    }
}
