// SPDX-License-Identifier: Apache-2.0
package gmm4j.internal;

import gmm4j.CovarianceType;

/**
 * What the axis-aligned covariance models (diagonal, spherical) share: their log-density kernel,
 * the repair of their variances, and their matrices.
 */
final class AxisAligned {
    private AxisAligned() {
    }

    /** Axis-aligned covariances from each component's per-axis variances (plus {@code regularization}). */
    @FunctionalInterface
    interface FromVariances {
        Covariance of(int d, double[][] variances, double regularization, double floor, RepairLog log);
    }

    /** The model of an axis-aligned type: moments of the scatter's diagonal, covariances from the variances. */
    static class Model implements CovarianceModel {
        private final CovarianceType type;
        private final FromVariances fromVariances;
        private final PosteriorModes.Mode mode;

        Model(CovarianceType type, FromVariances fromVariances, PosteriorModes.Mode mode) {
            this.type = type;
            this.fromVariances = fromVariances;
            this.mode = mode;
        }

        @Override
        public CovarianceType type() {
            return type;
        }

        /** Each component its own variances (diagonal) or its own variance (spherical). */
        @Override
        public CovarianceModel.OwnPart ownPart() {
            return CovarianceModel.OwnPart.SCALE;
        }

        @Override
        public Moments moments(int k, int d, double[] nearEach, double[] nearAll) {
            return new AxisMoments(k, d, nearEach);
        }

        @Override
        public Covariance estimate(Moments moments, double regularization, double floor, RepairLog log) {
            return fromVariances.of(moments.d, variances(moments), regularization, floor, log);
        }

        @Override
        public Covariance estimate(Moments moments, Prior prior, double regularization, double floor, RepairLog log) {
            double[][] scatters = prior.scatters(moments, variances(moments), regularization);
            return fromVariances.of(moments.d, mode.of(scatters, moments.masses(), prior, moments.d), 0, floor, log);
        }

        @Override
        public boolean scalarPriorScale() {
            return true;
        }

        @Override
        public Covariance fromMatrices(int d, double[][] matrices, double floor, RepairLog log) {
            return fromVariances.of(d, diagonals(matrices, d), 0, floor, log);
        }
    }

    /**
     * The log-densities of diagonal Gaussians for a transposed block, plus {@code logWeights[c]}
     * unless that is null: the precision root of component c on axis j is
     * {@code precisionRoot[c*d + j]}. Four axes per pass over the rows (one load and store of the
     * sums for four squares), the last group padded with axes of precision 0; the roots scaled by √½
     * so that the sums are the log-density itself (no pass to zero nor to finish). Each four columns
     * for every component in turn: they stay in the L1 cache, where the whole block may not (d = 64:
     * 128 kB). With {@code vector}, its kernel; else the scalar loop, the same bits.
     */
    static void logJoint(double[][] xt, int rows, double[] means, double[] logWeights, double[][] out,
                         int k, int d, double[] precisionRoot, double[] halfLogDetPrecision, VectorKernels vector) {
        double[] scaled = new double[8]; // a group's four means (or their products with the roots), then its four scaled roots
        boolean fused = vector != null || Exponentials.HARDWARE_FMA;
        for (int j = 0; j < d; j += 4) {
            double[] x0 = xt[j], x1 = xt[Math.min(j + 1, d - 1)], x2 = xt[Math.min(j + 2, d - 1)], x3 = xt[Math.min(j + 3, d - 1)];
            for (int c = 0; c < k; c++) {
                boolean folded = fused;
                for (int q = 0; q < 4; q++) {
                    scaled[q] = axis(means, c * d + j + q, j + q, d);
                    scaled[4 + q] = HALF_ROOT * axis(precisionRoot, c * d + j + q, j + q, d);
                    folded &= Math.abs(scaled[q] * scaled[4 + q]) <= GaussianFactor.FOLD_LIMIT;
                }
                boolean first = j == 0; // the constant starts the sums; later passes subtract from them
                double constant = first ? constant(c, d, halfLogDetPrecision, logWeights) : 0;
                if (folded) {
                    for (int q = 0; q < 4; q++) scaled[q] = -scaled[q] * scaled[4 + q];
                    if (vector != null) vector.subtractFoldedSquares(out[c], x0, x1, x2, x3, scaled, rows, first, constant);
                    else subtractFoldedSquares(out[c], x0, x1, x2, x3, scaled, 0, rows, first, constant);
                } else {
                    subtractSquares(false, out[c], x0, x1, x2, x3, scaled, rows, first, constant, vector);
                }
            }
        }
    }

    /**
     * The log-densities of spherical Gaussians for a transposed block, as {@link #logJoint}: first
     * each row's squared distance from each mean, summed four axes at a time (fused multiply-adds of
     * the unscaled differences: nine operations for four axes, not sixteen), then the half precision
     * and the constant. The distances go to {@code distances} too unless that is null: the spherical
     * moments' scatter is their weighted sum ({@link SphericalMoments}).
     */
    static void sphericalLogJoint(double[][] xt, int rows, double[] means, double[] logWeights, double[][] out,
                                  int k, int d, double[] halfLogDetPrecision, double[] halfPrecision,
                                  double[][] distances, VectorKernels vector) {
        double[] scaled = new double[8]; // a group's four means, then its four roots (or one scale): 1, or 0 for a padding axis
        boolean fused = vector != null || Exponentials.HARDWARE_FMA;
        for (int j = 0; j < d; j += 4) {
            double[] x0 = xt[j], x1 = xt[Math.min(j + 1, d - 1)], x2 = xt[Math.min(j + 2, d - 1)], x3 = xt[Math.min(j + 3, d - 1)];
            boolean oneScale = fused && j + 4 <= d;
            for (int q = 0; q < 4; q++) scaled[4 + q] = j + q < d ? 1 : 0;
            for (int c = 0; c < k; c++) {
                for (int q = 0; q < 4; q++) scaled[q] = axis(means, c * d + j + q, j + q, d);
                subtractSquares(oneScale, out[c], x0, x1, x2, x3, scaled, rows, j == 0, 0, vector);
            }
        }
        for (int c = 0; c < k; c++) {
            double[] o = out[c]; // minus the squared distances
            if (distances != null) {
                double[] kept = distances[c];
                for (int b = 0; b < rows; b++) kept[b] = -o[b];
            }
            double constant = constant(c, d, halfLogDetPrecision, logWeights), half = halfPrecision[c];
            for (int b = 0; b < rows; b++) o[b] = constant + half * o[b];
        }
    }

    /** A group of four axes' squares subtracted from {@code o} (from {@code constant} when first): one scale for all four, or a root each. */
    private static void subtractSquares(boolean oneScale, double[] o, double[] x0, double[] x1, double[] x2, double[] x3,
                                        double[] scaled, int rows, boolean first, double constant, VectorKernels vector) {
        if (oneScale) {
            if (vector != null) vector.subtractScaledSquares(o, x0, x1, x2, x3, scaled, rows, first, constant);
            else subtractScaledSquares(o, x0, x1, x2, x3, scaled, 0, rows, first, constant);
        } else if (vector != null) {
            vector.subtractFourSquares(o, x0, x1, x2, x3, scaled, rows, first, constant);
        } else {
            subtractFourSquares(o, x0, x1, x2, x3, scaled, 0, rows, first, constant);
        }
    }

    /** log N's constant part for component c, plus its log-weight unless there are none: −½ d log 2π − ½ log|Σ_c| + log π_c. */
    private static double constant(int c, int d, double[] halfLogDetPrecision, double[] logWeights) {
        return -0.5 * d * Covariance.LN_2PI + halfLogDetPrecision[c] + (logWeights == null ? 0 : logWeights[c]);
    }

    /** {@link VectorKernels#subtractFourSquares} over the rows {@code from ≤ b < rows}: the scalar loop. */
    static void subtractFourSquares(double[] o, double[] x0, double[] x1, double[] x2, double[] x3, double[] scaled, int from,
                                    int rows, boolean first, double constant) {
        double m0 = scaled[0], m1 = scaled[1], m2 = scaled[2], m3 = scaled[3];
        double r0 = scaled[4], r1 = scaled[5], r2 = scaled[6], r3 = scaled[7];
        if (first) {
            for (int b = from; b < rows; b++) {
                double z0 = (x0[b] - m0) * r0, z1 = (x1[b] - m1) * r1, z2 = (x2[b] - m2) * r2, z3 = (x3[b] - m3) * r3;
                o[b] = constant - ((z0 * z0 + z1 * z1) + (z2 * z2 + z3 * z3));
            }
        } else {
            for (int b = from; b < rows; b++) {
                double z0 = (x0[b] - m0) * r0, z1 = (x1[b] - m1) * r1, z2 = (x2[b] - m2) * r2, z3 = (x3[b] - m3) * r3;
                o[b] -= (z0 * z0 + z1 * z1) + (z2 * z2 + z3 * z3);
            }
        }
    }

    /** {@link VectorKernels#subtractFoldedSquares} over the rows {@code from ≤ b < rows}: the scalar loop, with {@link Math#fma} (where it is one instruction). */
    static void subtractFoldedSquares(double[] o, double[] x0, double[] x1, double[] x2, double[] x3, double[] scaled, int from,
                                      int rows, boolean first, double constant) {
        double s0 = scaled[0], s1 = scaled[1], s2 = scaled[2], s3 = scaled[3];
        double r0 = scaled[4], r1 = scaled[5], r2 = scaled[6], r3 = scaled[7];
        for (int b = from; b < rows; b++) {
            double z0 = Math.fma(x0[b], r0, s0), z1 = Math.fma(x1[b], r1, s1), z2 = Math.fma(x2[b], r2, s2), z3 = Math.fma(x3[b], r3, s3);
            double squares = Math.fma(z3, z3, Math.fma(z2, z2, Math.fma(z1, z1, z0 * z0)));
            o[b] = (first ? constant : o[b]) - squares;
        }
    }

    /**
     * {@link VectorKernels#subtractScaledSquares} over the rows {@code from ≤ b < rows}: the scalar
     * loop, with {@link Math#fma} (only where it is one instruction: {@link Exponentials#HARDWARE_FMA}).
     */
    static void subtractScaledSquares(double[] o, double[] x0, double[] x1, double[] x2, double[] x3, double[] scaled, int from,
                                      int rows, boolean first, double constant) {
        double m0 = scaled[0], m1 = scaled[1], m2 = scaled[2], m3 = scaled[3], minusHalf = -scaled[4];
        for (int b = from; b < rows; b++) {
            double z0 = x0[b] - m0, z1 = x1[b] - m1, z2 = x2[b] - m2, z3 = x3[b] - m3;
            double squares = Math.fma(z3, z3, Math.fma(z2, z2, Math.fma(z1, z1, z0 * z0)));
            o[b] = Math.fma(minusHalf, squares, first ? constant : o[b]);
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

    /** The diagonal of each of the d×d matrices. */
    private static double[][] diagonals(double[][] matrices, int d) {
        double[][] diag = new double[matrices.length][d];
        for (int c = 0; c < matrices.length; c++) {
            for (int j = 0; j < d; j++) diag[c][j] = matrices[c][j * d + j];
        }
        return diag;
    }

    /** Each component's variances around its new mean, from the moments. */
    private static double[][] variances(Moments moments) {
        AxisMoments axis = (AxisMoments) moments;
        double[][] variances = new double[axis.k][];
        for (int c = 0; c < axis.k; c++) variances[c] = axis.variances(c);
        return variances;
    }

    /** A diagonal d×d matrix. */
    static double[] diagonalMatrix(double[] diag, int off, int d) {
        double[] m = new double[d * d];
        for (int j = 0; j < d; j++) m[j * d + j] = diag[off + j];
        return m;
    }
}
