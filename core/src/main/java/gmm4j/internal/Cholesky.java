// SPDX-License-Identifier: Apache-2.0
package gmm4j.internal;

/**
 * Dense symmetric positive-definite kernels on flat row-major d×d arrays.
 */
public final class Cholesky {
    private Cholesky() {
    }

    /**
     * Factors {@code a} (only its lower triangle is read) as L·Lᵀ into the lower triangle of
     * {@code l}; the upper triangle of {@code l} is zeroed.
     *
     * @return false when a pivot is not positive (a is not numerically positive definite)
     */
    public static boolean factor(double[] a, int d, double[] l) {
        for (int i = 0; i < d; i++) {
            for (int j = 0; j <= i; j++) {
                double s = a[i * d + j];
                for (int k = 0; k < j; k++) s -= l[i * d + k] * l[j * d + k];
                if (i == j) {
                    if (!(s > 0) || Double.isInfinite(s)) return false;
                    l[i * d + i] = Math.sqrt(s);
                } else {
                    l[i * d + j] = s / l[j * d + j];
                }
            }
            for (int j = i + 1; j < d; j++) l[i * d + j] = 0;
        }
        return true;
    }

    /**
     * The inverse of a lower-triangular factor: U = L⁻¹ (lower triangular), so that for
     * Σ = L·Lᵀ the Mahalanobis distance is |U·(x − μ)|². U is scikit-learn's precision Cholesky
     * factor transposed.
     */
    public static double[] invertLower(double[] l, int d) {
        double[] u = new double[d * d];
        for (int col = 0; col < d; col++) {
            u[col * d + col] = 1.0 / l[col * d + col];
            for (int i = col + 1; i < d; i++) {
                double s = 0;
                for (int k = col; k < i; k++) s -= l[i * d + k] * u[k * d + col];
                u[i * d + col] = s / l[i * d + i];
            }
        }
        return u;
    }

    /**
     * Factors a covariance, adding a growing jitter to its diagonal until the factor exists.
     *
     * @param floor the smallest jitter worth trying, on the data's own scale
     * @return the jitter that was needed (0 when none)
     */
    public static double factorWithJitter(double[] cov, int d, double[] l, double floor) {
        if (factor(cov, d, l)) return 0;
        double scale = 0;
        for (int i = 0; i < d; i++) {
            double v = Math.abs(cov[i * d + i]);
            if (Double.isFinite(v)) scale = Math.max(scale, v);
        }
        double jitter = Math.max(Math.max(scale * 1e-12, floor), Double.MIN_NORMAL);
        double[] a = new double[d * d];
        for (int attempt = 0; attempt < 400; attempt++, jitter *= 10) {
            for (int i = 0; i < d * d; i++) a[i] = Double.isFinite(cov[i]) ? cov[i] : 0;
            for (int i = 0; i < d; i++) a[i * d + i] += jitter;
            if (factor(a, d, l)) {
                System.arraycopy(a, 0, cov, 0, d * d);
                return jitter;
            }
        }
        throw new IllegalStateException("A covariance matrix could not be made positive definite.");
    }
}
