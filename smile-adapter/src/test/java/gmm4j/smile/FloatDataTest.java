// SPDX-License-Identifier: Apache-2.0
package gmm4j.smile;

import gmm4j.CovarianceType;
import gmm4j.Initialization;
import gmm4j.smile.GaussianMixtureClustering.Options;
import org.junit.jupiter.api.Test;
import smile.math.MathEx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The {@code float[][]} overloads, as Smile 6's KMeans has: the same model as the doubles of the same values. */
class FloatDataTest {
    /** The seed example rounded to floats, with one missing value. */
    private static float[][] floats() {
        double[][] rows = TestData.seedExample();
        float[][] data = new float[rows.length][];
        for (int i = 0; i < rows.length; i++) data[i] = new float[]{(float) rows[i][0], (float) rows[i][1]};
        data[7][1] = Float.NaN;
        return data;
    }

    /** The same values as doubles. */
    private static double[][] doubles(float[][] data) {
        double[][] rows = new double[data.length][];
        for (int i = 0; i < data.length; i++) rows[i] = new double[]{data[i][0], data[i][1]};
        return rows;
    }

    private static void assertSameModel(GaussianMixtureClustering expected, GaussianMixtureClustering actual) {
        assertArrayEquals(expected.weights(), actual.weights());
        assertArrayEquals(expected.means(), actual.means());
        assertArrayEquals(expected.covariances(), actual.covariances());
        assertEquals(expected.logLikelihood(), actual.logLikelihood());
        assertArrayEquals(expected.group(), actual.group());
    }

    @Test
    void floatRowsFitTheModelOfTheSameValuesAsDoubles() {
        float[][] data = floats();
        double[][] rows = doubles(data);
        Options options = new Options(2, CovarianceType.DIAGONAL, 100, 1e-3, 1e-6, 2, Initialization.KMEANS_PLUS_PLUS, 5, 1, null);
        GaussianMixtureClustering fromFloats = GaussianMixtureClustering.fit(data, options);
        assertSameModel(GaussianMixtureClustering.fit(rows, options), fromFloats);
        // The doubles of the unrounded file are other values: a model that ignored the floats would fail.
        assertNotEquals(GaussianMixtureClustering.fit(TestData.seedExample(), options).logLikelihood(),
                fromFloats.logLikelihood());

        MathEx.setSeed(3);
        GaussianMixtureClustering byK = GaussianMixtureClustering.fit(data, 2);
        MathEx.setSeed(3);
        assertSameModel(GaussianMixtureClustering.fit(rows, 2), byK);
    }

    @Test
    void floatPredictionIsThePredictionOfTheSameValues() {
        float[][] data = floats();
        GaussianMixtureClustering model = GaussianMixtureClustering.fit(data, new Options(2, CovarianceType.FULL,
                100, 1e-3, 1e-6, 1, Initialization.KMEANS, 9, 1, null));
        int[] counts = new int[2];
        for (float[] x : data) {
            double[] same = {x[0], x[1]};
            assertEquals(model.predict(same), model.predict(x));
            counts[model.predict(x)]++;
        }
        assertEquals(data.length, counts[0] + counts[1]);
        assertNotEquals(0, counts[0] * counts[1], "both components predicted");
        assertThrows(NullPointerException.class, () -> model.predict((float[]) null));
        assertThrows(IllegalArgumentException.class, () -> model.predict(new float[]{1f}));
    }
}
