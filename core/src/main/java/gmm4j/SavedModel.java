// SPDX-License-Identifier: Apache-2.0
package gmm4j;

import gmm4j.internal.DataScale;
import gmm4j.internal.Cholesky;
import gmm4j.internal.Mixture;
import gmm4j.internal.NoiseBox;
import gmm4j.internal.RepairLog;

import java.io.InvalidObjectException;
import java.io.Serial;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The saved form of a {@link GaussianMixtureModel} (its serialization proxy): the parameters and
 * diagnostics as plain values — numbers, arrays, the public enums and records — so that the engine's
 * classes never appear in a stream and can change without breaking saved models. Reading checks
 * every value and rebuilds the engine's parameters from them; what fails a check is an
 * {@link InvalidObjectException} naming the field.
 *
 * <p>The restarts and repairs are stored as arrays, not lists: the stream then holds no collection
 * class at all, the filter admits none, and the model's lists are made with {@link List#of} on
 * reading (the JDK's immutable lists, whatever the stream held).
 *
 * <p>The level probabilities are stored as their logarithms, the engine's own numbers: exp and log
 * do not undo each other to the bit, and a model read back scores exactly as the one saved.
 */
final class SavedModel implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    /**
     * The format this class writes; a change of the fields is a new format. Format 2 added the noise
     * component and keeps the MAP log-loss ICL needs where format 1 kept the posteriors' entropy. A
     * format 1 stream reads as a model without noise (its noise fields are absent, and Java's
     * serialization leaves them at null and 0) whose ICL is unknown (NaN).
     */
    static final int FORMAT = 2;
    /** The oldest format this class reads: before the noise component and the MAP log-loss. */
    static final int OLDEST_FORMAT = 1;

    /**
     * The limits and the classes of a saved model's stream: this class, the enums and records it
     * holds (and arrays of them; arrays of primitives the JDK's filters leave to the limits) and the
     * model its {@link #readResolve} returns, which the stream's filter is asked about too.
     */
    static final String FILTER_PATTERN = "maxdepth=" + SavedModel.MAX_DEPTH + ";maxarray=" + SavedModel.MAX_ARRAY
            + ";maxrefs=" + SavedModel.MAX_REFERENCES + ";" + SavedModel.class.getName() + ";"
            + GaussianMixtureModel.class.getName() + ";" + CovarianceType.class.getName() + ";"
            + RestartSummary.class.getName() + ";" + Repair.class.getName() + ";" + Repair.Kind.class.getName()
            + ";" + StopReason.class.getName() + ";java.lang.Enum";
    /** Object graph depth a filter admits: a model needs 5 (a repair's kind), more when held by another object. */
    static final int MAX_DEPTH = 10;
    /** Array length a filter admits: the dimension, the components, a trace, the repairs. */
    static final int MAX_ARRAY = 1_000_000;
    /** Objects a filter admits: a full model of 1 000 components in 10 000 dimensions has 10 million covariance rows. */
    static final int MAX_REFERENCES = 20_000_000;

    /** How far weights and each column's level probabilities may sum from 1, per term (rounding). */
    private static final double SUM_TOLERANCE = 1e-9;
    /**
     * How far a covariance may be from symmetric, relative to √(Σ_ii·Σ_jj) (the bound of |Σ_ij|): a
     * tied covariance, pooled from products in either order, is symmetric only to rounding.
     */
    private static final double SYMMETRY_TOLERANCE = 1e-8;
    /** How far the noise box's axes may be from orthonormal (an eigendecomposition's rounding). */
    private static final double ORTHONORMAL_TOLERANCE = 1e-9;

    private final int format;
    private final CovarianceType covarianceType;
    private final double[] weights;
    private final double[][] means;
    /** Full d×d matrices, as {@link GaussianMixtureModel#covariances()} gives them. */
    private final double[][][] covariances;
    private final int[] levels;
    /** log P(level | component): [component][categorical column][level]. */
    private final double[][][] logLevelProbabilities;
    private final double[] columnMeans;
    private final double covarianceFloor;
    /** The training columns' average variance (the scale of k-means' categorical term). */
    private final double meanVariance;
    private final double logLikelihood;
    /** Σ w_i·(−log max_c r_ic) over the training rows (absent, so 0, in a format-1 stream). */
    private final double mapLogLoss;
    private final double totalWeight;
    private final int iterations;
    private final StopReason stopReason;
    private final boolean cancelled;
    private final int ignoredRows;
    private final RestartSummary[] restarts;
    private final Repair[] repairs;
    /** The noise component's weight; 0 without one. */
    private final double noiseWeight;
    /** The corner of the noise component's box (its {@code hypvol}); null without a noise component. */
    private final double[] noiseCorner;
    /** The box's axes, unit vectors, one per row; null without a noise component. */
    private final double[][] noiseAxes;
    /** The box's length along each axis; null without a noise component. */
    private final double[] noiseExtents;
    /** log V, the box's volume: the product of its extents (V overflows a double in a few hundred dimensions). */
    private final double noiseLogVolume;

    SavedModel(GaussianMixtureModel model) {
        Mixture mixture = model.mixture();
        this.format = FORMAT;
        this.covarianceType = model.covarianceType();
        this.weights = model.weights();
        this.means = model.means();
        this.covariances = model.covariances();
        this.levels = mixture.levels();
        this.logLevelProbabilities = unflatten(mixture.logLevelProbabilities(), mixture.k, levels);
        DataScale scale = model.scale();
        this.columnMeans = scale.columnMeans().clone();
        this.covarianceFloor = scale.floor();
        this.meanVariance = scale.meanVariance();
        this.logLikelihood = model.logLikelihood();
        this.mapLogLoss = model.mapLogLoss();
        this.totalWeight = model.totalWeight();
        this.iterations = model.iterations();
        this.stopReason = model.stopReason();
        this.cancelled = model.cancelled();
        this.ignoredRows = model.ignoredRows();
        this.restarts = model.restarts().toArray(RestartSummary[]::new);
        this.repairs = model.repairs().toArray(Repair[]::new);
        NoiseBox box = mixture.noise();
        this.noiseWeight = mixture.noiseWeight();
        this.noiseCorner = box == null ? null : box.corner();
        this.noiseAxes = box == null ? null : box.axes();
        this.noiseExtents = box == null ? null : box.extents();
        this.noiseLogVolume = box == null ? 0 : box.logVolume();
    }

    /** Checks every value and rebuilds the model. */
    @Serial
    private Object readResolve() throws InvalidObjectException {
        if (format < OLDEST_FORMAT || format > FORMAT) {
            throw invalid("format is " + format + ", this gmm4j reads formats " + OLDEST_FORMAT + " to " + FORMAT
                    + " (saved by another version?)");
        }
        present(covarianceType, "covarianceType");
        int k = present(weights, "weights").length;
        if (k == 0) throw invalid("weights is empty: a model has at least one component");
        int d = checkedMeans(k);
        checkNoise(d);
        checkWeights();
        checkCovariances(k, d);
        double[] flatLogLevels = checkedLevels(k);
        checkFinite(present(columnMeans, "columnMeans"), "columnMeans");
        checkLength(columnMeans.length, d, "columnMeans");
        if (!(covarianceFloor > 0) || Double.isInfinite(covarianceFloor)) {
            throw invalid("covarianceFloor is " + covarianceFloor + ": it must be positive and finite");
        }
        if (!(meanVariance > 0) || Double.isInfinite(meanVariance)) {
            throw invalid("meanVariance is " + meanVariance + ": it must be positive and finite");
        }
        checkFinite(logLikelihood, "logLikelihood");
        checkFinite(mapLogLoss, "mapLogLoss");
        if (mapLogLoss < 0) throw invalid("mapLogLoss is " + mapLogLoss + ": a log-loss is not negative");
        if (!(totalWeight > 0) || Double.isInfinite(totalWeight)) {
            throw invalid("totalWeight is " + totalWeight + ": it must be positive and finite");
        }
        checkNotNegative(iterations, "iterations");
        checkNotNegative(ignoredRows, "ignoredRows");
        checkRestarts();
        checkRepairs(k);
        Mixture mixture = restored(flatLogLevels);
        present(stopReason, "stopReason");
        return new GaussianMixtureModel(mixture, logLikelihood,
                format == OLDEST_FORMAT ? Double.NaN : mapLogLoss, totalWeight, iterations, stopReason, cancelled,
                ignoredRows, List.of(restarts), List.of(repairs), new DataScale(columnMeans.clone(), covarianceFloor, meanVariance));
    }

    /** The means are k rows of one length d, finite; returns d. */
    private int checkedMeans(int k) throws InvalidObjectException {
        checkLength(present(means, "means").length, k, "means");
        int d = present(means[0], "means[0]").length;
        for (int c = 0; c < k; c++) {
            checkLength(present(means[c], "means[" + c + "]").length, d, "means[" + c + "]");
            checkFinite(means[c], "means[" + c + "]");
        }
        return d;
    }

    /**
     * The noise component, if there is one: a weight in [0, 1), a box of a corner of d finite values,
     * d orthonormal axes and d positive extents, log V their logarithms' sum. Without one, no part of
     * it and a weight of 0.
     */
    private void checkNoise(int d) throws InvalidObjectException {
        checkFinite(noiseWeight, "noiseWeight");
        if (noiseExtents == null) {
            if (noiseWeight != 0 || noiseCorner != null || noiseAxes != null) {
                throw invalid("noiseExtents is missing (null) but noiseWeight is " + noiseWeight + " and noiseCorner and "
                        + "noiseAxes are " + (noiseCorner == null ? "" : "not ") + "null and " + (noiseAxes == null ? "" : "not ")
                        + "null: a model without a noise component has none of them");
            }
            return;
        }
        if (!(noiseWeight >= 0 && noiseWeight < 1)) throw invalid("noiseWeight is " + noiseWeight + ": it must be in [0, 1)");
        checkLength(present(noiseCorner, "noiseCorner").length, d, "noiseCorner");
        checkFinite(noiseCorner, "noiseCorner");
        checkLength(noiseExtents.length, d, "noiseExtents");
        double logVolume = 0;
        for (int a = 0; a < d; a++) {
            if (!(noiseExtents[a] > 0) || Double.isInfinite(noiseExtents[a])) {
                throw invalid("noiseExtents[" + a + "] is " + noiseExtents[a] + ": it must be positive and finite");
            }
            logVolume += Math.log(noiseExtents[a]);
        }
        checkLength(present(noiseAxes, "noiseAxes").length, d, "noiseAxes");
        for (int a = 0; a < d; a++) {
            checkLength(present(noiseAxes[a], "noiseAxes[" + a + "]").length, d, "noiseAxes[" + a + "]");
            checkFinite(noiseAxes[a], "noiseAxes[" + a + "]");
        }
        for (int a = 0; a < d; a++) {
            for (int b = 0; b <= a; b++) {
                double dot = 0;
                for (int j = 0; j < d; j++) dot += noiseAxes[a][j] * noiseAxes[b][j];
                if (!(Math.abs(dot - (a == b ? 1 : 0)) <= ORTHONORMAL_TOLERANCE)) {
                    throw invalid("noiseAxes[" + a + "] · noiseAxes[" + b + "] is " + dot + ": the axes must be orthonormal");
                }
            }
        }
        if (!(Math.abs(noiseLogVolume - logVolume) <= SUM_TOLERANCE * (d + Math.abs(logVolume)))) {
            throw invalid("noiseLogVolume is " + noiseLogVolume + " but the extents' logarithms sum to " + logVolume);
        }
    }

    private void checkWeights() throws InvalidObjectException {
        double sum = noiseWeight;
        for (int c = 0; c < weights.length; c++) {
            checkFinite(weights[c], "weights[" + c + "]");
            if (weights[c] < 0) throw invalid("weights[" + c + "] is " + weights[c] + ": weights must not be negative");
            sum += weights[c];
        }
        checkSumsToOne(sum, weights.length + 1, "weights");
    }

    /** k symmetric positive-definite d×d matrices of the structure the covariance type has. */
    private void checkCovariances(int k, int d) throws InvalidObjectException {
        checkLength(present(covariances, "covariances").length, k, "covariances");
        for (int c = 0; c < k; c++) {
            String name = "covariances[" + c + "]";
            double[][] m = present(covariances[c], name);
            checkLength(m.length, d, name);
            for (int i = 0; i < d; i++) {
                checkLength(present(m[i], name + "[" + i + "]").length, d, name + "[" + i + "]");
                checkFinite(m[i], name + "[" + i + "]");
            }
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < i; j++) {
                    double scale = Math.sqrt(Math.abs(m[i][i] * m[j][j]));
                    if (Math.abs(m[i][j] - m[j][i]) > SYMMETRY_TOLERANCE * scale) {
                        throw invalid(name + " is not symmetric at (" + i + ", " + j + "): " + m[i][j] + " vs " + m[j][i]);
                    }
                }
            }
            if (!Cholesky.factor(Matrices.flat(m), d, new double[d * d])) {
                throw invalid(name + " is not positive definite");
            }
            checkStructure(m, c, d, name);
        }
    }

    /**
     * What can be checked exactly: tied and EEI all equal; diagonal (and VEI, EVI) nothing off the
     * diagonal; spherical also one value on it, EII the same value in every component. The volume,
     * shape and orientation constraints of the other mclust models hold only to rounding, so their
     * matrices are taken as they are.
     */
    private void checkStructure(double[][] m, int c, int d, String name) throws InvalidObjectException {
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                boolean fits = switch (covarianceType) {
                    case FULL, VEE, EVE, VVE, EEV, VEV, EVV -> true;
                    case TIED -> m[i][j] == covariances[0][i][j];
                    case EEI -> i == j ? m[i][i] == covariances[0][i][i] : m[i][j] == 0;
                    case DIAGONAL, VEI, EVI -> i == j || m[i][j] == 0;
                    case SPHERICAL -> i == j ? m[i][i] == m[0][0] : m[i][j] == 0;
                    case EII -> i == j ? m[i][i] == covariances[0][0][0] : m[i][j] == 0;
                };
                if (!fits) {
                    throw invalid(name + " has " + m[i][j] + " at (" + i + ", " + j + "), which a " + covarianceType
                            + " covariance cannot have");
                }
            }
        }
    }

    /** The levels and each component's log level probabilities; returns those flat, as the engine holds them. */
    private double[] checkedLevels(int k) throws InvalidObjectException {
        int slots = 0;
        for (int j = 0; j < present(levels, "levels").length; j++) {
            if (levels[j] < 1) throw invalid("levels[" + j + "] is " + levels[j] + ": a categorical column has at least one level");
            slots += levels[j];
        }
        checkLength(present(logLevelProbabilities, "logLevelProbabilities").length, k, "logLevelProbabilities");
        double[] flat = new double[k * slots];
        for (int c = 0, at = 0; c < k; c++) {
            String name = "logLevelProbabilities[" + c + "]";
            checkLength(present(logLevelProbabilities[c], name).length, levels.length, name);
            for (int j = 0; j < levels.length; j++) {
                String column = name + "[" + j + "]";
                double[] logs = present(logLevelProbabilities[c][j], column);
                checkLength(logs.length, levels[j], column);
                checkFinite(logs, column);
                double sum = 0;
                for (int l = 0; l < logs.length; l++) {
                    if (logs[l] > 0) throw invalid(column + "[" + l + "] is " + logs[l] + ": a log probability is not positive");
                    sum += Math.exp(logs[l]);
                    flat[at++] = logs[l];
                }
                checkSumsToOne(sum, logs.length, "the probabilities of " + column);
            }
        }
        return flat;
    }

    private void checkRestarts() throws InvalidObjectException {
        for (int r = 0; r < present(restarts, "restarts").length; r++) {
            String name = "restarts[" + r + "]";
            RestartSummary s = present(restarts[r], name);
            checkNotNegative(s.restart(), name + ".restart");
            checkNotNegative(s.iterations(), name + ".iterations");
            checkFinite(s.meanLogLikelihood(), name + ".meanLogLikelihood");
            checkFinite(s.trace(), name + ".trace");
            present(s.stopReason(), name + ".stopReason");
        }
    }

    private void checkRepairs(int k) throws InvalidObjectException {
        for (int r = 0; r < present(repairs, "repairs").length; r++) {
            String name = "repairs[" + r + "]";
            Repair repair = present(repairs[r], name);
            present(repair.kind(), name + ".kind");
            checkNotNegative(repair.restart(), name + ".restart");
            checkNotNegative(repair.iteration(), name + ".iteration");
            if (repair.component() < -1 || repair.component() >= k) {
                throw invalid(name + ".component is " + repair.component() + ": it must be in [-1, " + k + ")");
            }
            checkFinite(repair.value(), name + ".value");
            if (repair.row() < -1) throw invalid(name + ".row is " + repair.row() + ": it must be at least -1");
        }
    }

    /** The engine's parameters, refusing any repair. */
    private Mixture restored(double[] flatLogLevels) throws InvalidObjectException {
        NoiseBox noise = noiseExtents == null ? null : NoiseBox.restore(noiseCorner, noiseAxes, noiseExtents, levels);
        try {
            return Mixture.restore(covarianceType, weights, means, flatten(covariances), levels, flatLogLevels, noise,
                    noiseWeight, REFUSE_REPAIRS);
        } catch (UncheckedIOException refused) {
            throw (InvalidObjectException) refused.getCause();
        }
    }

    // ---- shapes -------------------------------------------------------------------------------

    /** The engine's flat log level probabilities as [component][column][level]. */
    private static double[][][] unflatten(double[] flat, int k, int[] levels) {
        double[][][] out = new double[k][levels.length][];
        for (int c = 0, at = 0; c < k; c++) {
            for (int j = 0; j < levels.length; at += levels[j], j++) {
                out[c][j] = java.util.Arrays.copyOfRange(flat, at, at + levels[j]);
            }
        }
        return out;
    }

    /** Each component's d×d matrix as one row-major array. */
    private static double[][] flatten(double[][][] matrices) {
        double[][] out = new double[matrices.length][];
        for (int c = 0; c < out.length; c++) out[c] = Matrices.flat(matrices[c]);
        return out;
    }

    // ---- checks -------------------------------------------------------------------------------

    private static InvalidObjectException invalid(String problem) {
        return new InvalidObjectException("Saved GaussianMixtureModel: " + problem + ".");
    }

    private static <T> T present(T value, String field) throws InvalidObjectException {
        if (value == null) throw invalid(field + " is missing (null)");
        return value;
    }

    private static void checkLength(int length, int expected, String field) throws InvalidObjectException {
        if (length != expected) throw invalid(field + " has length " + length + " where " + expected + " is expected");
    }

    private static void checkFinite(double value, String field) throws InvalidObjectException {
        if (!Double.isFinite(value)) throw invalid(field + " is " + value + ": it must be finite");
    }

    private static void checkFinite(double[] values, String field) throws InvalidObjectException {
        for (int i = 0; i < values.length; i++) checkFinite(values[i], field + "[" + i + "]");
    }

    private static void checkNotNegative(int value, String field) throws InvalidObjectException {
        if (value < 0) throw invalid(field + " is " + value + ": it must not be negative");
    }

    private static void checkSumsToOne(double sum, int terms, String what) throws InvalidObjectException {
        if (!(Math.abs(sum - 1) <= SUM_TOLERANCE * terms)) throw invalid(what + " sum to " + sum + ", not 1");
    }

    /**
     * Refuses any repair: a saved model's covariances were factored when it was fitted, so one
     * that would need jitter now was altered. {@link #restored} turns the refusal into the exception.
     */
    private static final RepairLog REFUSE_REPAIRS = new RepairLog() {
        @Override
        public void jitter(int component, double amount) {
            String matrix = component < 0 ? "the tied covariance" : "covariances[" + component + "]";
            throw new UncheckedIOException(invalid(matrix + " is not positive definite (it would need jitter " + amount + ")"));
        }

        @Override
        public void reseeded(int component, int row, double mass) {
            throw new UncheckedIOException(invalid("component " + component + " would be re-seeded"));
        }

        @Override
        public void notReseeded(int component, int row, double mass) {
            throw new UncheckedIOException(invalid("component " + component + " would be re-seeded"));
        }
    };
}
