package gmm4j.internal;

import gmm4j.CovarianceType;

import java.io.Serial;

/** One unrestricted covariance shared by every component. */
final class TiedCovariance extends Covariance {
    @Serial
    private static final long serialVersionUID = 1L;

    private final GaussianFactor factor;

    private TiedCovariance(int k, int d, GaussianFactor factor) {
        super(k, d);
        this.factor = factor;
    }

    /** The shared covariance: the components' covariances averaged by their mass. */
    static TiedCovariance estimate(int d, double[][] covariances, double[] mass, double regularization, double floor, RepairLog log) {
        double[] pooled = new double[d * d];
        double total = 0;
        for (int c = 0; c < covariances.length; c++) {
            total += mass[c];
            for (int i = 0; i < d * d; i++) pooled[i] += mass[c] * covariances[c][i];
        }
        for (int i = 0; i < d * d; i++) pooled[i] /= total;
        for (int j = 0; j < d; j++) pooled[j * d + j] += regularization;
        return new TiedCovariance(covariances.length, d, GaussianFactor.of(pooled, d, floor, log, -1));
    }

    @Override
    public CovarianceType type() {
        return CovarianceType.TIED;
    }

    @Override
    boolean fullScatter() {
        return true;
    }

    @Override
    void logGaussian(double[][] xt, int rows, double[] means, double[][] out, BlockScratch scratch) {
        double constant = -0.5 * d * LN_2PI + factor.halfLogDetPrecision;
        for (int c = 0; c < k; c++) {
            double[] o = out[c];
            factor.mahalanobis(xt, rows, means, c * d, o, scratch);
            for (int b = 0; b < rows; b++) o[b] = constant - 0.5 * o[b];
        }
    }

    @Override
    public double[] matrix(int c) {
        return factor.covariance.clone();
    }

    @Override
    public double[] precisionCholesky(int c) {
        return transpose(factor.inverseFactor, d);
    }
}
