// SPDX-License-Identifier: Apache-2.0
package weka.clusterers;

import gmm4j.CovarianceType;
import gmm4j.Criterion;
import gmm4j.Dataset;
import gmm4j.GaussianMixtureModel;
import gmm4j.Initialization;
import gmm4j.ModelSelection;
import org.junit.jupiter.api.Test;
import weka.core.Attribute;
import weka.core.DenseInstance;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.Utils;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The clusterer is a translation layer: on the same data and settings it must give exactly the
 * engine's model, posteriors and densities. The engine's data set is built here by hand, not by
 * the plugin's converter, so a conversion bug shows.
 */
class SameAsCoreTest {

    @Test
    void fixedKMatchesTheEngineBitForBit() throws Exception {
        Instances iris = TestData.irisWithoutClass();
        GaussianMixture clusterer = TestData.built("-N 3 -C tied -init kmeans++ -n-init 2 -I 80 -tol 1e-4 -reg 1e-5 -S 7", iris);

        GaussianMixtureModel core = gmm4j.GaussianMixture.builder().components(3).covariance(CovarianceType.TIED)
                .init(Initialization.KMEANS_PLUS_PLUS).restarts(2).maxIterations(80).tolerance(1e-4)
                .regularization(1e-5).seed(7).build().fit(Dataset.of(numericRows(iris)));

        assertSameModel(core, clusterer.getModel());
        for (int i = 0; i < iris.numInstances(); i++) {
            double[] x = numericRows(iris)[i];
            assertArrayEquals(core.posterior(x), clusterer.distributionForInstance(iris.instance(i)), 0.0);
            assertEquals(core.logDensity(x), clusterer.logDensityForInstance(iris.instance(i)), 0.0);
            assertEquals(core.predict(x), clusterer.clusterInstance(iris.instance(i)));
        }
        assertArrayEquals(core.weights(), clusterer.clusterPriors(), 0.0);
        assertEquals(3, clusterer.numberOfClusters());
    }

    @Test
    void theHierarchicalStartIsTheEnginesToo() throws Exception {
        Instances iris = TestData.irisWithoutClass();
        GaussianMixture clusterer = TestData.built("-N 2 -C full -init hierarchical -n-init 3 -S 7", iris);

        GaussianMixtureModel core = gmm4j.GaussianMixture.builder().components(2).init(Initialization.HIERARCHICAL)
                .restarts(3).seed(7).build().fit(Dataset.of(numericRows(iris)));

        assertEquals(Initialization.HIERARCHICAL, clusterer.engineSettings().init());
        assertSameModel(core, clusterer.getModel());
    }

    @Test
    void automaticChoiceMatchesTheEnginesModelSelection() throws Exception {
        Instances faithful = TestData.arff("faithful.arff");
        GaussianMixture clusterer = TestData.built("-N -1 -min 1 -max 5 -C auto -criterion icl", faithful);

        ModelSelection.Result core = ModelSelection.builder().components(1, 5).covariances(CovarianceType.scikitLearnTypes())
                .criterion(Criterion.ICL)
                .settings(gmm4j.GaussianMixture.builder().init(ModelSelection.DEFAULT_INIT).restarts(3).seed(100).threads(1).build())
                .build().select(Dataset.of(numericRows(faithful)));

        assertSameModel(core.model(), clusterer.getModel());
        assertEquals(core.best().components(), clusterer.numberOfClusters());
    }

    /** On 3 000 instances, -screening 500 fits the candidates on a sample, as the engine's screeningRows(500) does. */
    @Test
    void screeningReachesTheEngine() throws Exception {
        Random random = new Random(11);
        ArrayList<Attribute> attributes = new ArrayList<>(List.of(new Attribute("x"), new Attribute("y")));
        Instances data = new Instances("three-blobs", attributes, 3000);
        for (int i = 0; i < 3000; i++) {
            int c = i % 3;
            data.add(new DenseInstance(1.0, new double[]{6 * c + random.nextGaussian(), -4 * c + random.nextGaussian()}));
        }
        GaussianMixture clusterer = TestData.built("-N -1 -max 5 -screening 500", data);

        ModelSelection.Result core = ModelSelection.builder().components(1, 5).screeningRows(500)
                .settings(gmm4j.GaussianMixture.builder().init(ModelSelection.DEFAULT_INIT).restarts(3).seed(100).threads(1).build())
                .build().select(Dataset.of(numericRows(data)));
        ModelSelection.Result exhaustive = ModelSelection.builder().components(1, 5).screeningRows(0)
                .settings(gmm4j.GaussianMixture.builder().init(ModelSelection.DEFAULT_INIT).restarts(3).seed(100).threads(1).build())
                .build().select(Dataset.of(numericRows(data)));

        assertSameModel(core.model(), clusterer.getModel());
        assertEquals(3, clusterer.numberOfClusters());
        // screening changed how the candidates it ruled out were fitted (K = 1: its sample fit), not the choice
        assertTrue(core.scores().get(0).logLikelihood() != exhaustive.scores().get(0).logLikelihood());
        assertEquals(exhaustive.best(), core.best());
    }

    @Test
    void missingValuesNominalsAndWeightsReachTheEngineAsSuch() throws Exception {
        Instances data = mixedData(new Random(3), 120);
        GaussianMixture clusterer = TestData.built("-N 2 -C diagonal", data);

        int n = data.numInstances();
        double[][] rows = new double[n][];
        int[][] codes = new int[n][];
        double[] weights = new double[n];
        for (int i = 0; i < n; i++) {
            Instance in = data.instance(i);
            rows[i] = new double[]{numeric(in, 0), numeric(in, 2)};
            codes[i] = new int[]{in.isMissing(1) ? -1 : (int) in.value(1)};
            weights[i] = in.weight();
        }
        GaussianMixtureModel core = gmm4j.GaussianMixture.builder().components(2).covariance(CovarianceType.DIAGONAL)
                .restarts(3).seed(100).threads(1).build()
                .fit(Dataset.of(rows, weights, codes, new int[]{3}));

        assertSameModel(core, clusterer.getModel());
        assertArrayEquals(flat(core.levelProbabilities()), flat(clusterer.getModel().levelProbabilities()), 0.0);
        for (int i = 0; i < n; i++) {
            assertArrayEquals(core.posterior(rows[i], codes[i]), clusterer.distributionForInstance(data.instance(i)), 0.0);
            assertEquals(core.logDensity(rows[i], codes[i]), clusterer.logDensityForInstance(data.instance(i)), 0.0);
        }
    }

    @Test
    void perClusterDensitiesAreConsistentWithTheMixtureDensity() throws Exception {
        Instances data = mixedData(new Random(5), 150);
        GaussianMixture clusterer = TestData.built("-N 3", data);
        double[] priors = clusterer.clusterPriors();
        for (int i = 0; i < data.numInstances(); i++) {
            Instance in = data.instance(i);
            double[] perCluster = clusterer.logDensityPerClusterForInstance(in);
            for (double v : perCluster) assertTrue(Double.isFinite(v), "log p(x | c) must be finite: " + v);
            double[] joint = new double[perCluster.length];
            for (int c = 0; c < joint.length; c++) joint[c] = perCluster[c] + Math.log(priors[c]);
            // Weka's own log-sum-exp over the joint densities must give the engine's log p(x).
            double max = joint[Utils.maxIndex(joint)];
            double sum = 0;
            for (double j : joint) sum += Math.exp(j - max);
            assertEquals(clusterer.logDensityForInstance(in), max + Math.log(sum), 1e-9);
        }
    }

    /** Two numeric attributes (one with missing values) and a nominal one, with varied weights. */
    static Instances mixedData(Random random, int n) {
        ArrayList<Attribute> attributes = new ArrayList<>();
        attributes.add(new Attribute("a"));
        attributes.add(new Attribute("colour", List.of("red", "green", "blue")));
        attributes.add(new Attribute("b"));
        Instances data = new Instances("mixed", attributes, n);
        for (int i = 0; i < n; i++) {
            boolean second = i % 2 == 1;
            double[] v = {
                    random.nextGaussian() + (second ? 6 : 0),
                    second ? (random.nextDouble() < 0.8 ? 2 : 0) : (random.nextDouble() < 0.8 ? 0 : 1),
                    random.nextGaussian() * 2 + (second ? -4 : 3)};
            Instance instance = new DenseInstance(1 + random.nextInt(3), v);
            if (i % 7 == 3) instance.setMissing(2);
            if (i % 11 == 5) instance.setMissing(1);
            data.add(instance);
        }
        return data;
    }

    private static double numeric(Instance in, int attribute) {
        return in.isMissing(attribute) ? Double.NaN : in.value(attribute);
    }

    static double[][] numericRows(Instances data) {
        double[][] rows = new double[data.numInstances()][];
        for (int i = 0; i < rows.length; i++) rows[i] = data.instance(i).toDoubleArray();
        return rows;
    }

    private static void assertSameModel(GaussianMixtureModel expected, GaussianMixtureModel actual) {
        assertEquals(expected.components(), actual.components());
        assertEquals(expected.covarianceType(), actual.covarianceType());
        assertArrayEquals(expected.weights(), actual.weights(), 0.0);
        assertArrayEquals(flat(expected.means()), flat(actual.means()), 0.0);
        assertArrayEquals(flat(expected.covariances()), flat(actual.covariances()), 0.0);
        assertEquals(expected.logLikelihood(), actual.logLikelihood(), 0.0);
        assertEquals(expected.iterations(), actual.iterations());
    }

    private static double[] flat(Object array) {
        List<Double> out = new ArrayList<>();
        flatten(array, out);
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static void flatten(Object array, List<Double> out) {
        if (array instanceof double[] d) {
            for (double v : d) out.add(v);
        } else {
            for (Object o : (Object[]) array) flatten(o, out);
        }
    }
}
