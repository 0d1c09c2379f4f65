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

    /**
     * {@code out[b] = |U·(x_b − μ)|²} for a block of rows stored transposed: coordinate j of row b
     * at {@code xt[off + j*rows + b]}. Register-tiled: four rows × four coordinates of U·(x − μ)
     * are summed at once, so each value loaded feeds four multiply-adds (the JIT does not vectorise
     * this triangular product, and a loop that keeps its sums in memory is bound by its stores).
     */
    void mahalanobis(double[] xt, int off, int rows, double[] mean, int mOff, double[] out, int outOff, BlockScratch scratch) {
        double[] diff = scratch.diff;
        for (int j = 0; j < d; j++) {
            double m = mean[mOff + j];
            int from = off + j * rows;
            int to = j * rows;
            for (int b = 0; b < rows; b++) diff[to + b] = xt[from + b] - m;
        }
        double[] u = inverseFactor;
        int b = 0;
        for (; b + 3 < rows; b += 4) {
            double m0 = 0, m1 = 0, m2 = 0, m3 = 0;
            int i = 0;
            for (; i + 3 < d; i += 4) {
                double z00 = 0, z01 = 0, z02 = 0, z03 = 0, z10 = 0, z11 = 0, z12 = 0, z13 = 0;
                double z20 = 0, z21 = 0, z22 = 0, z23 = 0, z30 = 0, z31 = 0, z32 = 0, z33 = 0;
                int r0 = i * d, r1 = r0 + d, r2 = r1 + d, r3 = r2 + d;
                for (int j = 0; j <= i + 3; j++) {
                    int col = j * rows + b;
                    double x0 = diff[col], x1 = diff[col + 1], x2 = diff[col + 2], x3 = diff[col + 3];
                    double u0 = u[r0 + j], u1 = u[r1 + j], u2 = u[r2 + j], u3 = u[r3 + j];
                    z00 += u0 * x0; z01 += u0 * x1; z02 += u0 * x2; z03 += u0 * x3;
                    z10 += u1 * x0; z11 += u1 * x1; z12 += u1 * x2; z13 += u1 * x3;
                    z20 += u2 * x0; z21 += u2 * x1; z22 += u2 * x2; z23 += u2 * x3;
                    z30 += u3 * x0; z31 += u3 * x1; z32 += u3 * x2; z33 += u3 * x3;
                }
                m0 += z00 * z00 + z10 * z10 + z20 * z20 + z30 * z30;
                m1 += z01 * z01 + z11 * z11 + z21 * z21 + z31 * z31;
                m2 += z02 * z02 + z12 * z12 + z22 * z22 + z32 * z32;
                m3 += z03 * z03 + z13 * z13 + z23 * z23 + z33 * z33;
            }
            for (; i < d; i++) {
                double z0 = 0, z1 = 0, z2 = 0, z3 = 0;
                int r = i * d;
                for (int j = 0; j <= i; j++) {
                    int col = j * rows + b;
                    double ui = u[r + j];
                    z0 += ui * diff[col];
                    z1 += ui * diff[col + 1];
                    z2 += ui * diff[col + 2];
                    z3 += ui * diff[col + 3];
                }
                m0 += z0 * z0;
                m1 += z1 * z1;
                m2 += z2 * z2;
                m3 += z3 * z3;
            }
            out[outOff + b] = m0;
            out[outOff + b + 1] = m1;
            out[outOff + b + 2] = m2;
            out[outOff + b + 3] = m3;
        }
        for (; b < rows; b++) {
            double sum = 0;
            for (int i = 0; i < d; i++) {
                double z = 0;
                for (int j = 0; j <= i; j++) z += u[i * d + j] * diff[j * rows + b];
                sum += z * z;
            }
            out[outOff + b] = sum;
        }
    }
}
