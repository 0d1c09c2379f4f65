// SPDX-License-Identifier: Apache-2.0
package gmm4j.internal;

import gmm4j.CovarianceType;

import java.io.Serial;

/** Each component with its own axis-aligned variances. */
final class DiagonalCovariance extends Covariance {
    @Serial
    private static final long serialVersionUID = 1L;

    /** Variances, component c at {@code [c*d, (c+1)*d)}. */
    private final double[] variance;
    /** 1/√variance. */
    private final double[] precisionRoot;
    /** Σ_j log precisionRoot per component. */
    private final double[] halfLogDetPrecision;

    private DiagonalCovariance(int k, int d, double[] variance) {
        super(k, d);
        this.variance = variance;
        this.precisionRoot = new double[k * d];
        this.halfLogDetPrecision = new double[k];
        for (int i = 0; i < k * d; i++) precisionRoot[i] = 1 / Math.sqrt(variance[i]);
        for (int c = 0; c < k; c++) {
            for (int j = 0; j < d; j++) halfLogDetPrecision[c] += Math.log(precisionRoot[c * d + j]);
        }
    }

    private static DiagonalCovariance estimate(int d, double[][] variances, double regularization, double floor, RepairLog log) {
        int k = variances.length;
        double[] variance = new double[k * d];
        for (int c = 0; c < k; c++) {
            double smallest = Double.POSITIVE_INFINITY;
            for (int j = 0; j < d; j++) {
                double v = variances[c][j] + regularization;
                variance[c * d + j] = v;
                smallest = Math.min(smallest, v);
            }
            double jitter = AxisAligned.jitterFor(smallest, floor);
            if (jitter > 0) {
                for (int j = 0; j < d; j++) variance[c * d + j] = Math.max(variance[c * d + j], 0) + jitter;
                log.jitter(c, jitter);
            }
        }
        return new DiagonalCovariance(k, d, variance);
    }

    static final CovarianceModel MODEL = new AxisAligned.Model(CovarianceType.DIAGONAL, DiagonalCovariance::estimate,
            PosteriorModes::vvi);

    @Override
    CovarianceModel model() {
        return MODEL;
    }

    @Override
    void logGaussian(double[][] xt, int rows, double[] means, double[][] out, BlockScratch scratch) {
        AxisAligned.logJoint(xt, rows, means, null, out, k, d, precisionRoot, halfLogDetPrecision, scratch.vector);
    }

    @Override
    void logJoint(double[][] xt, int rows, double[] means, double[] logWeights, double[][] out, BlockScratch scratch) {
        AxisAligned.logJoint(xt, rows, means, logWeights, out, k, d, precisionRoot, halfLogDetPrecision, scratch.vector);
    }

    @Override
    public double[] matrix(int c) {
        return AxisAligned.diagonalMatrix(variance, c * d, d);
    }

    @Override
    public double[] precisionCholesky(int c) {
        return AxisAligned.diagonalMatrix(precisionRoot, c * d, d);
    }
}
