// SPDX-License-Identifier: Apache-2.0
package gmm4j.internal;

/**
 * The M-steps of mclust's axis-aligned constrained models, from each component's scatter diagonal
 * w_c (Σ_i r_ic·(x_ij − μ_cj)², j = 1..d) and mass n_c, n = Σ n_c, as mclust's Fortran
 * ({@code mseii}, {@code mseei}, {@code msvei}, {@code msevi}): covariance c is λ_c·A_c with the
 * shape A_c diagonal of determinant 1. Also the inner iteration that mclust's iterative M-steps
 * share, and its settings.
 */
final class AxisConstraints {
    private AxisConstraints() {
    }

    /**
     * An iterative M-step stops when no parameter changed by more than this, relatively (mclust's
     * measure |old − new| / (1 + |new|)). mclust's default is √ε with each EM iteration continuing
     * from the last one's parameters; gmm4j's M-step is a function of the statistics alone (so that
     * statistics merged from parts give the same fit), starts afresh each time and so goes to the
     * fixed point: the estimate then does not depend on where the iteration started.
     */
    static final double INNER_TOLERANCE = 1e-13;
    /** ... or after this many iterations. */
    static final int INNER_ITERATIONS = 1000;

    /** EII: λ·I with λ = Σ_c tr(W_c) / (n·d). */
    static double[][] eii(double[][] w, double[] mass, int d) {
        return eii(w, total(mass) * d, d);
    }

    /** λ·I with λ = Σ_c tr(W_c) / {@code denominator}. */
    static double[][] eii(double[][] w, double denominator, int d) {
        double sum = 0;
        for (double[] wc : w) for (double v : wc) sum += v;
        double lambda = sum / denominator;
        double[][] variances = new double[w.length][d];
        for (double[] v : variances) java.util.Arrays.fill(v, lambda);
        return variances;
    }

    /** EEI: one diagonal Σ_c diag(W_c) / n for every component. */
    static double[][] eei(double[][] w, double[] mass, int d) {
        double n = total(mass);
        double[] pooled = new double[d];
        for (double[] wc : w) for (int j = 0; j < d; j++) pooled[j] += wc[j];
        double[][] variances = new double[w.length][];
        for (int c = 0; c < w.length; c++) {
            variances[c] = new double[d];
            for (int j = 0; j < d; j++) variances[c][j] = pooled[j] / n;
        }
        return variances;
    }

    /** EVI: λ·A_c with A_c = diag(W_c)/|diag(W_c)|^{1/d} and λ = Σ_c |diag(W_c)|^{1/d} / n. */
    static double[][] evi(double[][] w, double[] mass, int d) {
        return evi(w, total(mass), d);
    }

    /** λ·A_c with A_c = diag(W_c)/|diag(W_c)|^{1/d} and λ = Σ_c |diag(W_c)|^{1/d} / {@code denominator}. */
    static double[][] evi(double[][] w, double denominator, int d) {
        double[] root = new double[w.length];
        double lambda = 0;
        for (int c = 0; c < w.length; c++) {
            root[c] = geometricMean(w[c]);
            lambda += root[c];
        }
        lambda /= denominator;
        double[][] variances = new double[w.length][d];
        for (int c = 0; c < w.length; c++) for (int j = 0; j < d; j++) variances[c][j] = lambda * (w[c][j] / root[c]);
        return variances;
    }

    /**
     * VEI: λ_c·A, by mclust's alternation from A = I: λ_c = Σ_j w_cj/A_j / (d·n_c), then
     * A_j ∝ Σ_c w_cj/λ_c scaled to determinant 1, until neither changes.
     */
    static double[][] vei(double[][] w, double[] mass, int d) {
        return veiOver(w, times(mass, d), d);
    }

    /** VEI with λ_c = Σ_j w_cj/A_j / {@code denominator[c]} (d·n_c without a prior). */
    static double[][] veiOver(double[][] w, double[] denominator, int d) {
        int k = w.length;
        double[] scale = new double[k], shape = new double[d];
        java.util.Arrays.fill(scale, 1);
        java.util.Arrays.fill(shape, 1);
        alternateScaleAndShape(w, denominator, scale, shape);
        double[][] variances = new double[k][d];
        for (int c = 0; c < k; c++) for (int j = 0; j < d; j++) variances[c][j] = scale[c] * shape[j];
        return variances;
    }

    /**
     * mclust's alternation for a volume per component and one shape shared by all, on values
     * {@code w[c][j]} (the scatter diagonals for VEI, the scatters' eigenvalues for VEV): λ_c from
     * the shape (λ_c = Σ_j w_cj/A_j / {@code denominator[c]}, d·n_c without a prior), then the shape
     * from the λ_c, in place, until neither changes.
     */
    static void alternateScaleAndShape(double[][] w, double[] denominator, double[] scale, double[] shape) {
        int k = w.length, d = shape.length;
        for (int inner = 0; inner < INNER_ITERATIONS; inner++) {
            double[] oldScale = scale.clone(), oldShape = shape.clone();
            for (int c = 0; c < k; c++) {
                double sum = 0;
                for (int j = 0; j < d; j++) sum += w[c][j] / shape[j];
                scale[c] = sum / denominator[c];
            }
            for (int j = 0; j < d; j++) {
                double sum = 0;
                for (int c = 0; c < k; c++) sum += w[c][j] / scale[c];
                shape[j] = sum;
            }
            double root = geometricMean(shape);
            for (int j = 0; j < d; j++) shape[j] /= root;
            if (!(root > 0 && root < Double.POSITIVE_INFINITY)) return;
            if (Math.max(relativeChange(oldScale, scale), relativeChange(oldShape, shape)) <= INNER_TOLERANCE) return;
        }
    }

    /** |v|^{1/d}: the geometric mean of the values, through their logarithms. */
    static double geometricMean(double[] v) {
        double sum = 0;
        for (double x : v) sum += Math.log(x);
        return Math.exp(sum / v.length);
    }

    /** mclust's measure of an inner iteration's change: max |old − new| / (1 + |new|). */
    static double relativeChange(double[] old, double[] now) {
        double change = 0;
        for (int i = 0; i < old.length; i++) change = Math.max(change, Math.abs(old[i] - now[i]) / (1 + Math.abs(now[i])));
        return change;
    }

    /** Each mass times d: the denominators of the volumes λ_c without a prior. */
    static double[] times(double[] mass, int d) {
        double[] out = new double[mass.length];
        for (int c = 0; c < out.length; c++) out[c] = d * mass[c];
        return out;
    }

    static double total(double[] mass) {
        double n = 0;
        for (double m : mass) n += m;
        return n;
    }
}
