// SPDX-License-Identifier: Apache-2.0
package gmm4j.internal;

import gmm4j.CovarianceType;

import java.io.Serial;
import java.util.Arrays;

/** Each component with one variance in every direction. */
final class SphericalCovariance extends Covariance {
    @Serial
    private static final long serialVersionUID = 1L;

    private final double[] variance;
    private final double[] precisionRoot;
    /** d·log precisionRoot per component. */
    private final double[] halfLogDetPrecision;

    private SphericalCovariance(int d, double[] variance) {
        super(variance.length, d);
        this.variance = variance;
        this.precisionRoot = new double[variance.length];
        this.halfLogDetPrecision = new double[variance.length];
        for (int c = 0; c < variance.length; c++) {
            precisionRoot[c] = 1 / Math.sqrt(variance[c]);
            halfLogDetPrecision[c] = d * Math.log(precisionRoot[c]);
        }
    }

    /** The variance of each component: the mean of its per-axis variances. */
    private static SphericalCovariance estimate(int d, double[][] variances, double regularization, double floor, RepairLog log) {
        double[] variance = new double[variances.length];
        for (int c = 0; c < variances.length; c++) {
            double sum = 0;
            for (int j = 0; j < d; j++) sum += variances[c][j] + regularization;
            double v = sum / d;
            double jitter = AxisAligned.jitterFor(v, floor);
            if (jitter > 0) {
                v = Math.max(v, 0) + jitter;
                log.jitter(c, jitter);
            }
            variance[c] = v;
        }
        return new SphericalCovariance(d, variance);
    }

    static final CovarianceModel MODEL = new AxisAligned.Model(CovarianceType.SPHERICAL, SphericalCovariance::estimate,
            PosteriorModes::vii) {
        @Override
        public Moments moments(int k, int d, double[] nearEach, double[] nearAll) {
            return new SphericalMoments(k, d, nearEach);
        }

        /** Each variance read off the diagonal: the mean of d equal values is not always that value to the bit. */
        @Override
        public Covariance restore(int k, int d, double[][] matrices, RepairLog log) {
            double[] variance = new double[k];
            for (int c = 0; c < k; c++) {
                variance[c] = matrices[c][0];
                double jitter = AxisAligned.jitterFor(variance[c], 0);
                if (jitter > 0) log.jitter(c, jitter);
            }
            return new SphericalCovariance(d, variance);
        }
    };

    @Override
    CovarianceModel model() {
        return MODEL;
    }

    @Override
    void logGaussian(double[][] xt, int rows, double[] means, double[][] out, BlockScratch scratch) {
        AxisAligned.sphericalLogJoint(xt, rows, means, null, out, k, d, halfLogDetPrecision, halfPrecision(),
                scratch.distancesFrom(means), scratch.vector);
    }

    @Override
    void logJoint(double[][] xt, int rows, double[] means, double[] logWeights, double[][] out, BlockScratch scratch) {
        AxisAligned.sphericalLogJoint(xt, rows, means, logWeights, out, k, d, halfLogDetPrecision, halfPrecision(),
                scratch.distancesFrom(means), scratch.vector);
    }

    /** ½ / variance per component (made per block, not kept: the serialised form stays as it was). */
    private double[] halfPrecision() {
        double[] half = new double[k];
        for (int c = 0; c < k; c++) half[c] = 0.5 / variance[c];
        return half;
    }

    @Override
    public double[] matrix(int c) {
        double[] diag = new double[d];
        Arrays.fill(diag, variance[c]);
        return AxisAligned.diagonalMatrix(diag, 0, d);
    }

    @Override
    public double[] precisionCholesky(int c) {
        double[] diag = new double[d];
        Arrays.fill(diag, precisionRoot[c]);
        return AxisAligned.diagonalMatrix(diag, 0, d);
    }
}
