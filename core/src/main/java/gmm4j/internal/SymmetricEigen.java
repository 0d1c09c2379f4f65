// SPDX-License-Identifier: Apache-2.0
package gmm4j.internal;

/**
 * The eigendecomposition A = V·diag(values)·Vᵀ of a symmetric d×d matrix by cyclic Jacobi rotations
 * (dependency-free; accurate to a few ulps of the largest eigenvalue, and meant for the small
 * matrices of a covariance M-step). The eigenvalues come in decreasing order, as an SVD of a
 * covariance gives them; column i of V (row-major, {@code vectors[r*d + i]}) belongs to value i.
 */
final class SymmetricEigen {
    /** Sweeps after which an off-diagonal that still is not negligible is taken as converged. */
    private static final int MAX_SWEEPS = 100;

    final int d;
    /** The eigenvalues, largest first. */
    final double[] values;
    /** The orthonormal eigenvectors as columns of a row-major d×d matrix. */
    final double[] vectors;

    private SymmetricEigen(int d, double[] values, double[] vectors) {
        this.d = d;
        this.values = values;
        this.vectors = vectors;
    }

    /** The decomposition of the symmetric row-major d×d {@code matrix} (not changed; only its lower triangle is read). */
    static SymmetricEigen of(double[] matrix, int d) {
        double[] a = new double[d * d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j <= i; j++) {
                a[i * d + j] = matrix[i * d + j];
                a[j * d + i] = matrix[i * d + j];
            }
        }
        double[] v = new double[d * d];
        for (int i = 0; i < d; i++) v[i * d + i] = 1;
        for (int sweep = 0; sweep < MAX_SWEEPS && !diagonal(a, d); sweep++) {
            for (int p = 0; p < d - 1; p++) {
                for (int q = p + 1; q < d; q++) rotate(a, v, d, p, q);
            }
        }
        return sorted(d, a, v);
    }

    /** Whether every off-diagonal element is negligible next to its two diagonal elements. */
    private static boolean diagonal(double[] a, int d) {
        for (int p = 0; p < d; p++) {
            for (int q = p + 1; q < d; q++) {
                double off = Math.abs(a[p * d + q]);
                if (off != 0 && off > 1e-18 * (Math.abs(a[p * d + p]) + Math.abs(a[q * d + q]))) return false;
            }
        }
        return true;
    }

    /** The Jacobi rotation in the (p, q) plane that zeroes a[p][q] (Golub &amp; Van Loan, algorithm 8.4.1). */
    private static void rotate(double[] a, double[] v, int d, int p, int q) {
        double apq = a[p * d + q];
        if (apq == 0) return;
        double tau = (a[q * d + q] - a[p * d + p]) / (2 * apq);
        double t = Math.signum(tau) / (Math.abs(tau) + Math.sqrt(1 + tau * tau));
        if (tau == 0) t = 1;
        if (Double.isInfinite(tau * tau)) t = 1 / (2 * tau);
        double c = 1 / Math.sqrt(1 + t * t), s = t * c;
        for (int r = 0; r < d; r++) {
            double arp = a[r * d + p], arq = a[r * d + q];
            a[r * d + p] = c * arp - s * arq;
            a[r * d + q] = s * arp + c * arq;
        }
        for (int r = 0; r < d; r++) {
            double apr = a[p * d + r], aqr = a[q * d + r];
            a[p * d + r] = c * apr - s * aqr;
            a[q * d + r] = s * apr + c * aqr;
        }
        a[p * d + q] = 0;
        a[q * d + p] = 0;
        for (int r = 0; r < d; r++) {
            double vrp = v[r * d + p], vrq = v[r * d + q];
            v[r * d + p] = c * vrp - s * vrq;
            v[r * d + q] = s * vrp + c * vrq;
        }
    }

    /** The diagonal of {@code a} and the columns of {@code v} in decreasing order of the values. */
    private static SymmetricEigen sorted(int d, double[] a, double[] v) {
        Integer[] order = new Integer[d];
        for (int i = 0; i < d; i++) order[i] = i;
        java.util.Arrays.sort(order, (x, y) -> Double.compare(a[y * d + y], a[x * d + x]));
        double[] values = new double[d];
        double[] vectors = new double[d * d];
        for (int i = 0; i < d; i++) {
            values[i] = a[order[i] * d + order[i]];
            for (int r = 0; r < d; r++) vectors[r * d + i] = v[r * d + order[i]];
        }
        return new SymmetricEigen(d, values, vectors);
    }

    /** V·diag(f)·Vᵀ: the matrix with these eigenvectors and the eigenvalues {@code f}. */
    double[] compose(double[] f) {
        return compose(vectors, f, d);
    }

    /** Q·diag(f)·Qᵀ for a row-major d×d {@code q}. */
    static double[] compose(double[] q, double[] f, int d) {
        double[] m = new double[d * d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j <= i; j++) {
                double s = 0;
                for (int l = 0; l < d; l++) s += q[i * d + l] * f[l] * q[j * d + l];
                m[i * d + j] = s;
                m[j * d + i] = s;
            }
        }
        return m;
    }
}
