// SPDX-License-Identifier: Apache-2.0
package gmm4j.internal;

/**
 * For tests only: a start with a noise component of a given weight, as mclust's {@code me()} starts
 * from the M-step of responsibilities with a noise column. A fit keeps the noise weight of a start
 * that has one ({@link NoiseStart}).
 */
public final class NoiseStarts {
    private NoiseStarts() {
    }

    /** {@code gaussians} with a noise component of weight {@code weight} over the box of {@code t}. */
    public static Mixture withNoise(Mixture gaussians, Table t, double weight) {
        try (Parallel parallel = new Parallel(1)) {
            return gaussians.withNoise(NoiseBox.of(t, parallel), weight);
        }
    }

    /** The noise box of {@code t}: its volume, and the two it is the smaller of. */
    public static NoiseBox box(Table t) {
        try (Parallel parallel = new Parallel(1)) {
            return NoiseBox.of(t, parallel);
        }
    }
}
