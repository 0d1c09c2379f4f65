// SPDX-License-Identifier: Apache-2.0
package gmm4j.spark;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Comparator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** initMode "k-means||": deterministic for a seed, and on separated clusters the core's optimum. */
class KMeansParallelTest extends WithSpark {
    @Test
    void reachesTheCoresOptimumOnSeparatedDataDeterministically() {
        LocalSpark.Rows rows = LocalSpark.clusters(1500, 3, 4, 0.05, 31);
        Dataset<Row> frame = LocalSpark.frame(spark, rows, 3);
        GaussianMixture estimator = new GaussianMixture().setK(4).setInitMode("k-means||").setTol(1e-6).setSeed(8)
                .setWeightCol("weight");
        GaussianMixtureModel first = estimator.fit(frame);
        GaussianMixtureModel second = estimator.fit(frame);
        gmm4j.GaussianMixtureModel core = estimator.toCoreSettings().fit(rows.core(true));

        assertArrayEquals(first.toCoreModel().means(), second.toCoreModel().means());
        assertEquals(first.summary().logLikelihood(), second.summary().logLikelihood());
        assertEquals(core.logLikelihood(), first.summary().logLikelihood(), 1e-6 * Math.abs(core.logLikelihood()));
        double[][] expected = sorted(core.means());
        double[][] actual = sorted(first.toCoreModel().means());
        for (int c = 0; c < 4; c++) assertArrayEquals(expected[c], actual[c], 1e-4, "mean " + c);
    }

    @Test
    void theStartIsAnotherForAnotherSeed() {
        LocalSpark.Rows rows = LocalSpark.clusters(600, 2, 3, 0, 5);
        Dataset<Row> frame = LocalSpark.frame(spark, rows, 2);
        GaussianMixture estimator = new GaussianMixture().setK(3).setInitMode("K-Means||").setInitSteps(3).setMaxIter(1);
        double[][] one = estimator.setSeed(1).fit(frame).toCoreModel().means();
        double[][] other = estimator.setSeed(2).fit(frame).toCoreModel().means();
        assertEquals(false, Arrays.deepEquals(one, other));
    }

    private static double[][] sorted(double[][] means) {
        double[][] copy = means.clone();
        Arrays.sort(copy, Comparator.comparingDouble(m -> m[0]));
        return copy;
    }
}
