// SPDX-License-Identifier: Apache-2.0
package gmm4j.internal;

/**
 * One component's Gaussian restricted to the observed coordinates of a missing-value pattern:
 * the density of the observed block (through the Cholesky factor of Σ_oo), the conditional mean
 * of the missing block, E[x_m | x_o] = μ_m + Σ_mo Σ_oo⁻¹ (x_o − μ_o), and its conditional
 * covariance Σ_mm − Σ_mo Σ_oo⁻¹ Σ_om, which the M-step adds to the scatter.
 */
final class MarginalGaussian {
    final int[] observed;
    final int[] missing;
    /** L_oo⁻¹ for Σ_oo = L_oo·L_ooᵀ. */
    private final double[] inverseFactor;
    private final double logNormaliser;
    /** Σ_mo Σ_oo⁻¹, q×p. */
    private final double[] regression;
    /** Σ_mm − Σ_mo Σ_oo⁻¹ Σ_om, q×q. */
    final double[] conditionalCovariance;

    MarginalGaussian(double[] sigma, int d, boolean[] isObserved) {
        int p = 0;
        for (boolean b : isObserved) if (b) p++;
        int q = d - p;
        observed = new int[p];
        missing = new int[q];
        for (int j = 0, a = 0, b = 0; j < d; j++) {
            if (isObserved[j]) observed[a++] = j;
            else missing[b++] = j;
        }
        double[] soo = new double[p * p];
        for (int a = 0; a < p; a++) {
            for (int b = 0; b < p; b++) soo[a * p + b] = sigma[observed[a] * d + observed[b]];
        }
        double[] l = new double[p * p];
        Cholesky.factorWithJitter(soo, p, l, 0);
        inverseFactor = Cholesky.invertLower(l, p);
        double half = 0;
        for (int a = 0; a < p; a++) half += Math.log(inverseFactor[a * p + a]);
        logNormaliser = -0.5 * p * Covariance.LN_2PI + half;
        // Σ_oo⁻¹ = Uᵀ·U with U = L_oo⁻¹
        double[] precision = new double[p * p];
        for (int a = 0; a < p; a++) {
            for (int b = 0; b <= a; b++) {
                double s = 0;
                for (int t = a; t < p; t++) s += inverseFactor[t * p + a] * inverseFactor[t * p + b];
                precision[a * p + b] = s;
                precision[b * p + a] = s;
            }
        }
        regression = new double[q * p];
        for (int m = 0; m < q; m++) {
            for (int b = 0; b < p; b++) {
                double s = 0;
                for (int a = 0; a < p; a++) s += sigma[missing[m] * d + observed[a]] * precision[a * p + b];
                regression[m * p + b] = s;
            }
        }
        conditionalCovariance = new double[q * q];
        for (int m = 0; m < q; m++) {
            for (int r = 0; r < q; r++) {
                double s = sigma[missing[m] * d + missing[r]];
                for (int a = 0; a < p; a++) s -= regression[m * p + a] * sigma[observed[a] * d + missing[r]];
                conditionalCovariance[m * q + r] = s;
            }
        }
    }

    /** log N(x_o | μ_o, Σ_oo) for the row at {@code x[off..]} and the mean at {@code mean[mOff..]}. */
    double logDensity(double[] x, int off, double[] mean, int mOff, double[] work) {
        int p = observed.length;
        for (int a = 0; a < p; a++) work[a] = x[off + observed[a]] - mean[mOff + observed[a]];
        double sum = 0;
        for (int a = 0; a < p; a++) {
            double z = 0;
            for (int b = 0; b <= a; b++) z += inverseFactor[a * p + b] * work[b];
            sum += z * z;
        }
        return logNormaliser - 0.5 * sum;
    }

    /** The row with its missing coordinates replaced by their conditional means, into {@code out[0..d)}. */
    void complete(double[] x, int off, double[] mean, int mOff, double[] out) {
        int p = observed.length;
        for (int a = 0; a < p; a++) out[observed[a]] = x[off + observed[a]];
        for (int m = 0; m < missing.length; m++) {
            double s = mean[mOff + missing[m]];
            for (int a = 0; a < p; a++) s += regression[m * p + a] * (x[off + observed[a]] - mean[mOff + observed[a]]);
            out[missing[m]] = s;
        }
    }
}
