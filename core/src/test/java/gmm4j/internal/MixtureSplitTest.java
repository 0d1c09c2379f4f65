// SPDX-License-Identifier: Apache-2.0
package gmm4j.internal;

import gmm4j.CovarianceType;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The two K + 1 component mixtures the selection's warm start makes of a K one: the duplicate has
 * the same likelihood (so a larger K never needs to fall below a smaller one), and the split keeps
 * the component's mean and covariance between its halves.
 */
class MixtureSplitTest {
    private static final double[][] MATRICES = {{0.5, 0.1, 0.1, 0.7}, {0.3, -0.05, -0.05, 0.2}};

    @Test
    void aDuplicatedComponentLeavesTheLikelihoodAsItWasForEveryType() {
        Random random = new Random(2);
        int n = 500;
        double[] x = new double[2 * n];
        for (int i = 0; i < x.length; i++) x[i] = random.nextGaussian() + (i % 4 < 2 ? 0 : 3);
        Table t = new Table(n, 2, x, null, 0, new int[0], new int[0]);
        try (Parallel parallel = new Parallel(1)) {
            for (CovarianceType type : CovarianceType.values()) {
                Mixture m = Mixture.of(type, new double[]{0.4, 0.6}, new double[][]{{0, 0}, {3, 3}}, MATRICES, new int[0],
                        1e-12, RepairLog.IGNORE);
                Mixture twice = m.duplicated(m.heaviest());
                assertEquals(3, twice.k);
                assertEquals(1, m.heaviest());
                assertEquals(0.3, twice.weight(1), 1e-15);
                assertEquals(0.3, twice.weight(2), 1e-15);
                assertArrayEquals(m.covariance.matrix(1), twice.covariance.matrix(2), type.toString());
                double before = m.score(t, parallel).logLikelihood(), after = twice.score(t, parallel).logLikelihood();
                assertEquals(before, after, 1e-12 * Math.abs(before), type.toString());
            }
        }
    }

    @Test
    void aSplitKeepsTheComponentsMeanAndCovarianceBetweenItsHalves() {
        Mixture m = Mixture.of(CovarianceType.FULL, new double[]{0.4, 0.6}, new double[][]{{0, 0}, {3, 3}}, MATRICES,
                new int[0], 1e-12, RepairLog.IGNORE);
        Mixture split = m.split(0, 1e-12, RepairLog.IGNORE);
        assertEquals(3, split.k);
        double[] a = split.mean(0), b = split.mean(2);
        double[] sa = split.covariance.matrix(0), sb = split.covariance.matrix(2);
        for (int j = 0; j < 2; j++) assertEquals(0, (a[j] + b[j]) / 2, 1e-15);
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 2; j++) {
                // the pair's covariance: the mean of the halves' plus that of their means around the centre
                double pair = (sa[i * 2 + j] + sb[i * 2 + j]) / 2 + (a[i] * a[j] + b[i] * b[j]) / 2;
                assertEquals(MATRICES[0][i * 2 + j], pair, 1e-12);
            }
        }
        assertEquals(0.2, split.weight(0), 1e-15);
        assertArrayEquals(m.mean(1), split.mean(1));
    }
}
