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

    SphericalCovariance(int d, double[] variance) {
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
    static SphericalCovariance estimate(int d, double[][] variances, double regularization, double floor, RepairLog log) {
        double[] variance = new double[variances.length];
        for (int c = 0; c < variances.length; c++) {
            double sum = 0;
            for (int j = 0; j < d; j++) sum += variances[c][j] + regularization;
            double v = sum / d;
            double jitter = jitterFor(v, floor);
            if (jitter > 0) {
                v = Math.max(v, 0) + jitter;
                log.jitter(c, jitter);
            }
            variance[c] = v;
        }
        return new SphericalCovariance(d, variance);
    }

    @Override
    public CovarianceType type() {
        return CovarianceType.SPHERICAL;
    }

    @Override
    void logGaussian(double[][] xt, int rows, double[] means, double[][] out, BlockScratch scratch) {
        axisAlignedLogJoint(xt, rows, means, null, out, k, d, precisionRoot, 1, 0, halfLogDetPrecision);
    }

    @Override
    void logJoint(double[][] xt, int rows, double[] means, double[] logWeights, double[][] out, BlockScratch scratch) {
        axisAlignedLogJoint(xt, rows, means, logWeights, out, k, d, precisionRoot, 1, 0, halfLogDetPrecision);
    }

    @Override
    public double[] matrix(int c) {
        double[] diag = new double[d];
        Arrays.fill(diag, variance[c]);
        return diagonalMatrix(diag, 0, d);
    }

    @Override
    public double[] precisionCholesky(int c) {
        double[] diag = new double[d];
        Arrays.fill(diag, precisionRoot[c]);
        return diagonalMatrix(diag, 0, d);
    }
}
