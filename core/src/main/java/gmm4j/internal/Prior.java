// SPDX-License-Identifier: Apache-2.0
package gmm4j.internal;

import gmm4j.ConjugatePrior;

import java.io.Serial;
import java.io.Serializable;

/**
 * A conjugate prior with every value resolved for one fit: the user's {@link ConjugatePrior} with
 * what it leaves out taken from the data (mclust's {@code defaultPrior}), once, at the start. Each
 * covariance model's MAP M-step reads it ({@link CovarianceModel#estimate(Moments, Prior, double, double, RepairLog)}).
 *
 * @param shrinkage   κ_P
 * @param mean        μ_P, d values
 * @param dof         ν_P
 * @param scale       Λ_P, row-major d×d (its diagonal alone when the model's prior scale is one number
 *                    and the user gave none)
 * @param scalarScale ς_P, the prior scale of the axis-aligned models: mclust's (K^(−2/d)·Σ_j var_j)/d,
 *                    or the mean of a given scale's diagonal
 * @param from        the user's prior these values were resolved from
 */
public record Prior(double shrinkage, double[] mean, double dof, double[] scale, double scalarScale, ConjugatePrior from)
        implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    /**
     * The prior of a fit of k components to {@code t}, whose column means {@code scale} holds.
     *
     * @param scalarOnly whether only the scalar scale is needed (the data's variances suffice)
     * @throws IllegalArgumentException when a given mean or scale has another dimension than the data
     */
    static Prior of(ConjugatePrior spec, Table t, int k, boolean scalarOnly, DataScale scale, Parallel parallel) {
        int d = t.d;
        if (spec.mean() != null && spec.mean().length != d || spec.scale() != null && spec.scale().length != d) {
            throw new IllegalArgumentException("The prior's mean and scale must have " + d + " values and be " + d + "×"
                    + d + ", as the data have " + d + " numeric columns.");
        }
        double[] mean = spec.mean() != null ? spec.mean() : scale.columnMeans().clone();
        double dof = Double.isNaN(spec.dof()) ? d + 2 : spec.dof();
        double[] matrix;
        double scalar;
        if (spec.scale() != null) {
            matrix = new double[d * d];
            double[][] given = spec.scale();
            double trace = 0;
            for (int i = 0; i < d; i++) {
                System.arraycopy(given[i], 0, matrix, i * d, d);
                trace += given[i][i];
            }
            scalar = trace / d;
        } else {
            double factor = Math.pow(1.0 / k, 2.0 / d);
            double[] covariance = covariance(t, scale.columnMeans(), scalarOnly || !(t.totalWeight > d), parallel);
            double sum = 0;
            for (int j = 0; j < d; j++) sum += covariance[j * d + j];
            scalar = factor * sum / d;
            matrix = new double[d * d];
            for (int i = 0; i < d * d; i++) matrix[i] = factor * covariance[i];
        }
        return new Prior(spec.shrinkage(), mean, dof, matrix, scalar, spec);
    }

    /** The values as the public record, with what was left out filled in. */
    public ConjugatePrior resolved() {
        int d = mean.length;
        double[][] square = new double[d][];
        for (int i = 0; i < d; i++) square[i] = java.util.Arrays.copyOfRange(scale, i * d, (i + 1) * d);
        return new ConjugatePrior(shrinkage, mean, dof, square);
    }

    /** 1 when the means are shrunk (κ_P > 0), else 0: mclust's denominators count the mean's prior then. */
    int shrinks() {
        return shrinkage > 0 ? 1 : 0;
    }

    /** The posterior mean (n·x̄ + κ_P·μ_P) / (n + κ_P) of a component of mass n and weighted mean x̄. */
    double[] posteriorMean(double[] average, double n) {
        double[] out = new double[average.length];
        for (int j = 0; j < out.length; j++) out[j] = (n * average[j] + shrinkage * mean[j]) / (n + shrinkage);
        return out;
    }

    /**
     * Component c's scatter W_c around its weighted mean plus the prior mean's part,
     * κ·n_c/(n_c + κ)·(x̄_c − μ_P)(x̄_c − μ_P)ᵀ, plus {@code regularization}·n_c on the diagonal: the
     * d×d matrix, or its diagonal when {@code covariance} holds d variances.
     *
     * @param covariance the component's weighted covariance W_c / n_c (d×d or its d variances)
     */
    double[] scatter(Moments moments, int c, double[] covariance, double regularization) {
        int d = moments.d;
        double n = moments.mass(c);
        double[] offset = new double[d];
        for (int j = 0; j < d; j++) offset[j] = moments.shift[c * d + j] + moments.sum[c][j] / n - mean[j];
        double weight = shrinkage * n / (n + shrinkage);
        boolean diagonal = covariance.length == d;
        double[] out = new double[covariance.length];
        for (int a = 0; a < d; a++) {
            if (diagonal) {
                out[a] = n * covariance[a] + weight * offset[a] * offset[a] + regularization * n;
                continue;
            }
            for (int b = 0; b < d; b++) out[a * d + b] = n * covariance[a * d + b] + weight * offset[a] * offset[b];
            out[a * d + a] += regularization * n;
        }
        return out;
    }

    /** The scatters of every component (each with {@link #scatter}), from their weighted covariances. */
    double[][] scatters(Moments moments, double[][] covariances, double regularization) {
        double[][] out = new double[covariances.length][];
        for (int c = 0; c < out.length; c++) out[c] = scatter(moments, c, covariances[c], regularization);
        return out;
    }

    /** Λ_P + b, for a d×d matrix b (a new array). */
    double[] plusScale(double[] b) {
        double[] out = b.clone();
        for (int i = 0; i < out.length; i++) out[i] += scale[i];
        return out;
    }

    /**
     * The data's covariance as mclust's {@code var(data)} (denominator n − 1), or only its diagonal:
     * with missing values each entry is Σ w·(x_a − m_a)(x_b − m_b) over the rows where both are
     * observed divided by √((W_a − 1)(W_b − 1)), W_a the weight of column a's observed values — the
     * covariance of the mean-imputed rows rescaled to each column's own variance, so positive
     * semi-definite. A column with weight 1 or less has variance 0.
     */
    private static double[] covariance(Table t, double[] means, boolean diagonalOnly, Parallel parallel) {
        int d = t.d;
        double[][] sums = parallel.reduce(t.n, (from, to) -> {
            double[] cross = new double[d * d + d];
            double[] diff = new double[d];
            for (int i = from; i < to; i++) {
                double w = t.weight(i);
                for (int j = 0; j < d; j++) {
                    double v = t.x[i * d + j];
                    boolean seen = !Double.isNaN(v);
                    diff[j] = seen ? v - means[j] : 0;
                    if (seen) cross[d * d + j] += w;
                }
                for (int a = 0; a < d; a++) {
                    double wa = w * diff[a];
                    if (wa == 0) continue;
                    if (diagonalOnly) {
                        cross[a * d + a] += wa * diff[a];
                        continue;
                    }
                    for (int b = 0; b <= a; b++) cross[a * d + b] += wa * diff[b];
                }
            }
            return new double[][]{cross};
        }, (x, y) -> {
            for (int i = 0; i < x[0].length; i++) x[0][i] += y[0][i];
            return x;
        });
        double[] cross = sums[0];
        double[] denominator = new double[d];
        for (int j = 0; j < d; j++) {
            double weight = cross[d * d + j];
            denominator[j] = weight > 1 ? weight - 1 : Double.POSITIVE_INFINITY;
        }
        double[] covariance = new double[d * d];
        for (int a = 0; a < d; a++) {
            for (int b = 0; b <= a; b++) {
                if (diagonalOnly && a != b) continue;
                double v = denominator[a] == denominator[b] ? cross[a * d + b] / denominator[a]
                        : cross[a * d + b] / Math.sqrt(denominator[a] * denominator[b]);
                covariance[a * d + b] = v;
                covariance[b * d + a] = v;
            }
        }
        return covariance;
    }
}
