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
     * {@code out[b] = |U·(x_b − μ)|²} for the rows of a transposed block ({@code xt[j][b]} is
     * coordinate j of row b): z = U·(x − μ) row of U by row, each step an axpy over the block's
     * rows, which the JIT vectorises.
     */
    void mahalanobis(double[][] xt, int rows, double[] mean, int mOff, double[] out, BlockScratch scratch) {
        difference(xt, rows, mean, mOff, scratch.diff);
        double[] z = scratch.z;
        for (int b = 0; b < rows; b++) out[b] = 0;
        for (int i = 0; i < d; i++) {
            rowOfProduct(i, scratch.diff, rows, z);
            for (int b = 0; b < rows; b++) out[b] += z[b] * z[b];
        }
    }

    /** {@code y[i][b] = (U·(x_b − centre))_i} for the rows of a transposed block. */
    void transform(double[][] xt, int rows, double[] centre, double[][] y, BlockScratch scratch) {
        difference(xt, rows, centre, 0, scratch.diff);
        for (int i = 0; i < d; i++) rowOfProduct(i, scratch.diff, rows, y[i]);
    }

    /** U·v for one vector. */
    double[] times(double[] v) {
        double[] out = new double[d];
        for (int i = 0; i < d; i++) {
            double s = 0;
            for (int j = 0; j <= i; j++) s += inverseFactor[i * d + j] * v[j];
            out[i] = s;
        }
        return out;
    }

    private void difference(double[][] xt, int rows, double[] point, int off, double[][] diff) {
        for (int j = 0; j < d; j++) {
            double m = point[off + j];
            double[] x = xt[j];
            double[] dj = diff[j];
            for (int b = 0; b < rows; b++) dj[b] = x[b] - m;
        }
    }

    /**
     * {@code z[b] = Σ_{j≤i} U_ij·diff[j][b]}, four terms per pass over the block: one load and
     * store of z for four products instead of one (the loop is bound by memory operations, not flops).
     */
    private void rowOfProduct(int i, double[][] diff, int rows, double[] z) {
        int row = i * d;
        double first = inverseFactor[row];
        double[] d0 = diff[0];
        for (int b = 0; b < rows; b++) z[b] = first * d0[b];
        int j = 1;
        for (; j + 3 <= i; j += 4) {
            double u0 = inverseFactor[row + j], u1 = inverseFactor[row + j + 1];
            double u2 = inverseFactor[row + j + 2], u3 = inverseFactor[row + j + 3];
            double[] e0 = diff[j], e1 = diff[j + 1], e2 = diff[j + 2], e3 = diff[j + 3];
            for (int b = 0; b < rows; b++) z[b] += (u0 * e0[b] + u1 * e1[b]) + (u2 * e2[b] + u3 * e3[b]);
        }
        for (; j <= i; j++) {
            double u = inverseFactor[row + j];
            double[] dj = diff[j];
            for (int b = 0; b < rows; b++) z[b] += u * dj[b];
        }
    }
}
