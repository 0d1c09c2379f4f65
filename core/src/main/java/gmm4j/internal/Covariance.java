// SPDX-License-Identifier: Apache-2.0
package gmm4j.internal;

import gmm4j.CovarianceType;

import java.io.Serial;
import java.io.Serializable;

/**
 * The fitted covariances of a mixture, the seam between the one EM loop and the covariance-specific
 * maths: the log-density of a block of complete rows under each component, and the full matrices
 * that missing-value marginalisation and reports need. Its {@link CovarianceModel} gives the
 * moments its M-step needs and that M-step.
 */
public abstract sealed class Covariance implements Serializable
        permits FullCovariance, TiedCovariance, DiagonalCovariance, SphericalCovariance, ConstrainedCovariance {
    @Serial
    private static final long serialVersionUID = 1L;

    static final double LN_2PI = Math.log(2 * Math.PI);

    final int k;
    final int d;

    Covariance(int k, int d) {
        this.k = k;
        this.d = d;
    }

    /** The model these covariances are of. */
    abstract CovarianceModel model();

    public final CovarianceType type() {
        return model().type();
    }

    /**
     * {@code out[c][b] = log N(x_b | μ_c, Σ_c)} for a block of complete rows stored transposed:
     * {@code xt[j][b]} is coordinate j of row b.
     */
    abstract void logGaussian(double[][] xt, int rows, double[] means, double[][] out, BlockScratch scratch);

    /**
     * {@code out[c][b] = log π_c + log N(x_b | μ_c, Σ_c)}, the log-joint, for a transposed block;
     * a value may instead be −∞ where the log-joint lies more than −{@link Exponentials#CUT} below
     * the row's best, whose exponential the E-step takes as exactly 0 either way.
     */
    void logJoint(double[][] xt, int rows, double[] means, double[] logWeights, double[][] out, BlockScratch scratch) {
        logJointOfEvery(xt, rows, means, logWeights, out, scratch);
    }

    /** {@link #logJoint} with every value computed, none skipped. */
    final void logJointOfEvery(double[][] xt, int rows, double[] means, double[] logWeights, double[][] out,
                               BlockScratch scratch) {
        logGaussian(xt, rows, means, out, scratch);
        for (int c = 0; c < k; c++) {
            double[] o = out[c];
            double logWeight = logWeights[c];
            for (int b = 0; b < rows; b++) o[b] += logWeight;
        }
    }

    /**
     * Whether component {@code c}'s covariance is flat where the data are not: it has a variance
     * (an eigenvalue) of at most {@code limit} along a direction in which {@code data}, the data's
     * own d×d covariance, exceed {@code dataLimit}. Such a component is a spike on a few rows (the
     * likelihood grows as its variance shrinks), not a cluster; along directions where the data
     * themselves are flat (a constant column), every component is, and that says nothing.
     */
    final boolean flatWhereDataVary(int c, double limit, double[] data, double dataLimit) {
        // the smallest eigenvalue is at least 1 / trace(Σ⁻¹), the squares of the precision factor: most
        // components are far above the floor, and need no eigendecomposition to say so
        double tracePrecision = 0;
        for (double u : precisionCholesky(c)) tracePrecision += u * u;
        if (1 / tracePrecision > limit) return false;
        SymmetricEigen eigen = SymmetricEigen.of(matrix(c), d);
        for (int i = d - 1; i >= 0 && eigen.values[i] <= limit; i--) {
            double along = 0;
            for (int a = 0; a < d; a++) {
                for (int b = 0; b < d; b++) along += eigen.vectors[a * d + i] * data[a * d + b] * eigen.vectors[b * d + i];
            }
            if (along > dataLimit) return true;
        }
        return false;
    }

    /** Component {@code c}'s covariance as a full row-major d×d matrix (a copy). */
    public abstract double[] matrix(int c);

    /**
     * Component {@code c}'s precision Cholesky factor in scikit-learn's convention: the upper
     * triangular P with Σ⁻¹ = P·Pᵀ, row-major d×d.
     */
    public abstract double[] precisionCholesky(int c);

    /**
     * These covariances after component {@code c} was moved elsewhere: it takes {@code average}, the
     * others' covariance averaged by their weights, since its own fitted too few rows to mean anything.
     */
    Covariance reseeded(int c, double[] average, double floor, RepairLog log) {
        double[][] matrices = new double[k][];
        for (int o = 0; o < k; o++) matrices[o] = o == c ? average : matrix(o);
        return model().fromMatrices(d, matrices, floor, log);
    }

    /** The unweighted mean of the k means (component c's at {@code [c*d, (c+1)*d)}). */
    static double[] centre(double[] means, int k, int d) {
        double[] centre = new double[d];
        for (int c = 0; c < k; c++) for (int j = 0; j < d; j++) centre[j] += means[c * d + j] / k;
        return centre;
    }
}
