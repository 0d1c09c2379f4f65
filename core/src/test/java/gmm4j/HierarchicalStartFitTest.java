// SPDX-License-Identifier: Apache-2.0
package gmm4j;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The {@link Initialization#HIERARCHICAL} start in fits and in a model selection, and the z-scored k-means start. */
class HierarchicalStartFitTest {
    private static Map<String, Object> selectionReference() {
        try (InputStream in = HierarchicalStartFitTest.class.getResourceAsStream("/mclust/hc-reference.json")) {
            return Json.object(Json.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)), "selection");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * With its defaults a selection over mclust's 14 models and K = 1..9 chooses on iris what
     * {@code Mclust(iris[, 1:4])} chooses (VEV, 2), with its BIC.
     */
    @Test
    void defaultSelectionOnIrisChoosesMclustsModel() {
        Map<String, Object> mclust = selectionReference();
        ModelSelection.Result result = ModelSelection.builder().components(1, 9).covariances(CovarianceType.values())
                .build().select(Dataset.of(Csv.resource("iris.csv", 4)));
        assertEquals(mclust.get("model"), result.best().covariance().mclustName(), result.best().toString());
        assertEquals((int) Json.number(mclust, "G"), result.best().components());
        // mclust's BIC is 2·log-likelihood − parameters·log n, ours its negative; its EM stops at a relative change of 1e-5
        assertEquals(-Json.number(mclust, "bic"), result.best().bic(), 0.05);
    }

    /** Restarts after the first try other starts and keep the best: never worse than the agglomeration's start alone. */
    @Test
    void restartsAreNeverWorseThanTheAgglomerationAlone() {
        for (String dataSet : new String[] {"iris", "faithful"}) {
            double[][] rows = Csv.resource(dataSet + ".csv", dataSet.equals("iris") ? 4 : 2);
            for (CovarianceType type : new CovarianceType[] {CovarianceType.FULL, CovarianceType.VEV, CovarianceType.EII}) {
                for (int k = 2; k <= 6; k++) {
                    GaussianMixture.Builder settings = GaussianMixture.builder().components(k).covariance(type)
                            .init(Initialization.HIERARCHICAL);
                    GaussianMixtureModel alone = settings.restarts(1).build().fit(rows);
                    GaussianMixtureModel best = settings.restarts(4).build().fit(rows);
                    String what = dataSet + " " + type + " K=" + k;
                    assertEquals(alone.meanLogLikelihood(), best.restarts().get(0).meanLogLikelihood(), 0, what);
                    assertTrue(best.meanLogLikelihood() >= alone.meanLogLikelihood(), what);
                }
            }
        }
    }

    /**
     * Two clusters apart in a column of small units, and a column of large units with no structure:
     * k-means on the z-scored columns finds the clusters, k-means in the data's units would cut the
     * large column.
     */
    @Test
    void kMeansStartStandardisesTheColumns() {
        SplittableRandom random = new SplittableRandom(3);
        double[][] rows = new double[400][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = new double[] {1000 * random.nextGaussian(), (i % 2 == 0 ? -1 : 1) + 0.1 * random.nextGaussian()};
        }
        GaussianMixtureModel start = GaussianMixture.builder().components(2).init(Initialization.KMEANS).seed(1).build()
                .initialize(Dataset.of(rows));
        double[][] means = start.means();
        assertEquals(2, Math.abs(means[0][1] - means[1][1]), 0.1, "the clusters' means in the small column");
    }

    /**
     * Above mclust's subset size the start agglomerates a subset drawn from the seed: the fit finds
     * the clusters, and the same seed gives the same fit.
     */
    @Test
    void largeDataStartFromTheSeedsSubset() {
        SplittableRandom random = new SplittableRandom(11);
        double[][] rows = new double[5000][];
        for (int i = 0; i < rows.length; i++) {
            int cluster = i % 3;
            rows[i] = new double[] {5 * cluster + random.nextGaussian(), 3 * (cluster % 2) + random.nextGaussian()};
        }
        GaussianMixture settings = GaussianMixture.builder().components(3).init(Initialization.HIERARCHICAL).seed(4).build();
        GaussianMixtureModel model = settings.fit(rows);
        double[] firstCoordinates = java.util.Arrays.stream(model.means()).mapToDouble(m -> m[0]).sorted().toArray();
        assertArrayEquals(new double[] {0, 5, 10}, firstCoordinates, 0.2);
        assertEquals(model.logLikelihood(), settings.fit(rows).logLikelihood(), 0);
    }

    /**
     * With categorical columns and missing values the agglomeration takes the complete rows' numeric
     * columns; with too few complete rows the start is k-means's. Neither fails, and both find
     * the clusters.
     */
    @Test
    void categoricalColumnsAndMissingValuesDoNotStopTheStart() {
        SplittableRandom random = new SplittableRandom(5);
        int n = 300;
        double[][] rows = new double[n][];
        int[][] codes = new int[n][];
        for (int i = 0; i < n; i++) {
            int cluster = i % 3;
            rows[i] = new double[] {4 * cluster + random.nextGaussian(), -4 * cluster + random.nextGaussian()};
            codes[i] = new int[] {random.nextDouble() < 0.8 ? cluster : random.nextInt(3)};
            if (i % 5 == 1) rows[i][i % 2] = Double.NaN;
        }
        GaussianMixture settings = GaussianMixture.builder().components(3).init(Initialization.HIERARCHICAL).build();
        GaussianMixtureModel model = settings.fit(Dataset.of(rows, null, codes, new int[] {3}));
        assertTrue(Double.isFinite(model.logLikelihood()));
        assertEquals(3, model.components());
        for (double[] mean : model.means()) {
            double nearest = Double.POSITIVE_INFINITY;
            for (int c = 0; c < 3; c++) nearest = Math.min(nearest, Math.hypot(mean[0] - 4 * c, mean[1] + 4 * c));
            assertTrue(nearest < 0.5, "a mean " + java.util.Arrays.toString(mean) + " far from every cluster's");
        }
        // two complete rows only: the agglomeration cannot give 3 clusters
        for (int i = 2; i < n; i++) if (!Double.isNaN(rows[i][0])) rows[i][1] = Double.NaN;
        GaussianMixtureModel fallback = settings.fit(Dataset.of(rows, null, codes, new int[] {3}));
        assertTrue(Double.isFinite(fallback.logLikelihood()));
    }
}
