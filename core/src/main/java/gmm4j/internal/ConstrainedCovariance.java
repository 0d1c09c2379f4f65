// SPDX-License-Identifier: Apache-2.0
package gmm4j.internal;

import gmm4j.CovarianceType;

import java.io.Serial;

/**
 * The covariances of one of mclust's constrained models (volume, shape and orientation each equal,
 * varying or the identity; see {@link CovarianceType}) beyond the four scikit-learn types. Once
 * estimated they are plain per-component matrices, so the log-density kernel is one of the
 * unconstrained ones: {@link DiagonalCovariance}'s for the axis-aligned models (EII, EEI, VEI, EVI)
 * and {@link FullCovariance}'s for the others; what is the model's own is its M-step
 * ({@link AxisConstraints}, {@link OrientationConstraints}).
 */
final class ConstrainedCovariance extends Covariance {
    @Serial
    private static final long serialVersionUID = 1L;

    private final CovarianceType type;
    /** The same matrices, as the unconstrained covariances whose kernel computes the densities. */
    private final Covariance kernel;

    private ConstrainedCovariance(CovarianceType type, Covariance kernel) {
        super(kernel.k, kernel.d);
        this.type = type;
        this.kernel = kernel;
    }

    /** A constrained M-step: each component's covariance from the scatters W_c and the masses n_c. */
    @FunctionalInterface
    interface Estimate {
        /**
         * @param scatter each component's scatter Σ_i r_ic·(x_i − μ_c)(x_i − μ_c)ᵀ around its mean:
         *                the d diagonal values (axis-aligned models) or the row-major d×d matrix
         * @return each component's covariance in the same form
         */
        double[][] of(double[][] scatter, double[] mass, int d);
    }

    static final Model EII = new Model(CovarianceType.EII, true, CovarianceModel.OwnPart.NOTHING,
            AxisConstraints::eii, PosteriorModes::eii, true);
    /** mclust's EEI M-step with a prior leaves the means unshrunk. */
    static final Model EEI = new Model(CovarianceType.EEI, true, CovarianceModel.OwnPart.NOTHING,
            AxisConstraints::eei, PosteriorModes::eei, false);
    static final Model VEI = new Model(CovarianceType.VEI, true, CovarianceModel.OwnPart.SCALE,
            AxisConstraints::vei, PosteriorModes::vei, true);
    static final Model EVI = new Model(CovarianceType.EVI, true, CovarianceModel.OwnPart.SCALE,
            AxisConstraints::evi, PosteriorModes::evi, true);
    /** mclust has no prior for VEE, EVE, VVE and EVV. */
    static final Model VEE = new Model(CovarianceType.VEE, false, CovarianceModel.OwnPart.SCALE,
            OrientationConstraints::vee, null, true);
    static final Model EVE = new Model(CovarianceType.EVE, false, CovarianceModel.OwnPart.SCALE,
            OrientationConstraints::eve, null, true);
    static final Model VVE = new Model(CovarianceType.VVE, false, CovarianceModel.OwnPart.SCALE,
            OrientationConstraints::vve, null, true);
    static final Model EEV = new Model(CovarianceType.EEV, false, CovarianceModel.OwnPart.NOTHING,
            OrientationConstraints::eev, PosteriorModes::eev, true);
    static final Model VEV = new Model(CovarianceType.VEV, false, CovarianceModel.OwnPart.SCALE,
            OrientationConstraints::vev, PosteriorModes::vev, true);
    static final Model EVV = new Model(CovarianceType.EVV, false, CovarianceModel.OwnPart.MATRIX,
            OrientationConstraints::evv, null, true);

    /**
     * A constrained model: moments of the scatter's diagonal (axis-aligned) or of the whole scatter
     * per component, and its M-step on them.
     */
    static final class Model implements CovarianceModel {
        private final CovarianceType type;
        private final boolean axisAligned;
        private final CovarianceModel.OwnPart ownPart;
        private final Estimate estimate;
        /** The MAP M-step, or null where mclust has none. */
        private final PosteriorModes.Mode mode;
        private final boolean shrinksMeans;

        private Model(CovarianceType type, boolean axisAligned, CovarianceModel.OwnPart ownPart, Estimate estimate,
                      PosteriorModes.Mode mode, boolean shrinksMeans) {
            this.type = type;
            this.axisAligned = axisAligned;
            this.ownPart = ownPart;
            this.estimate = estimate;
            this.mode = mode;
            this.shrinksMeans = shrinksMeans;
        }

        @Override
        public CovarianceType type() {
            return type;
        }

        @Override
        public CovarianceModel.OwnPart ownPart() {
            return ownPart;
        }

        @Override
        public Moments moments(int k, int d, double[] nearEach, double[] nearAll) {
            return axisAligned ? new AxisMoments(k, d, nearEach) : new MatrixMoments(k, d, nearEach);
        }

        /**
         * The model's M-step on each component's scatter W_c = n_c·S_c (S_c its weighted covariance)
         * with {@code regularization}·n_c added to its diagonal first: the constrained estimate of
         * S_c + regularization·I, which for VVV, VVI and VII is scikit-learn's reg_covar exactly.
         */
        @Override
        public Covariance estimate(Moments moments, double regularization, double floor, RepairLog log) {
            int k = moments.k, d = moments.d;
            double[] mass = moments.masses();
            double[][] scatter = ownCovariances(moments);
            for (int c = 0; c < k; c++) {
                double[] s = scatter[c];
                for (int i = 0; i < s.length; i++) s[i] *= mass[c];
                for (int j = 0; j < d; j++) s[axisAligned ? j : j * d + j] += regularization * mass[c];
            }
            return covariances(d, constrained(scatter, mass, d), floor, log);
        }

        /** Each component's weighted covariance W_c / n_c around its new mean: its diagonal for the axis-aligned models. */
        private double[][] ownCovariances(Moments moments) {
            double[][] out = new double[moments.k][];
            for (int c = 0; c < moments.k; c++) {
                out[c] = axisAligned ? ((AxisMoments) moments).variances(c) : ((MatrixMoments) moments).covariance(c);
            }
            return out;
        }

        @Override
        public Covariance estimate(Moments moments, Prior prior, double regularization, double floor, RepairLog log) {
            if (mode == null) return CovarianceModel.super.estimate(moments, prior, regularization, floor, log);
            double[][] scatters = prior.scatters(moments, ownCovariances(moments), regularization);
            double[] mass = moments.masses();
            double[][] estimates = mode.of(scatters, mass, prior, moments.d);
            // as without a prior: where the model's estimate is not finite (a prior scatter with a zero
            // eigenvalue, say from a constant column, has no shape), each component's own posterior mode
            if (!finite(estimates)) {
                estimates = axisAligned ? PosteriorModes.vvi(scatters, mass, prior, moments.d)
                        : PosteriorModes.vvv(scatters, mass, prior, moments.d);
            }
            return covariances(moments.d, estimates, floor, log);
        }

        private static boolean finite(double[][] estimates) {
            for (double[] e : estimates) for (double v : e) if (!Double.isFinite(v)) return false;
            return true;
        }

        @Override
        public boolean scalarPriorScale() {
            return axisAligned;
        }

        @Override
        public boolean shrinksMeans() {
            return shrinksMeans;
        }

        /**
         * The model's estimate; where it is not finite (a scatter with a zero eigenvalue, say from a
         * constant column with no regularisation, has no shape: its determinant is 0), each
         * component's own covariance W_c / n_c instead, whose zero variances the kernel then raises
         * to the floor and reports as jitter.
         */
        private double[][] constrained(double[][] scatter, double[] mass, int d) {
            double[][] estimates = estimate.of(scatter, mass, d);
            if (finite(estimates)) return estimates;
            double[][] own = new double[scatter.length][];
            for (int c = 0; c < scatter.length; c++) {
                own[c] = scatter[c].clone();
                for (int i = 0; i < own[c].length; i++) own[c][i] /= mass[c];
            }
            return own;
        }

        /**
         * The matrices projected onto the model: its M-step with each matrix as the covariance of a
         * component of mass 1 (their diagonals for the axis-aligned models). Matrices that already
         * have the model's structure come back as they are, to rounding (and to the tolerance of an
         * iterative M-step).
         */
        @Override
        public Covariance fromMatrices(int d, double[][] matrices, double floor, RepairLog log) {
            double[] mass = new double[matrices.length];
            java.util.Arrays.fill(mass, 1.0);
            double[][] scatter = new double[matrices.length][];
            for (int c = 0; c < matrices.length; c++) scatter[c] = axisAligned ? diagonal(matrices[c], d) : matrices[c].clone();
            return covariances(d, constrained(scatter, mass, d), floor, log);
        }

        /** The saved matrices as they are, in the kernel's form: no projection, so to the bit. */
        @Override
        public Covariance restore(int k, int d, double[][] matrices, RepairLog log) {
            return new ConstrainedCovariance(type, kernelModel().restore(k, d, matrices, log));
        }

        private CovarianceModel kernelModel() {
            return axisAligned ? DiagonalCovariance.MODEL : FullCovariance.MODEL;
        }

        /** Covariances of this model from its estimates (variances or d×d matrices), jittered above the floor where needed. */
        private Covariance covariances(int d, double[][] estimates, double floor, RepairLog log) {
            double[][] matrices = new double[estimates.length][];
            for (int c = 0; c < estimates.length; c++) {
                matrices[c] = axisAligned ? AxisAligned.diagonalMatrix(estimates[c], 0, d) : estimates[c];
            }
            return new ConstrainedCovariance(type, kernelModel().fromMatrices(d, matrices, floor, log));
        }
    }

    private static double[] diagonal(double[] matrix, int d) {
        double[] diag = new double[d];
        for (int j = 0; j < d; j++) diag[j] = matrix[j * d + j];
        return diag;
    }

    @Override
    CovarianceModel model() {
        return CovarianceModel.of(type);
    }

    @Override
    void logGaussian(double[][] xt, int rows, double[] means, double[][] out, BlockScratch scratch) {
        kernel.logGaussian(xt, rows, means, out, scratch);
    }

    @Override
    void logJoint(double[][] xt, int rows, double[] means, double[] logWeights, double[][] out, BlockScratch scratch) {
        kernel.logJoint(xt, rows, means, logWeights, out, scratch);
    }

    @Override
    public double[] matrix(int c) {
        return kernel.matrix(c);
    }

    @Override
    public double[] precisionCholesky(int c) {
        return kernel.precisionCholesky(c);
    }
}
