// SPDX-License-Identifier: Apache-2.0
package gmm4j.internal;

import gmm4j.CovarianceType;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The spherical moments of a block from the E-step's squared distances against the per-axis moments
 * of the same block and weights: the same counts, first moments and spherical variances, for
 * dimensions with and without a ragged group of axes, the data far from the origin. Runs on the
 * scalar loops, and again on the vector path with its module.
 */
class SphericalMomentsTest {
    private static final int K = 3;
    private static final int ROWS = 203; // not a multiple of any vector's rows

    @Test
    void theDistancesGiveThePerAxisMomentsSpherically() {
        Random random = new Random(29);
        for (int d : new int[]{1, 3, 4, 6, 9}) {
            double[] weights = {0.2, 0.5, 0.3};
            double[][] means = new double[K][d], variances = new double[K][d * d];
            for (int c = 0; c < K; c++) {
                double v = 0.5 + random.nextDouble();
                for (int j = 0; j < d; j++) {
                    means[c][j] = 100 + 3 * random.nextGaussian();
                    variances[c][j * d + j] = v;
                }
            }
            Mixture mixture = Mixture.of(CovarianceType.SPHERICAL, weights, means, variances, new int[0], 0, RepairLog.IGNORE);
            double[][] xt = new double[d][Kernels.TILE_ROWS];
            for (int j = 0; j < d; j++) for (int b = 0; b < ROWS; b++) xt[j][b] = 100 + 4 * random.nextGaussian();
            BlockScratch s = new BlockScratch(K, d, Kernels.TILE_ROWS);
            s.vector = Parallel.VECTOR;
            s.readBlock(xt, null);
            s.distancesWanted = true;
            mixture.covariance.logJoint(xt, ROWS, mixture.flatMeans(), mixture.logWeights, s.byComponent, s);
            double[][] distances = s.squaredDistances(mixture.flatMeans());
            assertNotNull(distances, "kept for the moments");
            for (int c = 0; c < K; c++) {
                for (int b = 0; b < ROWS; b++) {
                    double expected = 0;
                    for (int j = 0; j < d; j++) expected += (xt[j][b] - means[c][j]) * (xt[j][b] - means[c][j]);
                    assertEquals(expected, distances[c][b], 1e-12 * expected, "d = " + d + ", distance " + c + ", " + b);
                }
            }
            // weights in place of the responsibilities, some rows without any
            for (int c = 0; c < K; c++) {
                for (int b = 0; b < ROWS; b++) s.byComponent[c][b] = random.nextInt(5) == 0 ? 0 : random.nextDouble();
            }
            SphericalMoments fromDistances = new SphericalMoments(K, d, mixture.flatMeans());
            fromDistances.addBlock(s, null, ROWS);
            AxisMoments perAxis = new AxisMoments(K, d, mixture.flatMeans());
            perAxis.addBlock(s, null, ROWS); // (reorders the weights in place: last)
            Covariance a = SphericalCovariance.MODEL.estimate(fromDistances, 0, 0, RepairLog.IGNORE);
            Covariance b = SphericalCovariance.MODEL.estimate(perAxis, 0, 0, RepairLog.IGNORE);
            for (int c = 0; c < K; c++) {
                assertEquals(perAxis.count[c], fromDistances.count[c], 1e-12 * perAxis.count[c]);
                for (int j = 0; j < d; j++) {
                    assertEquals(perAxis.sum[c][j], fromDistances.sum[c][j], 1e-12 * perAxis.count[c] * 100, "d = " + d + ", sum " + c);
                }
                double expected = b.matrix(c)[0];
                assertEquals(expected, a.matrix(c)[0], 1e-12 * expected, "d = " + d + ", variance " + c);
            }
            s.readBlock(xt, null);
            assertNull(s.squaredDistances(mixture.flatMeans()), "a new block in hand has none");
        }
    }
}
