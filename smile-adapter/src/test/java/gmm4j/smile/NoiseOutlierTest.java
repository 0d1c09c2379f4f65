// SPDX-License-Identifier: Apache-2.0
package gmm4j.smile;

import gmm4j.CovarianceType;
import gmm4j.Initialization;
import gmm4j.smile.GaussianMixtureClustering.Options;
import org.junit.jupiter.api.Test;
import smile.clustering.Clustering;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link Options#noise()}: a row the noise component explains best is Smile's {@link Clustering#OUTLIER}. */
class NoiseOutlierTest {
    /** Two N(0, I) blobs of 300 rows at (0, 0) and (6, −6), and one row at (1000, 0), last. */
    static double[][] blobsAndOutlier() {
        Random random = new Random(1);
        double[][] rows = new double[601][];
        for (int i = 0; i < 600; i++) {
            double shift = i < 300 ? 0 : 6;
            rows[i] = new double[]{shift + random.nextGaussian(), -shift + random.nextGaussian()};
        }
        rows[600] = new double[]{1000, 0};
        return rows;
    }

    @Test
    void theOutlierIsLabelledOutlierAndThePosteriorHasTheNoiseLast() {
        double[][] rows = blobsAndOutlier();
        Options options = new Options(2, CovarianceType.FULL, 100, 1E-3, 1E-6, 1, Initialization.KMEANS, 3, 1, null, true, false);
        GaussianMixtureClustering model = GaussianMixtureClustering.fit(rows, options);
        assertEquals(2, model.k());
        assertEquals(Clustering.OUTLIER, model.group(600));
        assertEquals(Clustering.OUTLIER, model.predict(rows[600]));
        assertEquals(1, model.size()[2], "Smile counts the outlier apart");
        int first = model.group(0), second = model.group(300);
        assertTrue(first != second && first < 2 && second < 2);
        for (int i = 0; i < 600; i++) assertEquals(i < 300 ? first : second, model.group(i), "row " + i);
        double[] posteriori = new double[3];
        assertEquals(Clustering.OUTLIER, model.predict(rows[600], posteriori));
        assertEquals(1, posteriori[2], 1e-12);
        assertEquals(3, model.posteriori(rows[0]).length);
        assertThrows(IllegalArgumentException.class, () -> model.predict(rows[0], new double[2]));
        assertTrue(model.noiseWeight() > 0 && model.noiseWeight() < 2.0 / 601);
        assertEquals(1, model.noiseWeight() + model.weights()[0] + model.weights()[1], 1e-12);
    }
}
