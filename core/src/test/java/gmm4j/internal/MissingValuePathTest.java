// SPDX-License-Identifier: Apache-2.0
package gmm4j.internal;

import gmm4j.CovarianceType;
import gmm4j.FitSettings;
import gmm4j.Initialization;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The missing-value E- and M-steps, given complete rows, do exactly what the plain ones do: row by
 * row against the block kernels, both with few columns (moments column by column) and with more
 * (rank-four updates of matrices, diagonals from the transposed block).
 */
class MissingValuePathTest {
    static List<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        for (int d : new int[]{3, Moments.SMALL_D + 9}) {
            for (CovarianceType type : CovarianceType.values()) cases.add(Arguments.of(type, d));
        }
        return cases;
    }

    @ParameterizedTest(name = "{0}, d = {1}")
    @MethodSource("cases")
    void marginalPathEqualsPlainPathOnCompleteData(CovarianceType type, int d) {
        Random random = new Random(7);
        int n = 600;
        double[] x = new double[n * d];
        for (int i = 0; i < n; i++) {
            double shift = i % 3 == 0 ? 4 : i % 3 == 1 ? -2 : 0;
            for (int j = 0; j < d; j++) x[i * d + j] = shift * (j + 1) + random.nextGaussian() * (1 + j);
        }
        double[] w = new double[n];
        Arrays.fill(w, 1);
        Table plain = new Table(n, d, x, w, 0, new int[0], new int[0]);
        Table marginal = plain.marginalisedEverywhere();
        assertEquals(0, marginal.pattern(0), "the test must really use the missing-value path");

        FitRequest settings = new FitRequest(
                new FitSettings(3, type, Initialization.KMEANS, null, 1, 30, 0, 1e-6, 3, 0, null), null, null);
        try (Parallel parallel = new Parallel(1)) {
            Restarts.Result a = Restarts.run(plain, settings, parallel);
            Restarts.Result b = Restarts.run(marginal, settings, parallel);
            assertEquals(a.score().logLikelihood(), b.score().logLikelihood(), 1e-9 * Math.abs(a.score().logLikelihood()));
            for (int c = 0; c < 3; c++) {
                assertEquals(a.mixture().weight(c), b.mixture().weight(c), 1e-10);
                double[] ma = a.mixture().mean(c), mb = b.mixture().mean(c);
                for (int j = 0; j < d; j++) assertEquals(ma[j], mb[j], 1e-9);
                double[] ca = a.mixture().covariance.matrix(c), cb = b.mixture().covariance.matrix(c);
                for (int i = 0; i < d * d; i++) assertEquals(ca[i], cb[i], 1e-9 * (1 + Math.abs(ca[i])));
            }
            assertTrue(a.iterations() > 1);
        }
    }
}
