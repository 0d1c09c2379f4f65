// SPDX-License-Identifier: Apache-2.0
package gmm4j.internal;

import static gmm4j.internal.AxisConstraints.INNER_ITERATIONS;
import static gmm4j.internal.AxisConstraints.INNER_TOLERANCE;
import static gmm4j.internal.AxisConstraints.geometricMean;
import static gmm4j.internal.AxisConstraints.relativeChange;
import static gmm4j.internal.AxisConstraints.total;

/**
 * The M-steps of mclust's constrained models with an orientation, Σ_c = λ_c·D_c·A_c·D_cᵀ, from each
 * component's scatter W_c (row-major d×d) and mass n_c, n = Σ n_c, as mclust computes them
 * ({@code mseev}, {@code msvev}, {@code msevv} in mclust.f and mclust2.f, {@code msvee},
 * {@code mseve}, {@code msvve}): closed forms for EEV and EVV, mclust's alternations for VEE and
 * VEV, and for EVE and VVE the majorisation–minimisation of the common orientation of Browne &amp;
 * McNicholas (2014) that mclust implements. Eigenvalues are taken largest first, as mclust's SVDs
 * give them, so a shape shared across orientations pairs the components' largest eigenvalues, and
 * so on.
 */
final class OrientationConstraints {
    private OrientationConstraints() {
    }

    /** EEV: λ·D_c·A·D_cᵀ, D_c the eigenvectors of W_c, λ·A = Σ_c Ω_c / n with Ω_c its eigenvalues. */
    static double[][] eev(double[][] w, double[] mass, int d) {
        return eev(w, total(mass), d);
    }

    /** EEV with λ·A = Σ_c Ω_c / {@code denominator}. */
    static double[][] eev(double[][] w, double denominator, int d) {
        SymmetricEigen[] eigen = eigen(w, d);
        double[] shape = new double[d];
        for (SymmetricEigen e : eigen) for (int j = 0; j < d; j++) shape[j] += e.values[j];
        for (int j = 0; j < d; j++) shape[j] /= denominator;
        double[][] covariances = new double[w.length][];
        for (int c = 0; c < w.length; c++) covariances[c] = eigen[c].compose(shape);
        return covariances;
    }

    /**
     * VEV: λ_c·D_c·A·D_cᵀ, D_c the eigenvectors of W_c; λ_c and A by mclust's alternation on the
     * eigenvalues, from mclust's start A ∝ Σ_c Ω_c, λ_c = |Σ_c Ω_c|^{1/d} / n.
     */
    static double[][] vev(double[][] w, double[] mass, int d) {
        int k = w.length;
        SymmetricEigen[] eigen = eigen(w, d);
        double[][] omega = new double[k][];
        double[] shape = new double[d];
        for (int c = 0; c < k; c++) {
            omega[c] = eigen[c].values;
            for (int j = 0; j < d; j++) shape[j] += omega[c][j];
        }
        double root = geometricMean(shape);
        for (int j = 0; j < d; j++) shape[j] /= root;
        double[] scale = new double[k];
        java.util.Arrays.fill(scale, root / total(mass));
        AxisConstraints.alternateScaleAndShape(omega, AxisConstraints.times(mass, d), scale, shape);
        double[][] covariances = new double[k][];
        double[] scaled = new double[d];
        for (int c = 0; c < k; c++) {
            for (int j = 0; j < d; j++) scaled[j] = scale[c] * shape[j];
            covariances[c] = eigen[c].compose(scaled);
        }
        return covariances;
    }

    /** EVV: λ·C_c with C_c = W_c / |W_c|^{1/d} and λ = Σ_c |W_c|^{1/d} / n. */
    static double[][] evv(double[][] w, double[] mass, int d) {
        SymmetricEigen[] eigen = eigen(w, d);
        double[] root = new double[w.length];
        double lambda = 0;
        for (int c = 0; c < w.length; c++) {
            root[c] = geometricMean(eigen[c].values);
            lambda += root[c];
        }
        lambda /= total(mass);
        double[][] covariances = new double[w.length][d * d];
        for (int c = 0; c < w.length; c++) for (int i = 0; i < d * d; i++) covariances[c][i] = lambda * (w[c][i] / root[c]);
        return covariances;
    }

    /**
     * VEE: λ_c·C with C = D·A·Dᵀ of determinant 1, by mclust's alternation from λ_c = 1:
     * C ∝ Σ_c W_c/λ_c scaled to determinant 1, then λ_c = tr(W_c·C⁻¹) / (d·n_c), until the λ_c
     * do not change.
     */
    static double[][] vee(double[][] w, double[] mass, int d) {
        int k = w.length;
        double[] scale = new double[k];
        java.util.Arrays.fill(scale, 1);
        double[] shared = null;
        for (int inner = 0; inner < INNER_ITERATIONS; inner++) {
            double[] sum = new double[d * d];
            for (int c = 0; c < k; c++) for (int i = 0; i < d * d; i++) sum[i] += w[c][i] / scale[c];
            SymmetricEigen e = SymmetricEigen.of(sum, d);
            double root = geometricMean(e.values);
            double[] values = new double[d], inverse = new double[d];
            for (int j = 0; j < d; j++) {
                values[j] = e.values[j] / root;
                inverse[j] = 1 / values[j];
            }
            shared = e.compose(values);
            double[] precision = e.compose(inverse);
            double[] old = scale.clone();
            for (int c = 0; c < k; c++) {
                double trace = 0;
                for (int i = 0; i < d * d; i++) trace += w[c][i] * precision[i];
                scale[c] = trace / (d * mass[c]);
            }
            if (!(root > 0 && root < Double.POSITIVE_INFINITY) || relativeChange(old, scale) <= INNER_TOLERANCE) break;
        }
        double[][] covariances = new double[k][d * d];
        for (int c = 0; c < k; c++) for (int i = 0; i < d * d; i++) covariances[c][i] = scale[c] * shared[i];
        return covariances;
    }

    /** EVE: λ·D·A_c·Dᵀ, the common orientation D by mclust's majorisation–minimisation (see {@link #commonOrientation}). */
    static double[][] eve(double[][] w, double[] mass, int d) {
        return commonOrientation(w, mass, d, false);
    }

    /** VVE: λ_c·D·A_c·Dᵀ, the common orientation D by mclust's majorisation–minimisation (see {@link #commonOrientation}). */
    static double[][] vve(double[][] w, double[] mass, int d) {
        return commonOrientation(w, mass, d, true);
    }

    /**
     * EVE and VVE as mclust's {@code mseve} and {@code msvve}: with O = Dᵀ, from O = I and A_c = I,
     * each iteration takes two majorisation–minimisation steps for O, each O ← Q·Pᵀ for the SVD
     * P·S·Qᵀ of F₁ = Σ_c A_c⁻¹·O·(W_c − ω_c·I) (ω_c the largest eigenvalue of W_c), then of
     * F₂ = Σ_c W_c·O·(A_c⁻¹ − a_c·I) (a_c the largest element of A_c⁻¹), then the shapes
     * A_c ∝ diag(O·W_c·Oᵀ) of determinant 1 (VVE: λ_c·A_c = diag(O·W_c·Oᵀ)/n_c; EVE:
     * λ = Σ_c tr(O·W_c·Oᵀ·A_c⁻¹) / (n·d)); until O and the shapes do not change. As mclust, VVE's
     * steps weigh each component by A_c⁻¹ alone, not by (λ_c·A_c)⁻¹.
     */
    private static double[][] commonOrientation(double[][] w, double[] mass, int d, boolean varyingVolume) {
        int k = w.length;
        double[] omega = new double[k];
        for (int c = 0; c < k; c++) omega[c] = SymmetricEigen.of(w[c], d).values[0];
        double[] o = new double[d * d];
        for (int j = 0; j < d; j++) o[j * d + j] = 1;
        double[][] shape = new double[k][d];
        for (double[] s : shape) java.util.Arrays.fill(s, 1);
        double[] scale = new double[k];
        for (int inner = 0; inner < INNER_ITERATIONS; inner++) {
            double[] oldO = o.clone();
            double[][] oldShape = new double[k][];
            for (int c = 0; c < k; c++) oldShape[c] = shape[c].clone();
            double[] f = new double[d * d];
            for (int c = 0; c < k; c++) {
                // A_c⁻¹·O·W_c − ω_c·A_c⁻¹·O
                double[] ao = new double[d * d];
                for (int r = 0; r < d; r++) for (int s = 0; s < d; s++) ao[r * d + s] = o[r * d + s] / shape[c][r];
                double[] aow = multiply(ao, w[c], d);
                for (int i = 0; i < d * d; i++) f[i] += aow[i] - omega[c] * ao[i];
            }
            o = transpose(orthogonalFactor(f, d), d);
            f = new double[d * d];
            for (int c = 0; c < k; c++) {
                // W_c·O·A_c⁻¹ − max(A_c⁻¹)·W_c·O
                double[] wo = multiply(w[c], o, d);
                double largest = 0;
                for (int j = 0; j < d; j++) largest = Math.max(largest, 1 / shape[c][j]);
                for (int r = 0; r < d; r++) {
                    for (int s = 0; s < d; s++) f[r * d + s] += wo[r * d + s] / shape[c][s] - largest * wo[r * d + s];
                }
            }
            o = transpose(orthogonalFactor(f, d), d);
            double target = 0;
            double[] ot = transpose(o, d);
            for (int c = 0; c < k; c++) {
                double[] owo = multiply(multiply(o, w[c], d), ot, d);
                for (int j = 0; j < d; j++) shape[c][j] = owo[j * d + j] / (varyingVolume ? mass[c] : 1);
                double root = geometricMean(shape[c]);
                scale[c] = root;
                for (int j = 0; j < d; j++) shape[c][j] /= root;
                for (int j = 0; j < d; j++) target += owo[j * d + j] / shape[c][j];
            }
            if (!varyingVolume) java.util.Arrays.fill(scale, target / (total(mass) * d));
            double change = relativeChange(oldO, o);
            for (int c = 0; c < k; c++) change = Math.max(change, relativeChange(oldShape[c], shape[c]));
            if (!(change >= 0) || change <= INNER_TOLERANCE) break;
        }
        double[] orientation = transpose(o, d);
        double[][] covariances = new double[k][];
        double[] scaled = new double[d];
        for (int c = 0; c < k; c++) {
            for (int j = 0; j < d; j++) scaled[j] = scale[c] * shape[c][j];
            covariances[c] = SymmetricEigen.compose(orientation, scaled, d);
        }
        return covariances;
    }

    private static SymmetricEigen[] eigen(double[][] w, int d) {
        SymmetricEigen[] eigen = new SymmetricEigen[w.length];
        for (int c = 0; c < w.length; c++) eigen[c] = SymmetricEigen.of(w[c], d);
        return eigen;
    }

    /**
     * P·Qᵀ for the SVD F = P·S·Qᵀ (the orthogonal factor of F's polar decomposition): Q and S² from
     * the eigendecomposition of FᵀF, the columns of P as F·q_i made orthonormal in order of
     * decreasing s_i (a column of a singular F, which P does not determine, completed from the axes).
     */
    static double[] orthogonalFactor(double[] f, int d) {
        SymmetricEigen e = SymmetricEigen.of(multiply(transpose(f, d), f, d), d);
        double[][] p = new double[d][];
        for (int i = 0; i < d; i++) {
            double[] column = new double[d];
            for (int r = 0; r < d; r++) for (int s = 0; s < d; s++) column[r] += f[r * d + s] * e.vectors[s * d + i];
            p[i] = orthonormalised(column, p, i);
            for (int axis = 0; p[i] == null; axis++) {
                double[] unit = new double[d];
                unit[axis] = 1;
                p[i] = orthonormalised(unit, p, i);
            }
        }
        double[] result = new double[d * d];
        for (int r = 0; r < d; r++) {
            for (int s = 0; s < d; s++) {
                double sum = 0;
                for (int i = 0; i < d; i++) sum += p[i][r] * e.vectors[s * d + i];
                result[r * d + s] = sum;
            }
        }
        return result;
    }

    /** {@code v} made orthogonal to the first {@code count} of {@code basis} (twice, for accuracy) and of length 1; null if nothing is left of it. */
    private static double[] orthonormalised(double[] v, double[][] basis, int count) {
        double length = norm(v);
        for (int pass = 0; pass < 2; pass++) {
            for (int b = 0; b < count; b++) {
                double dot = 0;
                for (int r = 0; r < v.length; r++) dot += basis[b][r] * v[r];
                for (int r = 0; r < v.length; r++) v[r] -= dot * basis[b][r];
            }
        }
        double left = norm(v);
        if (!(left > 1e-10 * length)) return null;
        for (int r = 0; r < v.length; r++) v[r] /= left;
        return v;
    }

    private static double norm(double[] v) {
        double s = 0;
        for (double x : v) s += x * x;
        return Math.sqrt(s);
    }

    static double[] multiply(double[] a, double[] b, int d) {
        double[] m = new double[d * d];
        for (int i = 0; i < d; i++) {
            for (int l = 0; l < d; l++) {
                double ail = a[i * d + l];
                for (int j = 0; j < d; j++) m[i * d + j] += ail * b[l * d + j];
            }
        }
        return m;
    }

    static double[] transpose(double[] a, int d) {
        double[] t = new double[d * d];
        for (int i = 0; i < d; i++) for (int j = 0; j < d; j++) t[j * d + i] = a[i * d + j];
        return t;
    }
}
