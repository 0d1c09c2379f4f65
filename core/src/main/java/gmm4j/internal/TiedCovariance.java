// SPDX-License-Identifier: Apache-2.0
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

    /** The shared covariance of k components: the given covariances averaged by their mass. */
    private static TiedCovariance estimate(int k, int d, double[][] covariances, double[] mass, double regularization, double floor, RepairLog log) {
        double[] pooled = new double[d * d];
        double total = 0;
        for (int c = 0; c < covariances.length; c++) {
            total += mass[c];
            for (int i = 0; i < d * d; i++) pooled[i] += mass[c] * covariances[c][i];
        }
        for (int i = 0; i < d * d; i++) pooled[i] /= total;
        for (int j = 0; j < d; j++) pooled[j * d + j] += regularization;
        return new TiedCovariance(k, d, GaussianFactor.of(pooled, d, floor, log, -1));
    }

    static final CovarianceModel MODEL = new CovarianceModel() {
        @Override
        public CovarianceType type() {
            return CovarianceType.TIED;
        }

        @Override
        public CovarianceModel.OwnPart ownPart() {
            return CovarianceModel.OwnPart.NOTHING;
        }

        @Override
        public Moments moments(int k, int d, double[] nearEach, double[] nearAll) {
            return PooledMoments.around(k, d, nearAll);
        }

        @Override
        public Covariance estimate(Moments moments, double regularization, double floor, RepairLog log) {
            PooledMoments pooled = (PooledMoments) moments;
            return TiedCovariance.estimate(pooled.k, pooled.d, new double[][]{pooled.pooledCovariance()},
                    new double[]{1}, regularization, floor, log);
        }

        /** EEE's posterior mode: the pooled scatter plus each component's prior-mean part, the prior scale added once. */
        @Override
        public Covariance estimate(Moments moments, Prior prior, double regularization, double floor, RepairLog log) {
            PooledMoments pooled = (PooledMoments) moments;
            int k = pooled.k, d = pooled.d;
            double n = AxisConstraints.total(pooled.masses());
            double[] scatter = pooled.pooledCovariance();
            for (int i = 0; i < d * d; i++) scatter[i] *= n;
            for (int j = 0; j < d; j++) scatter[j * d + j] += regularization * n;
            for (int c = 0; c < k; c++) {
                double[] part = prior.scatter(pooled, c, new double[d * d], 0);
                for (int i = 0; i < d * d; i++) scatter[i] += part[i];
            }
            return TiedCovariance.estimate(k, d, new double[][]{PosteriorModes.eee(scatter, n, k, prior, d)},
                    new double[]{1}, 0, floor, log);
        }

        @Override
        public Covariance fromMatrices(int d, double[][] matrices, double floor, RepairLog log) {
            double[] mass = new double[matrices.length];
            java.util.Arrays.fill(mass, 1.0);
            return TiedCovariance.estimate(matrices.length, d, matrices, mass, 0, floor, log);
        }

        /** The shared matrix once: the average of k equal matrices is not always that matrix to the bit. */
        @Override
        public Covariance restore(int k, int d, double[][] matrices, RepairLog log) {
            return TiedCovariance.estimate(k, d, new double[][]{matrices[0]}, new double[]{1}, 0, 0, log);
        }
    };

    @Override
    CovarianceModel model() {
        return MODEL;
    }

    /** The shared covariance stays: the others' average is this one. */
    @Override
    Covariance reseeded(int c, double[] average, double floor, RepairLog log) {
        double[][] matrices = new double[k][];
        for (int o = 0; o < k; o++) matrices[o] = matrix(o);
        return MODEL.fromMatrices(d, matrices, floor, log);
    }

    /**
     * One shared factor: U·(x − s) is computed once per row around the means' centre s, and each
     * component only subtracts its own U·(μ_c − s), d operations instead of d²/2.
     */
    @Override
    void logGaussian(double[][] xt, int rows, double[] means, double[][] out, BlockScratch scratch) {
        double[] centre = centre(means, k, d);
        double[][] y = scratch.transformed;
        factor.transform(xt, rows, centre, y, scratch);
        double constant = -0.5 * d * LN_2PI + factor.halfLogDetPrecision;
        double[] offset = new double[d];
        for (int c = 0; c < k; c++) {
            for (int j = 0; j < d; j++) offset[j] = means[c * d + j] - centre[j];
            double[] v = factor.times(offset);
            double[] o = out[c];
            for (int b = 0; b < rows; b++) o[b] = 0;
            for (int i = 0; i < d; i++) {
                double vi = v[i];
                double[] yi = y[i];
                for (int b = 0; b < rows; b++) {
                    double z = yi[b] - vi;
                    o[b] += z * z;
                }
            }
            for (int b = 0; b < rows; b++) o[b] = constant - 0.5 * o[b];
        }
    }

    @Override
    public double[] matrix(int c) {
        return factor.covariance.clone();
    }

    @Override
    public double[] precisionCholesky(int c) {
        return factor.upperPrecisionFactor();
    }
}
