package gmm4j.internal;

import gmm4j.CovarianceType;

import java.io.Serial;

/** Each component with its own unrestricted covariance. */
final class FullCovariance extends Covariance {
    @Serial
    private static final long serialVersionUID = 1L;

    private final GaussianFactor[] factors;

    private FullCovariance(int d, GaussianFactor[] factors) {
        super(factors.length, d);
        this.factors = factors;
    }

    static FullCovariance estimate(int d, double[][] covariances, double regularization, double floor, RepairLog log) {
        GaussianFactor[] factors = new GaussianFactor[covariances.length];
        for (int c = 0; c < covariances.length; c++) {
            double[] cov = covariances[c].clone();
            for (int j = 0; j < d; j++) cov[j * d + j] += regularization;
            factors[c] = GaussianFactor.of(cov, d, floor, log, c);
        }
        return new FullCovariance(d, factors);
    }

    @Override
    public CovarianceType type() {
        return CovarianceType.FULL;
    }

    @Override
    void logGaussian(double[][] xt, int rows, double[] means, double[][] out, BlockScratch scratch) {
        for (int c = 0; c < k; c++) {
            GaussianFactor f = factors[c];
            double[] o = out[c];
            f.mahalanobis(xt, rows, means, c * d, o, scratch);
            double constant = -0.5 * d * LN_2PI + f.halfLogDetPrecision;
            for (int b = 0; b < rows; b++) o[b] = constant - 0.5 * o[b];
        }
    }

    @Override
    public double[] matrix(int c) {
        return factors[c].covariance.clone();
    }

    @Override
    public double[] precisionCholesky(int c) {
        return transpose(factors[c].inverseFactor, d);
    }
}
