// SPDX-License-Identifier: Apache-2.0
package gmm4j.internal;

import gmm4j.CovarianceType;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@link Mixture#restore} takes the matrices as they are and reports any that would need jitter. */
class MixtureRestoreTest {
    @Test
    void aMatrixThatNeedsJitterIsReportedForEveryType() {
        double[][] notPositiveDefinite = {{1, 2, 2, 1}, {1, 2, 2, 1}};
        double[][] zeroVariance = {{0, 0, 0, 0}, {1, 0, 0, 1}};
        assertEquals(List.of(0, 1), jitteredComponents(CovarianceType.FULL, notPositiveDefinite));
        assertEquals(List.of(-1), jitteredComponents(CovarianceType.TIED, notPositiveDefinite));
        assertEquals(List.of(0), jitteredComponents(CovarianceType.DIAGONAL, zeroVariance));
        assertEquals(List.of(0), jitteredComponents(CovarianceType.SPHERICAL, zeroVariance));
    }

    @Test
    void positiveDefiniteMatricesAreKeptToTheBit() {
        double[][] matrices = {{0.1, 0.03, 0.03, 0.7}, {0.3, -0.01, -0.01, 0.2}};
        for (CovarianceType type : CovarianceType.values()) {
            double[][] given = switch (type) {
                // the constrained models' restrictions hold only to rounding: they are restored as given
                case FULL, VEE, EVE, VVE, EEV, VEV, EVV -> matrices;
                case TIED -> new double[][]{matrices[0], matrices[0]};
                case DIAGONAL, VEI, EVI -> new double[][]{{0.1, 0, 0, 0.7}, {0.3, 0, 0, 0.2}};
                case EEI -> new double[][]{{0.1, 0, 0, 0.7}, {0.1, 0, 0, 0.7}};
                case SPHERICAL -> new double[][]{{0.1, 0, 0, 0.1}, {0.3, 0, 0, 0.3}};
                case EII -> new double[][]{{0.3, 0, 0, 0.3}, {0.3, 0, 0, 0.3}};
            };
            Mixture m = restore(type, given, RepairLog.IGNORE);
            for (int c = 0; c < 2; c++) assertArrayEquals(given[c], m.covariance.matrix(c), type.toString());
        }
    }

    private static List<Integer> jitteredComponents(CovarianceType type, double[][] matrices) {
        List<Integer> jittered = new ArrayList<>();
        restore(type, matrices, new RepairLog() {
            @Override
            public void jitter(int component, double amount) {
                jittered.add(component);
            }

            @Override
            public void reseeded(int component, int row, double mass) {
                throw new AssertionError("no re-seeding while restoring");
            }

            @Override
            public void notReseeded(int component, int row, double mass) {
                throw new AssertionError("no re-seeding while restoring");
            }
        });
        return jittered;
    }

    private static Mixture restore(CovarianceType type, double[][] matrices, RepairLog log) {
        return Mixture.restore(type, new double[]{0.5, 0.5}, new double[][]{{0, 0}, {1, 1}}, matrices, new int[0],
                new double[0], null, 0, log);
    }
}
