// SPDX-License-Identifier: Apache-2.0
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

    private static FullCovariance estimate(int d, double[][] covariances, double regularization, double floor, RepairLog log) {
        GaussianFactor[] factors = new GaussianFactor[covariances.length];
        for (int c = 0; c < covariances.length; c++) {
            double[] cov = covariances[c].clone();
            for (int j = 0; j < d; j++) cov[j * d + j] += regularization;
            factors[c] = GaussianFactor.of(cov, d, floor, log, c);
        }
        return new FullCovariance(d, factors);
    }

    static final CovarianceModel MODEL = new CovarianceModel() {
        @Override
        public CovarianceType type() {
            return CovarianceType.FULL;
        }

        @Override
        public CovarianceModel.OwnPart ownPart() {
            return CovarianceModel.OwnPart.MATRIX;
        }

        @Override
        public Moments moments(int k, int d, double[] nearEach, double[] nearAll) {
            return new MatrixMoments(k, d, nearEach);
        }

        @Override
        public Covariance estimate(Moments moments, double regularization, double floor, RepairLog log) {
            MatrixMoments matrix = (MatrixMoments) moments;
            double[][] covariances = new double[matrix.k][];
            for (int c = 0; c < matrix.k; c++) covariances[c] = matrix.covariance(c);
            return FullCovariance.estimate(matrix.d, covariances, regularization, floor, log);
        }

        @Override
        public Covariance estimate(Moments moments, Prior prior, double regularization, double floor, RepairLog log) {
            MatrixMoments matrix = (MatrixMoments) moments;
            double[][] scatters = new double[matrix.k][];
            for (int c = 0; c < matrix.k; c++) scatters[c] = prior.scatter(matrix, c, matrix.covariance(c), regularization);
            return FullCovariance.estimate(matrix.d, PosteriorModes.vvv(scatters, matrix.masses(), prior, matrix.d), 0,
                    floor, log);
        }

        @Override
        public Covariance fromMatrices(int d, double[][] matrices, double floor, RepairLog log) {
            return FullCovariance.estimate(d, matrices, 0, floor, log);
        }
    };

    @Override
    CovarianceModel model() {
        return MODEL;
    }

    @Override
    void logGaussian(double[][] xt, int rows, double[] means, double[][] out, BlockScratch scratch) {
        GaussianFactor.mahalanobisOfEach(factors, xt, rows, means, out, scratch, d);
        for (int c = 0; c < k; c++) {
            double[] o = out[c];
            double constant = constant(c);
            for (int b = 0; b < rows; b++) o[b] = constant - 0.5 * o[b];
        }
    }

    /**
     * Squares of z = U·(x − μ) that bound a log-joint from above before the rest is computed: at
     * 100 000×64, K = 8, eight left 44% of the log-joints to compute whole, sixteen 42%, thirty-two
     * 41.7%, each costing more. Used from d = 32: at d = 16 the bounds and gathers cost more than
     * the distances they save (measured 15% slower at 200 000×16, K = 16).
     */
    static final int BOUND_ROWS = 8;

    /**
     * A block where fewer than one pair in this many has its bound out of reach of its row's highest
     * bound is computed whole at once: the bounds could rule out too few to pay for the candidates'
     * pass and the gathers ({@code Gmm4jPeer.wholeDistanceShare} in the benchmarks replays it).
     */
    static final int FEW_OUT_OF_REACH = 32;

    /**
     * The log-joints with a component's skipped (−∞) for the rows it cannot reach: the first
     * {@link #BOUND_ROWS} squares of its distance bound its log-joint from above; each row's most
     * promising component is then computed whole, a lower bound of the row's best; any other whose
     * bound is within reach of that is computed whole too (on the rows that need it, gathered). A
     * skipped log-joint lies more than 50 below the row's best, where the E-step's exponential is
     * exactly 0 anyway: the results are the same to the bit, and separated clusters cost about one
     * component's distance per row instead of K (measured 10% faster over a fit at 100 000×64,
     * K = 8, where three of the eight stay within reach of a row's best). A block where the bounds
     * could rule out fewer than one pair in {@link #FEW_OUT_OF_REACH} is computed whole at once (overlapping clusters:
     * ×0.91 per iteration at 100 000×64, K = 8, overlapping; at one in 8, separated clusters
     * were ×1.03, their first iterations' blocks computed whole where the bounds still paid).
     */
    @Override
    void logJoint(double[][] xt, int rows, double[] means, double[] logWeights, double[][] out, BlockScratch scratch) {
        if (k < 2 || d < 4 * BOUND_ROWS) {
            logJointOfEvery(xt, rows, means, logWeights, out, scratch);
            return;
        }
        GaussianFactor.mahalanobisOfEach(factors, xt, rows, means, out, scratch, BOUND_ROWS);
        for (int c = 0; c < k; c++) {
            double[] o = out[c];
            double constant = constant(c), logWeight = logWeights[c];
            for (int b = 0; b < rows; b++) o[b] = (constant - 0.5 * o[b]) + logWeight;
        }
        int[] candidate = scratch.candidate;
        double reach = Exponentials.CUT - 1;
        int outOfReach = 0;
        for (int b = 0; b < rows; b++) {
            int best = 0;
            for (int c = 1; c < k; c++) if (out[c][b] > out[best][b]) best = c;
            candidate[b] = best;
            for (int c = 0; c < k; c++) outOfReach += out[c][b] - out[best][b] < reach ? 1 : 0;
        }
        // a pair can be ruled out only where its bound lies out of reach of its row's highest bound (no
        // floor is above that): where few do (overlapping clusters), the candidates' pass and the gathers
        // cost more than they could save
        if (FEW_OUT_OF_REACH * outOfReach < rows * k) {
            logJointOfEvery(xt, rows, means, logWeights, out, scratch);
            return;
        }
        // each row's candidate, whole: a lower bound of the row's best log-joint
        double[] floor = scratch.bestLowerBound;
        int[] picked = scratch.picked;
        for (int c = 0; c < k; c++) {
            int count = 0;
            for (int b = 0; b < rows; b++) if (candidate[b] == c) picked[count++] = b;
            exactOn(c, picked, count, xt, rows, means, logWeights[c], out[c], scratch);
            for (int q = 0; q < count; q++) floor[picked[q]] = out[c][picked[q]];
        }
        for (int c = 0; c < k; c++) {
            double[] o = out[c];
            int count = 0;
            for (int b = 0; b < rows; b++) {
                if (candidate[b] == c) continue;
                if (!(o[b] - floor[b] < reach)) picked[count++] = b;
                else o[b] = Double.NEGATIVE_INFINITY;
            }
            exactOn(c, picked, count, xt, rows, means, logWeights[c], o, scratch);
        }
    }

    /**
     * Component c's whole log-joint on the picked rows of the block, into {@code o} at their
     * positions: the rows gathered first (d copies per row) unless all are picked or so many that the
     * product over the rows left out (d²/2 multiply-adds each, eight per cycle in vectors) costs less
     * than the gather (measured at 100 000×64, K = 8, overlapping: ×0.93 per iteration; a row's
     * distance does not depend on the other rows computed with it, so the bits are the same).
     */
    private void exactOn(int c, int[] picked, int count, double[][] xt, int rows, double[] means, double logWeight,
                         double[] o, BlockScratch scratch) {
        if (count == 0) return;
        // all picked (picked[q] == q), or too many to gather: the whole block
        boolean gathered = 16 * count < (rows - count) * d;
        double[] distance = scratch.distance;
        if (gathered) factors[c].mahalanobisOfListed(xt, picked, count, means, c * d, distance, scratch);
        else factors[c].mahalanobis(xt, rows, means, c * d, distance, scratch);
        double constant = constant(c);
        for (int q = 0; q < count; q++) {
            o[picked[q]] = (constant - 0.5 * distance[gathered ? q : picked[q]]) + logWeight;
        }
    }

    /** log N's constant part for component c: −½ d log 2π − ½ log|Σ_c|. */
    private double constant(int c) {
        return -0.5 * d * LN_2PI + factors[c].halfLogDetPrecision;
    }

    @Override
    public double[] matrix(int c) {
        return factors[c].covariance.clone();
    }

    @Override
    public double[] precisionCholesky(int c) {
        return factors[c].upperPrecisionFactor();
    }
}
