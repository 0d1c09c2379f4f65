// SPDX-License-Identifier: Apache-2.0
package gmm4j.internal;

import gmm4j.CovarianceType;
import gmm4j.FitSettings;
import gmm4j.GaussianMixture;
import gmm4j.Initialization;
import org.junit.jupiter.api.Test;

import java.util.Random;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The start of a fit with a noise component and the conjugate prior: its Gaussians' first M-step is
 * under the prior, as every later one is (the start was once made without it).
 */
class NoiseStartPriorTest {
    @Test
    void theGaussiansOfANoiseStartAreThePriorsPosteriorModes() {
        Random random = new Random(5);
        int n = 400;
        double[] x = new double[2 * n];
        for (int i = 0; i < n; i++) {
            double shift = i % 2 == 0 ? 0 : 6;
            x[2 * i] = random.nextGaussian() + shift;
            x[2 * i + 1] = 0.5 * random.nextGaussian() - shift;
        }
        Table t = new Table(n, 2, x, null, 0, new int[0], new int[0]);
        FitSettings settings = GaussianMixture.builder().components(2).covariance(CovarianceType.FULL)
                .init(Initialization.KMEANS).noise(true).prior(true).build().settings();
        try (Parallel parallel = new Parallel(1)) {
            DataScale scale = DataScale.of(t, parallel);
            FitRequest request = Restarts.resolvePrior(t, new FitRequest(settings, null, null), scale, parallel);
            Mixture noisy = NoiseStart.start(t, request, new SplittableRandom(9), 0, parallel, scale, RepairLog.IGNORE);
            Mixture underPrior = Initializer.initialize(t, request, 0, new SplittableRandom(9), parallel, scale, RepairLog.IGNORE);
            Mixture withoutPrior = Initializer.initialize(t, new FitRequest(settings, null, null), 0, new SplittableRandom(9),
                    parallel, scale, RepairLog.IGNORE);
            for (int c = 0; c < 2; c++) {
                assertArrayEquals(underPrior.covariance.matrix(c), noisy.covariance.matrix(c), "component " + c);
                assertFalse(java.util.Arrays.equals(withoutPrior.covariance.matrix(c), noisy.covariance.matrix(c)),
                        "the prior changes the start's covariance " + c);
            }
        }
    }
}
