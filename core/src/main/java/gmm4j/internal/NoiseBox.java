// SPDX-License-Identifier: Apache-2.0
package gmm4j.internal;

import java.io.Serial;
import java.io.Serializable;
import java.util.Locale;
import java.util.Random;

/**
 * Where mclust's noise component lives: a box that holds the training rows, over which the noise
 * density is uniform, 1/V. The box is mclust's {@code hypvol}: of the data's bounding box (each
 * column's range) and the box of their principal components (their range along each eigenvector of
 * their covariance, {@code princomp}'s scores), the one of smaller volume. Categorical columns are
 * uniform over their levels.
 *
 * <p>A row with missing values gets the uniform density over the box's shadow on its observed
 * columns (the box's extent along each such column): for the bounding box that is the marginal of
 * the uniform exactly. With missing values in the training data the box is the bounding box of the
 * observed values (principal components need whole rows), so every marginal is exact.
 */
public final class NoiseBox implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    final int d;
    /** The box's corner: every point of it is corner + Σ_a u_a·extents[a]·axis a, u in [0, 1]^d. */
    final double[] corner;
    /** The box's orthonormal axes, row-major: axis a is {@code axes[a*d .. (a+1)*d)}. */
    final double[] axes;
    /** The box's length along each axis. */
    final double[] extents;
    /** log V = Σ log extents (V itself overflows a double in a few hundred dimensions). */
    final double logVolume;
    /** log of the box's extent along each column, for the marginal of a row with missing values. */
    private final double[] logShadow;
    /** log of each categorical column's number of levels. */
    private final double[] logLevels;

    NoiseBox(double[] corner, double[] axes, double[] extents, int[] levels) {
        this.d = corner.length;
        this.corner = corner;
        this.axes = axes;
        this.extents = extents;
        double logV = 0;
        for (double e : extents) logV += Math.log(e);
        this.logVolume = logV;
        this.logShadow = new double[d];
        for (int j = 0; j < d; j++) {
            double shadow = 0;
            for (int a = 0; a < d; a++) shadow += extents[a] * Math.abs(axes[a * d + j]);
            logShadow[j] = Math.log(shadow);
        }
        this.logLevels = new double[levels.length];
        for (int j = 0; j < levels.length; j++) logLevels[j] = Math.log(levels[j]);
    }

    /**
     * The box of the rows of {@code t} that have weight and something observed.
     *
     * @throws IllegalArgumentException when those rows span no volume: a numeric column without two
     *                                  different observed values, or rows on a lower-dimensional plane
     */
    public static NoiseBox of(Table t, Parallel parallel) {
        int d = t.d;
        double[] low = new double[d], high = new double[d];
        java.util.Arrays.fill(low, Double.POSITIVE_INFINITY);
        java.util.Arrays.fill(high, Double.NEGATIVE_INFINITY);
        boolean complete = true;
        for (int i = 0; i < t.n; i++) {
            if (!counts(t, i)) continue;
            complete &= t.pattern(i) == Table.COMPLETE;
            for (int j = 0; j < d; j++) {
                double v = t.x[i * d + j];
                if (Double.isNaN(v)) continue;
                low[j] = Math.min(low[j], v);
                high[j] = Math.max(high[j], v);
            }
        }
        double[] ranges = new double[d];
        for (int j = 0; j < d; j++) {
            ranges[j] = high[j] - low[j];
            if (!(ranges[j] > 0) || Double.isInfinite(ranges[j])) {
                throw new IllegalArgumentException(String.format(Locale.ROOT, "The noise component needs rows that "
                        + "span a volume, but numeric column %d %s: remove the column or fit without noise.", j,
                        low[j] > high[j] ? "has no observed value" : "is constant (" + low[j] + ")"));
            }
        }
        double[] identity = new double[d * d];
        for (int j = 0; j < d; j++) identity[j * d + j] = 1;
        NoiseBox bounding = new NoiseBox(low, identity, ranges, t.levels);
        if (!complete || d < 2) return bounding;
        NoiseBox principal = principalComponents(t, parallel);
        return principal.logVolume < bounding.logVolume ? principal : bounding;
    }

    /** Whether row i is one of the rows the box holds: with weight and something observed. */
    private static boolean counts(Table t, int i) {
        return t.weight(i) > 0 && t.pattern(i) != Table.EMPTY;
    }

    /** The box of the complete rows' principal components (princomp's scores: ranges along the covariance's eigenvectors). */
    private static NoiseBox principalComponents(Table t, Parallel parallel) {
        int d = t.d;
        DataScale scale = DataScale.of(t, parallel);
        double[] mean = scale.columnMeans();
        double[] covariance = new double[d * d];
        for (int i = 0; i < t.n; i++) {
            if (!counts(t, i)) continue;
            double w = t.weight(i);
            for (int a = 0; a < d; a++) {
                double da = t.x[i * d + a] - mean[a];
                for (int b = 0; b <= a; b++) covariance[a * d + b] += w * da * (t.x[i * d + b] - mean[b]);
            }
        }
        SymmetricEigen eigen = SymmetricEigen.of(covariance, d);
        double[] axes = new double[d * d];
        for (int a = 0; a < d; a++) {
            for (int j = 0; j < d; j++) axes[a * d + j] = eigen.vectors[j * d + a];
        }
        double[] low = new double[d], high = new double[d];
        java.util.Arrays.fill(low, Double.POSITIVE_INFINITY);
        java.util.Arrays.fill(high, Double.NEGATIVE_INFINITY);
        for (int i = 0; i < t.n; i++) {
            if (!counts(t, i)) continue;
            for (int a = 0; a < d; a++) {
                double score = 0;
                for (int j = 0; j < d; j++) score += axes[a * d + j] * (t.x[i * d + j] - mean[j]);
                low[a] = Math.min(low[a], score);
                high[a] = Math.max(high[a], score);
            }
        }
        double[] extents = new double[d];
        double[] corner = mean.clone();
        for (int a = 0; a < d; a++) {
            extents[a] = high[a] - low[a];
            if (!(extents[a] > 0)) {
                throw new IllegalArgumentException("The noise component needs rows that span a volume, but the rows lie "
                        + "on a plane of fewer than " + d + " dimensions (principal component " + a + " has no "
                        + "extent): remove a linearly dependent column or fit without noise.");
            }
            for (int j = 0; j < d; j++) corner[j] += low[a] * axes[a * d + j];
        }
        return new NoiseBox(corner, axes, extents, t.levels);
    }

    /**
     * The box as saved: corner, axes and extents exactly as given.
     *
     * @param axes each axis a unit vector, orthogonal to the others (the caller has checked)
     */
    public static NoiseBox restore(double[] corner, double[][] axes, double[] extents, int[] levels) {
        int d = corner.length;
        double[] flat = new double[d * d];
        for (int a = 0; a < d; a++) System.arraycopy(axes[a], 0, flat, a * d, d);
        return new NoiseBox(corner.clone(), flat, extents.clone(), levels.clone());
    }

    /**
     * log of the noise density of a row (without the noise weight): −log V for a complete row, the
     * box's shadow on the observed columns otherwise, and each observed categorical code's 1/levels.
     */
    double logDensity(double[] x, int off, int[] codes, int codeOff) {
        boolean complete = true;
        double shadow = 0;
        for (int j = 0; j < d; j++) {
            if (Double.isNaN(x[off + j])) complete = false;
            else shadow += logShadow[j];
        }
        double s = complete ? -logVolume : -shadow;
        for (int j = 0; j < logLevels.length; j++) if (codes[codeOff + j] >= 0) s -= logLevels[j];
        return s;
    }

    /** A point drawn uniformly from the box, into {@code out}. */
    public void draw(Random random, double[] out) {
        System.arraycopy(corner, 0, out, 0, d);
        for (int a = 0; a < d; a++) {
            double step = random.nextDouble() * extents[a];
            for (int j = 0; j < d; j++) out[j] += step * axes[a * d + j];
        }
    }

    /** log V, V the box's volume. */
    public double logVolume() {
        return logVolume;
    }

    public double[] corner() {
        return corner.clone();
    }

    /** The axes, one unit vector per row. */
    public double[][] axes() {
        double[][] out = new double[d][];
        for (int a = 0; a < d; a++) out[a] = java.util.Arrays.copyOfRange(axes, a * d, (a + 1) * d);
        return out;
    }

    public double[] extents() {
        return extents.clone();
    }
}
