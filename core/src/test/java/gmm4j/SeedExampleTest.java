// SPDX-License-Identifier: Apache-2.0
package gmm4j;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The seed document's worked example: two 2-D Gaussians, K=2, full covariance, 100 iterations. */
class SeedExampleTest {
    static final double[][] SKLEARN_MEANS = {{4.038, 3.017}, {2.010, 5.015}};

    @Test
    void recoversScikitLearnsMeans() {
        double[][] rows = Csv.resource("seed-example.csv", 2);
        GaussianMixtureModel model = GaussianMixture.builder().components(2).covariance(CovarianceType.FULL)
                .maxIterations(100).build().fit(rows);
        double[][] means = model.means();
        // components come in no fixed order: match each to its nearest reference mean
        int first = Math.abs(means[0][0] - SKLEARN_MEANS[0][0]) < Math.abs(means[1][0] - SKLEARN_MEANS[0][0]) ? 0 : 1;
        for (int c = 0; c < 2; c++) {
            double[] ours = means[c == 0 ? first : 1 - first];
            assertEquals(SKLEARN_MEANS[c][0], ours[0], 0.05);
            assertEquals(SKLEARN_MEANS[c][1], ours[1], 0.05);
        }
        assertTrue(model.converged());
        // the labels split the data as generated: the first 1000 rows from one component
        int[] labels = model.predict(Dataset.of(rows));
        int agree = 0;
        for (int i = 0; i < rows.length; i++) if (labels[i] == (i < 1000 ? labels[0] : 1 - labels[0])) agree++;
        assertTrue(agree > 0.97 * rows.length, "agreement " + agree);
    }
}
