package gmm4j.internal;

import java.io.Serial;
import java.io.Serializable;

/**
 * One covariance matrix Σ = L·Lᵀ kept with U = L⁻¹, so that a Mahalanobis distance is a
 * triangular matrix-vector product (no divisions, no dependency chain) and the log-determinant
 * comes from U's diagonal.
 */
final class GaussianFactor implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    final int d;
    final double[] covariance;
    /** L⁻¹, lower triangular, row-major. */
    final double[] inverseFactor;
    /** Σ log U_ii = −½ log|Σ|. */
    final double halfLogDetPrecision;

    private GaussianFactor(int d, double[] covariance, double[] inverseFactor) {
        this.d = d;
        this.covariance = covariance;
        this.inverseFactor = inverseFactor;
        double s = 0;
        for (int i = 0; i < d; i++) s += Math.log(inverseFactor[i * d + i]);
        this.halfLogDetPrecision = s;
    }

    /** Factors {@code covariance} (taken over), raising its diagonal if it is not positive definite. */
    static GaussianFactor of(double[] covariance, int d, double floor, RepairLog log, int component) {
        double[] l = new double[d * d];
        double jitter = Cholesky.factorWithJitter(covariance, d, l, floor);
        if (jitter > 0) log.jitter(component, jitter);
        return new GaussianFactor(d, covariance, Cholesky.invertLower(l, d));
    }

    /** |U·(x − μ)|² for the row at {@code x[xOff..]} and the mean at {@code mean[mOff..]}. */
    double mahalanobis(double[] x, int xOff, double[] mean, int mOff, double[] diff) {
        for (int j = 0; j < d; j++) diff[j] = x[xOff + j] - mean[mOff + j];
        double sum = 0;
        for (int i = 0; i < d; i++) {
            double z = 0;
            int row = i * d;
            for (int j = 0; j <= i; j++) z += inverseFactor[row + j] * diff[j];
            sum += z * z;
        }
        return sum;
    }
}
