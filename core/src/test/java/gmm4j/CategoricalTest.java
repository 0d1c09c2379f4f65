// SPDX-License-Identifier: Apache-2.0
package gmm4j;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Categorical columns: per-component level probabilities, combined with the Gaussian part. */
class CategoricalTest {
    /**
     * Two clusters with the same numeric distribution, told apart only by three categorical columns
     * (three, because a mixture of fewer independent categorical columns is not identifiable).
     */
    @Test
    void categoricalColumnsSeparateClustersTheNumbersCannot() {
        Random random = new Random(5);
        int n = 3000;
        double[][] rows = new double[n][1];
        int[][] codes = new int[n][3];
        for (int i = 0; i < n; i++) {
            boolean first = i % 2 == 0;
            rows[i][0] = random.nextGaussian();
            for (int j = 0; j < 3; j++) {
                double u = random.nextDouble();
                codes[i][j] = first ? (u < 0.9 ? 0 : u < 0.95 ? 1 : 2) : (u < 0.9 ? 2 : u < 0.95 ? 1 : 0);
                if ((i + j) % 50 == 7) codes[i][j] = -1; // missing
            }
        }
        Dataset data = Dataset.of(rows, null, codes, new int[]{3, 3, 3});
        GaussianMixtureModel model = GaussianMixture.builder().components(2).restarts(3).seed(1).build().fit(data);
        double[][][] p = model.levelProbabilities();
        int a = p[0][0][0] > p[1][0][0] ? 0 : 1;
        for (int j = 0; j < 3; j++) {
            assertEquals(0.9, p[a][j][0], 0.03);
            assertEquals(0.9, p[1 - a][j][2], 0.03);
            assertEquals(1.0, p[a][j][0] + p[a][j][1] + p[a][j][2], 1e-12);
        }
        int[] labels = model.predict(data);
        int right = 0;
        for (int i = 0; i < n; i++) if ((labels[i] == a) == (i % 2 == 0)) right++;
        assertTrue(right > 0.95 * n, "right " + right);
        // free parameters: 1 weight + 2 means + 2 variances + 2 × 3 × (3 − 1) level probabilities
        assertEquals(17, model.parameterCount());
        assertEquals(-2 * model.logLikelihood() + 17 * Math.log(n), model.bic(), 1e-9);
        // with every code missing a row follows the weights; with codes it follows the codes
        assertEquals(a, model.predict(new double[]{0.1}, new int[]{0, 0, -1}));
        assertEquals(1 - a, model.predict(new double[]{0.1}, new int[]{2, -1, 2}));
    }

    @Test
    void purelyCategoricalDataCanBeFitted() {
        int n = 600;
        double[][] rows = new double[n][0];
        int[][] codes = new int[n][2];
        Random random = new Random(9);
        for (int i = 0; i < n; i++) {
            boolean first = i < n / 2;
            codes[i][0] = first ? (random.nextDouble() < 0.95 ? 0 : 1) : (random.nextDouble() < 0.95 ? 1 : 0);
            codes[i][1] = first ? (random.nextDouble() < 0.95 ? 0 : 1) : (random.nextDouble() < 0.95 ? 1 : 0);
        }
        GaussianMixtureModel model = GaussianMixture.builder().components(2).restarts(5).seed(2).build()
                .fit(Dataset.of(rows, null, codes, new int[]{2, 2}));
        assertEquals(0.5, model.weights()[0], 0.05);
        double[][][] p = model.levelProbabilities();
        assertTrue(Math.max(p[0][0][0], p[1][0][0]) > 0.9);
    }
}
