package gmm4j.internal;

import gmm4j.CovarianceType;

import java.io.Serial;
import java.io.Serializable;

/**
 * The seam between the one EM loop and the covariance-type-specific maths: the M-step estimate
 * from sufficient statistics, the log-density of a complete row under each component, and the
 * full matrices that missing-value marginalisation and reports need.
 */
public abstract sealed class Covariance implements Serializable
        permits FullCovariance, TiedCovariance, DiagonalCovariance, SphericalCovariance {
    @Serial
    private static final long serialVersionUID = 1L;

    static final double LN_2PI = Math.log(2 * Math.PI);
    /** scikit-learn's guard against empty components: 10 × machine epsilon. */
    static final double EMPTY_GUARD = 10 * Math.ulp(1.0);

    final int k;
    final int d;

    Covariance(int k, int d) {
        this.k = k;
        this.d = d;
    }

    public abstract CovarianceType type();

    /** What the M-step needs of the scatter. */
    ScatterLayout scatterLayout() {
        return ScatterLayout.of(type());
    }

    /**
     * The shift each component's statistics are accumulated around: its mean, or for a pooled
     * scatter one shared point, the unweighted mean of the means, for every component.
     */
    double[] statisticsShift(double[] means) {
        if (scatterLayout() != ScatterLayout.POOLED) return means;
        double[] centre = new double[d];
        for (int c = 0; c < k; c++) for (int j = 0; j < d; j++) centre[j] += means[c * d + j] / k;
        double[] shift = new double[k * d];
        for (int c = 0; c < k; c++) System.arraycopy(centre, 0, shift, c * d, d);
        return shift;
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
        logGaussian(xt, rows, means, out, scratch);
        for (int c = 0; c < k; c++) {
            double[] o = out[c];
            double logWeight = logWeights[c];
            for (int b = 0; b < rows; b++) o[b] += logWeight;
        }
    }

    /** Component {@code c}'s covariance as a full row-major d×d matrix (a copy). */
    public abstract double[] matrix(int c);

    /**
     * Component {@code c}'s precision Cholesky factor in scikit-learn's convention: the upper
     * triangular P with Σ⁻¹ = P·Pᵀ, row-major d×d.
     */
    public abstract double[] precisionCholesky(int c);

    /** The M-step: covariances from the statistics of an E-step, plus {@code regularization} on the diagonal. */
    static Covariance estimate(CovarianceType type, Statistics s, double regularization, double floor, RepairLog log) {
        if (type == CovarianceType.TIED && s.layout == ScatterLayout.POOLED) {
            return TiedCovariance.estimate(s.k, s.d, new double[][]{pooledCovariance(s)}, new double[]{1}, regularization, floor, log);
        }
        double[][] centered = new double[s.k][];
        for (int c = 0; c < s.k; c++) centered[c] = centeredScatter(s, c, type == CovarianceType.FULL || type == CovarianceType.TIED);
        return switch (type) {
            case FULL -> FullCovariance.estimate(s.d, centered, regularization, floor, log);
            case TIED -> TiedCovariance.estimate(s.k, s.d, centered, s.count, regularization, floor, log);
            case DIAGONAL -> DiagonalCovariance.estimate(s.d, centered, regularization, floor, log);
            case SPHERICAL -> SphericalCovariance.estimate(s.d, centered, regularization, floor, log);
        };
    }

    /** Covariances of the given type taken from full matrices: their diagonals, means or average as the type needs. */
    static Covariance fromMatrices(CovarianceType type, int d, double[][] matrices, double floor, RepairLog log) {
        return switch (type) {
            case FULL -> FullCovariance.estimate(d, matrices, 0, floor, log);
            case TIED -> {
                double[] mass = new double[matrices.length];
                java.util.Arrays.fill(mass, 1.0);
                yield TiedCovariance.estimate(matrices.length, d, matrices, mass, 0, floor, log);
            }
            case DIAGONAL -> DiagonalCovariance.estimate(d, diagonals(matrices, d), 0, floor, log);
            case SPHERICAL -> SphericalCovariance.estimate(d, diagonals(matrices, d), 0, floor, log);
        };
    }

    private static double[][] diagonals(double[][] matrices, int d) {
        double[][] diag = new double[matrices.length][d];
        for (int c = 0; c < matrices.length; c++) {
            for (int j = 0; j < d; j++) diag[c][j] = matrices[c][j * d + j];
        }
        return diag;
    }

    /**
     * The weighted covariance around the new mean, S/n − m·mᵀ with m the new mean's offset from the
     * shift: a d×d matrix when {@code full}, else its diagonal.
     */
    private static double[] centeredScatter(Statistics s, int c, boolean full) {
        int d = s.d;
        double n = s.count[c] + EMPTY_GUARD;
        double[] m = new double[d];
        for (int j = 0; j < d; j++) m[j] = s.sum[c][j] / n;
        if (full) {
            double[] cov = s.scatterMatrix(c);
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) cov[i * d + j] = cov[i * d + j] / n - m[i] * m[j];
            }
            return cov;
        }
        double[] var = new double[d];
        for (int j = 0; j < d; j++) {
            double sjj = s.scatter[s.layout.row(c, j, d)][j];
            var[j] = sjj / n - m[j] * m[j];
        }
        return var;
    }

    /**
     * The log-densities of axis-aligned Gaussians (diagonal or spherical) for a transposed block,
     * plus {@code logWeights[c]} unless that is null: the precision root of component c on axis j is
     * {@code precisionRoot[c*cStride + j*jStride]}. Four axes per pass over the rows (one load and
     * store of the sums for four squares), the last group padded with axes of precision 0; the
     * roots scaled by √½ so that the sums are the log-density itself (no pass to zero nor to finish).
     */
    static void axisAlignedLogJoint(double[][] xt, int rows, double[] means, double[] logWeights, double[][] out,
                                    int k, int d, double[] precisionRoot, int cStride, int jStride,
                                    double[] halfLogDetPrecision) {
        for (int c = 0; c < k; c++) {
            double[] o = out[c];
            double constant = -0.5 * d * LN_2PI + halfLogDetPrecision[c] + (logWeights == null ? 0 : logWeights[c]);
            for (int j = 0; j < d; j += 4) {
                double m0 = axis(means, c * d + j, j, d), m1 = axis(means, c * d + j + 1, j + 1, d);
                double m2 = axis(means, c * d + j + 2, j + 2, d), m3 = axis(means, c * d + j + 3, j + 3, d);
                int pAt = c * cStride + j * jStride;
                double p0 = HALF_ROOT * axis(precisionRoot, pAt, j, d);
                double p1 = HALF_ROOT * axis(precisionRoot, pAt + jStride, j + 1, d);
                double p2 = HALF_ROOT * axis(precisionRoot, pAt + 2 * jStride, j + 2, d);
                double p3 = HALF_ROOT * axis(precisionRoot, pAt + 3 * jStride, j + 3, d);
                double[] x0 = xt[j], x1 = xt[Math.min(j + 1, d - 1)], x2 = xt[Math.min(j + 2, d - 1)], x3 = xt[Math.min(j + 3, d - 1)];
                if (j == 0) {
                    for (int b = 0; b < rows; b++) {
                        double z0 = (x0[b] - m0) * p0, z1 = (x1[b] - m1) * p1;
                        double z2 = (x2[b] - m2) * p2, z3 = (x3[b] - m3) * p3;
                        o[b] = constant - ((z0 * z0 + z1 * z1) + (z2 * z2 + z3 * z3));
                    }
                } else {
                    for (int b = 0; b < rows; b++) {
                        double z0 = (x0[b] - m0) * p0, z1 = (x1[b] - m1) * p1;
                        double z2 = (x2[b] - m2) * p2, z3 = (x3[b] - m3) * p3;
                        o[b] -= (z0 * z0 + z1 * z1) + (z2 * z2 + z3 * z3);
                    }
                }
            }
        }
    }

    private static final double HALF_ROOT = Math.sqrt(0.5);

    /** {@code values[at]} for an axis j below d, else 0 (a padding axis: its precision 0 makes its square 0). */
    private static double axis(double[] values, int at, int j, int d) {
        return j < d ? values[at] : 0;
    }

    /**
     * What must be added to variances whose smallest is {@code smallest} to make them all exceed the
     * floor (0 when they already do); a non-positive variance can only come from no regularisation.
     */
    static double jitterFor(double smallest, double floor) {
        if (smallest > floor) return 0;
        return Math.max(floor, Double.MIN_NORMAL) - Math.min(smallest, 0);
    }

    /**
     * The within-component covariance from a pooled scatter around one shift s:
     * (S − Σ_c n_c·m_c·m_cᵀ) / Σ_c n_c, with m_c the offset of component c's new mean from s.
     */
    private static double[] pooledCovariance(Statistics s) {
        int d = s.d;
        double[] pooled = s.scatterMatrix(0);
        double total = 0;
        for (int c = 0; c < s.k; c++) {
            double n = s.count[c] + EMPTY_GUARD;
            total += n;
            for (int i = 0; i < d; i++) {
                double mi = s.sum[c][i] / n;
                for (int j = 0; j < d; j++) pooled[i * d + j] -= n * mi * (s.sum[c][j] / n);
            }
        }
        for (int i = 0; i < d * d; i++) pooled[i] /= total;
        return pooled;
    }

    /** The transpose of a row-major d×d matrix. */
    static double[] transpose(double[] a, int d) {
        double[] t = new double[d * d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) t[j * d + i] = a[i * d + j];
        }
        return t;
    }

    /** A diagonal d×d matrix. */
    static double[] diagonalMatrix(double[] diag, int off, int d) {
        double[] m = new double[d * d];
        for (int j = 0; j < d; j++) m[j * d + j] = diag[off + j];
        return m;
    }
}
