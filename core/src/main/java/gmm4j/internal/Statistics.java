// SPDX-License-Identifier: Apache-2.0
package gmm4j.internal;

import java.io.Serial;
import java.io.Serializable;

/**
 * The sufficient statistics of one E-step over some rows, mergeable in any grouping: the moments
 * the covariance model's M-step needs, each component's categorical level counts, and the
 * {@link Likelihood} of the mixture the E-step ran under.
 */
public final class Statistics implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    final Moments moments;
    /** Per component, the weighted count of each level of each categorical column, component c's at {@code [c*slots, (c+1)*slots)}. */
    final double[] levelCount;
    /** Per component and categorical column, the weight of the rows with the column observed. */
    final double[] levelTotal;
    final Likelihood score = new Likelihood();
    /** Where the run of the mixture the E-step ran under has re-seeded components ({@link Mixture#reseededAt}). */
    double[][] reseededAt = Mixture.NO_PLACES;
    /** The noise component's box of the mixture the E-step ran under, or null when it has none. */
    NoiseBox noise;
    /** The noise component's responsibility mass. */
    double noiseMass;

    Statistics(Moments moments, int categoricalColumns, int levelSlots) {
        this.moments = moments;
        this.levelCount = new double[moments.k * levelSlots];
        this.levelTotal = new double[moments.k * categoricalColumns];
    }

    /** A copy that shares nothing changeable with this one. */
    public Statistics copy() {
        Statistics copy = new Statistics(moments.empty(), levelTotal.length / Math.max(1, moments.k), levelCount.length / Math.max(1, moments.k));
        copy.noise = noise;
        return copy.merge(this);
    }

    /** Adds {@code other}, which covers rows after this one's: the order keeps results reproducible. */
    public Statistics merge(Statistics other) {
        if (other.levelCount.length != levelCount.length || other.levelTotal.length != levelTotal.length) {
            throw new IllegalArgumentException("Cannot merge statistics of different categorical columns.");
        }
        if ((noise == null) != (other.noise == null)) {
            throw new IllegalArgumentException("Cannot merge statistics taken under a mixture with a noise component "
                    + "with statistics taken under one without: take every part's statistics under the same model.");
        }
        moments.merge(other.moments);
        Moments.add(levelCount, other.levelCount);
        Moments.add(levelTotal, other.levelTotal);
        score.merge(other.score);
        if (reseededAt.length < other.reseededAt.length) reseededAt = other.reseededAt;
        noiseMass += other.noiseMass;
        return this;
    }

    public Likelihood score() {
        return score;
    }

    /** Component c's responsibility mass. */
    public double mass(int c) {
        return moments.count[c];
    }

    /** The noise component's responsibility mass (0 without one). */
    public double noiseMass() {
        return noiseMass;
    }

    public int components() {
        return moments.k;
    }

    public int dimension() {
        return moments.d;
    }
}
