// SPDX-License-Identifier: Apache-2.0
package gmm4j.internal;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The full-covariance E-step that skips the log-joints its bounds rule out: what it skips must lie
 * beyond the exponential's cut, what it computes must be the unbounded E-step's value to the bit, and
 * the responsibilities and log-likelihood the E-step makes of them must be the same to the bit; with
 * the means folded into the products and, far from the origin, without.
 */
class BoundedLogJointTest {
    /** Not a multiple of the panel width, above the dimension the bounds start at. */
    private static final int D = 37;
    private static final int K = 6;

    /**
     * A block of rows between the components, their log-joints with and without the bounds, from the
     * block read as a pass reads it, transposed from row-major data (where the vector path takes the
     * listed rows from that data). Everything {@code offset} from the origin: far from it, the means
     * are not folded into the products. Rows near the first component alone: a whole block's rows are
     * computed for one component.
     */
    private static final class Block {
        final int rows = 256;
        final double[][] bounded = new double[K][rows];
        final double[][] plain = new double[K][rows];

        Block(double offset, boolean nearFirst) {
            Random random = new Random(11);
            double[][] means = clusterMeans(random);
            double[] data = new double[rows * D];
            for (int b = 0; b < rows; b++) {
                double[] x = nearFirst ? nearFirst(means, random) : between(means, random);
                for (int j = 0; j < D; j++) x[j] += offset;
                System.arraycopy(x, 0, data, b * D, D);
            }
            for (double[] mean : means) for (int j = 0; j < D; j++) mean[j] += offset;
            BlockScratch read = scratch();
            for (int b = 0; b < rows; b++) read.blockRows[b] = rows - 1 - b; // rows not in the data's order
            double[] reversed = new double[rows * D];
            for (int b = 0; b < rows; b++) System.arraycopy(data, b * D, reversed, (rows - 1 - b) * D, D);
            read.transposeBlock(reversed, D, rows, null);
            double[][] covariances = new double[K][];
            for (int c = 0; c < K; c++) covariances[c] = randomCovariance(random);
            Covariance covariance = FullCovariance.MODEL.fromMatrices(D, covariances, 1e-10, RepairLog.IGNORE);
            double[] flatMeans = new double[K * D];
            for (int c = 0; c < K; c++) System.arraycopy(means[c], 0, flatMeans, c * D, D);
            double[] logWeights = new double[K];
            for (int c = 0; c < K; c++) logWeights[c] = Math.log((c + 1.0) / (K * (K + 1) / 2.0));
            covariance.logJoint(read.xt, rows, flatMeans, logWeights, bounded, read);
            covariance.logJointOfEvery(read.xt, rows, flatMeans, logWeights, plain, read);
        }
    }

    /** The blocks the tests take: means folded in or not, rows between the components or near the first. */
    private static List<Block> blocks() {
        return List.of(new Block(0, false), new Block(1e5, false), new Block(0, true), new Block(1e5, true));
    }

    /** A block's scratch with the kernels a pass would use here: the vector path's when the test runs with its module. */
    private static BlockScratch scratch() {
        BlockScratch s = new BlockScratch(K, D, Kernels.TILE_ROWS);
        s.vector = Parallel.VECTOR;
        return s;
    }

    @Test
    void skipsOnlyLogJointsBeyondTheCutAndComputesTheRestExactly() {
        for (Block block : blocks()) skipsOnlyLogJointsBeyondTheCutAndComputesTheRestExactly(block);
    }

    private static void skipsOnlyLogJointsBeyondTheCutAndComputesTheRestExactly(Block block) {
        int rows = block.rows;
        double[][] bounded = block.bounded, plain = block.plain;

        int skipped = 0;
        for (int b = 0; b < rows; b++) {
            double best = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < K; c++) best = Math.max(best, plain[c][b]);
            for (int c = 0; c < K; c++) {
                if (bounded[c][b] == Double.NEGATIVE_INFINITY) {
                    skipped++;
                    assertTrue(plain[c][b] - best < Exponentials.CUT, "row " + b + ", component " + c + " skipped within reach");
                } else {
                    assertEquals(plain[c][b], bounded[c][b], 0.0, "row " + b + ", component " + c);
                }
            }
        }
        assertTrue(skipped > rows, "the bounds should rule out most far components, skipped " + skipped);
        assertTrue(skipped < (K - 1) * rows, "some rows lie between two near components, skipped " + skipped);
    }

    @Test
    void theEStepMakesTheSameResponsibilitiesOfThemToTheBit() {
        for (Block block : blocks()) theEStepMakesTheSameResponsibilitiesOfThemToTheBit(block);
    }

    private static void theEStepMakesTheSameResponsibilitiesOfThemToTheBit(Block block) {
        int rows = block.rows;
        Table t = new Table(rows, D, new double[rows * D], null, 0, new int[0], new int[0]);
        double[][] weighted = new double[2][];
        double[] logLikelihood = new double[2];
        for (int variant = 0; variant < 2; variant++) {
            BlockScratch s = new BlockScratch(K, D, rows);
            for (int c = 0; c < K; c++) s.byComponent[c] = (variant == 0 ? block.bounded : block.plain)[c].clone();
            for (int b = 0; b < rows; b++) s.blockRows[b] = b;
            Likelihood likelihood = new Likelihood();
            Posteriors.normaliseBlock(s, t, K, rows, likelihood, true, false);
            weighted[variant] = new double[K * rows];
            for (int c = 0; c < K; c++) System.arraycopy(s.byComponent[c], 0, weighted[variant], c * rows, rows);
            logLikelihood[variant] = likelihood.logLikelihood();
        }
        assertArrayEquals(weighted[1], weighted[0], 0.0);
        assertEquals(logLikelihood[1], logLikelihood[0], 0.0);
        assertTrue(Double.isFinite(logLikelihood[0]));
    }

    /** Means on a line, neighbours about 17 apart, so that a row sees two or three components within reach and the rest far. */
    private static double[][] clusterMeans(Random random) {
        double[][] means = new double[K][D];
        for (int c = 0; c < K; c++) {
            for (int j = 0; j < D; j++) means[c][j] = 2.85 * c + 0.1 * random.nextGaussian();
        }
        return means;
    }

    /**
     * A row somewhere between two neighbouring means, plus noise: the gap between their log-joints
     * runs continuously over about ±150, through the cut and the bound's margin.
     */
    private static double[] between(double[][] means, Random random) {
        int a = random.nextInt(K - 1);
        double t = random.nextDouble();
        double[] x = new double[D];
        for (int j = 0; j < D; j++) x[j] = means[a][j] + t * (means[a + 1][j] - means[a][j]) + 0.3 * random.nextGaussian();
        return x;
    }

    /** A row near the first mean, within a fifth of the way to the second. */
    private static double[] nearFirst(double[][] means, Random random) {
        double t = 0.2 * random.nextDouble();
        double[] x = new double[D];
        for (int j = 0; j < D; j++) x[j] = means[0][j] + t * (means[1][j] - means[0][j]) + 0.3 * random.nextGaussian();
        return x;
    }

    private static double[] randomCovariance(Random random) {
        double[] a = new double[D * D];
        for (int i = 0; i < D * D; i++) a[i] = random.nextGaussian() / Math.sqrt(D);
        double[] s = new double[D * D];
        for (int i = 0; i < D; i++) {
            for (int j = 0; j < D; j++) {
                double v = i == j ? 1 : 0;
                for (int t = 0; t < D; t++) v += 0.5 * a[i * D + t] * a[j * D + t];
                s[i * D + j] = v;
            }
        }
        return s;
    }

    private static double[][] identity(double scale) {
        double[][] m = new double[D][D];
        for (int j = 0; j < D; j++) m[j][j] = scale;
        return m;
    }
}
