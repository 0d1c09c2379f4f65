// SPDX-License-Identifier: Apache-2.0
package gmm4j.internal;

import static gmm4j.internal.AxisConstraints.total;

/**
 * The covariance M-steps under a conjugate prior (MAP EM), as R mclust's EM routines compute them
 * ({@code meeiip}, {@code meviip}, {@code meeeip}, {@code meveip}, {@code meevip}, {@code mevvip},
 * {@code meeeep}, {@code meeevp}, {@code mevevp}, {@code mevvvp} in mclust.f; Fraley &amp; Raftery
 * 2007, table 2), for the ten models mclust has a prior for. Each takes the components' prior
 * scatters T_c = W_c + κ·n_c/(n_c + κ)·(x̄_c − μ_P)(x̄_c − μ_P)ᵀ ({@link Prior#scatter}: their
 * diagonals for the axis-aligned models, else row-major d×d matrices) and masses n_c, n = Σ n_c,
 * and returns the covariances in the same form. With s = 1 when κ > 0 (else 0), ν = ν_P, Λ = Λ_P
 * and ς = ς_P, the denominators are mclust's, including where they differ between models (and
 * where mclust leaves ς out: EII).
 */
final class PosteriorModes {
    private PosteriorModes() {
    }

    /** The MAP covariances of one model. */
    @FunctionalInterface
    interface Mode {
        double[][] of(double[][] scatter, double[] mass, Prior prior, int d);
    }

    /** VVV: Σ_c = (Λ + T_c) / (ν + n_c + d + 2). */
    static double[][] vvv(double[][] t, double[] mass, Prior prior, int d) {
        double[][] out = new double[t.length][];
        for (int c = 0; c < t.length; c++) out[c] = divided(prior.plusScale(t[c]), prior.dof() + mass[c] + d + 2);
        return out;
    }

    /** EEE: Σ = (Λ + Σ_c T_c) / (ν + n + d + 1 + K·s), given Σ_c T_c. */
    static double[] eee(double[] pooled, double n, int k, Prior prior, int d) {
        return divided(prior.plusScale(pooled), prior.dof() + n + d + 1 + k * prior.shrinks());
    }

    /** VVI: σ²_cj = (ς + T_cj) / (ν + n_c + 2 + s). */
    static double[][] vvi(double[][] t, double[] mass, Prior prior, int d) {
        double[][] out = new double[t.length][d];
        for (int c = 0; c < t.length; c++) {
            double denominator = prior.dof() + mass[c] + 2 + prior.shrinks();
            for (int j = 0; j < d; j++) out[c][j] = (prior.scalarScale() + t[c][j]) / denominator;
        }
        return out;
    }

    /** VII: σ²_c = (ς + tr T_c) / (ν + n_c·d + 2 + d·s), on every axis. */
    static double[][] vii(double[][] t, double[] mass, Prior prior, int d) {
        double[][] out = new double[t.length][d];
        for (int c = 0; c < t.length; c++) {
            double sum = prior.scalarScale();
            for (int j = 0; j < d; j++) sum += t[c][j];
            java.util.Arrays.fill(out[c], sum / (prior.dof() + mass[c] * d + 2 + d * prior.shrinks()));
        }
        return out;
    }

    /** EII: σ² = Σ_c tr T_c / (ν + (n + K)·d + 2) — mclust adds no ς. */
    static double[][] eii(double[][] t, double[] mass, Prior prior, int d) {
        return AxisConstraints.eii(t, prior.dof() + (total(mass) + t.length) * d + 2, d);
    }

    /** EEI: σ²_j = (ς + Σ_c T_cj) / (ν + n + 1 + s); mclust does not shrink this model's means. */
    static double[][] eei(double[][] t, double[] mass, Prior prior, int d) {
        double denominator = prior.dof() + total(mass) + 1 + prior.shrinks();
        double[] shared = new double[d];
        for (int j = 0; j < d; j++) {
            double sum = prior.scalarScale();
            for (double[] tc : t) sum += tc[j];
            shared[j] = sum / denominator;
        }
        double[][] out = new double[t.length][];
        for (int c = 0; c < t.length; c++) out[c] = shared.clone();
        return out;
    }

    /** VEI: λ_c·A by mclust's alternation on w_c = ς + T_c, with λ_c = Σ_j w_cj/A_j / (d·n_c + ν + 2 + s). */
    static double[][] vei(double[][] t, double[] mass, Prior prior, int d) {
        double[] denominator = new double[t.length];
        for (int c = 0; c < t.length; c++) denominator[c] = d * mass[c] + prior.dof() + 2 + prior.shrinks();
        return AxisConstraints.veiOver(plusScalar(t, prior), denominator, d);
    }

    /** EVI: λ·A_c on B_c = ς + T_c, with λ = Σ_c |B_c|^{1/d} / (ν + n + 1 + s). */
    static double[][] evi(double[][] t, double[] mass, Prior prior, int d) {
        return AxisConstraints.evi(plusScalar(t, prior), prior.dof() + total(mass) + 1 + prior.shrinks(), d);
    }

    /** EEV: λ·D_c·A·D_cᵀ on B_c = Λ + T_c, with λ·A = Σ_c Ω_c / (ν + n + d + 1 + s). */
    static double[][] eev(double[][] t, double[] mass, Prior prior, int d) {
        return OrientationConstraints.eev(plusScale(t, prior), prior.dof() + total(mass) + d + 1 + prior.shrinks(), d);
    }

    /** VEV: mclust's VEV on B_c = Λ + T_c with the masses n_c (its prior changes only the scatters). */
    static double[][] vev(double[][] t, double[] mass, Prior prior, int d) {
        return OrientationConstraints.vev(plusScale(t, prior), mass, d);
    }

    private static double[][] plusScalar(double[][] t, Prior prior) {
        double[][] out = new double[t.length][];
        for (int c = 0; c < t.length; c++) {
            out[c] = t[c].clone();
            for (int j = 0; j < out[c].length; j++) out[c][j] += prior.scalarScale();
        }
        return out;
    }

    private static double[][] plusScale(double[][] t, Prior prior) {
        double[][] out = new double[t.length][];
        for (int c = 0; c < t.length; c++) out[c] = prior.plusScale(t[c]);
        return out;
    }

    private static double[] divided(double[] m, double by) {
        for (int i = 0; i < m.length; i++) m[i] /= by;
        return m;
    }
}
