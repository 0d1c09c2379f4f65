// SPDX-License-Identifier: Apache-2.0
package gmm4j.spark;

/** Where each EM run of a distributed fit starts. */
interface Start {
    /**
     * The start of restart {@code restart} of a fit with {@code settings} (whose seed is the fit's
     * seed; restart {@code r} uses {@code seed + r·GOLDEN}, as the core does).
     */
    gmm4j.GaussianMixtureModel of(Partitions partitions, gmm4j.GaussianMixture settings, int restart);

    /** The settings of restart {@code restart} alone: its own seed, one restart. */
    static gmm4j.GaussianMixture restart(gmm4j.GaussianMixture settings, int restart) {
        return settings.toBuilder().seed(settings.seed() + restart * Partitions.GOLDEN).restarts(1).build();
    }

    /**
     * The core's own start ({@link gmm4j.GaussianMixture#initialize}) on the driver, on all rows when
     * there are at most {@code sampleSize}, otherwise on a sample of about that many drawn with the
     * fit's seed (the same sample for every restart).
     */
    static Start driverSample(int sampleSize) {
        return (partitions, settings, restart) -> restart(settings, restart)
                .initialize(partitions.sample(sampleSize, settings.seed()));
    }

    /** The k-means|| start ({@link KMeansParallel}) of {@code steps} rounds; covariances from a driver sample. */
    static Start kMeansParallel(int steps, int sampleSize) {
        return new KMeansParallel(steps, sampleSize);
    }
}
