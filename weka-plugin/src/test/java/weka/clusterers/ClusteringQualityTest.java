// SPDX-License-Identifier: Apache-2.0
package weka.clusterers;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import weka.core.Attribute;
import weka.core.DenseInstance;
import weka.core.Instances;
import weka.core.Utils;

import java.util.ArrayList;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Known truths: iris's species, and the number of components of data drawn from a known mixture. */
class ClusteringQualityTest {

    @Test
    void irisWithThreeFullClustersBeatsWekasEm() throws Exception {
        GaussianMixture ours = new GaussianMixture();
        ours.setOptions(Utils.splitOptions("-N 3 -C full"));
        EM em = new EM();
        em.setOptions(Utils.splitOptions("-N 3"));

        double oursWrong = misclusteredFraction(ours);
        double emWrong = misclusteredFraction(em);

        assertTrue(oursWrong <= 0.05, "GaussianMixture mis-clusters " + oursWrong + " of iris, more than 5%");
        assertTrue(oursWrong < emWrong, "GaussianMixture (" + oursWrong + ") not better than EM (" + emWrong + ")");
    }

    /** Classes-to-clusters evaluation as the Explorer and {@code -c last} do it: built without the class. */
    private static double misclusteredFraction(Clusterer clusterer) throws Exception {
        clusterer.buildClusterer(TestData.irisWithoutClass());
        Instances iris = TestData.arff("iris.arff");
        iris.setClassIndex(iris.numAttributes() - 1);
        ClusterEvaluation evaluation = new ClusterEvaluation();
        evaluation.setClusterer(clusterer);
        evaluation.evaluateClusterer(iris);
        Matcher m = Pattern.compile("Incorrectly clustered instances :\\s*([0-9.]+)").matcher(evaluation.clusterResultsToString());
        assertTrue(m.find(), evaluation.clusterResultsToString());
        return Double.parseDouble(m.group(1)) / iris.numInstances();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-criterion aic -max 6", "-criterion icl", "-C auto -max 6", "-criterion cv -X 5 -max 5"})
    void automaticKFindsTheTrueNumberOfComponents(String options) throws Exception {
        GaussianMixture clusterer = new GaussianMixture();
        clusterer.setOptions(Utils.splitOptions(options));
        clusterer.buildClusterer(threeGaussians(new Random(11), 200));
        assertEquals(3, clusterer.numberOfClusters(), clusterer.toString());
    }

    /** Three 2-D Gaussians, well apart, with different shapes and sizes. */
    static Instances threeGaussians(Random random, int perComponent) {
        ArrayList<Attribute> attributes = new ArrayList<>();
        attributes.add(new Attribute("x"));
        attributes.add(new Attribute("y"));
        Instances data = new Instances("three-gaussians", attributes, 3 * perComponent);
        double[][] centres = {{0, 0}, {8, 0}, {4, 9}};
        double[][] scales = {{1, 1}, {0.5, 2}, {1.5, 0.7}};
        for (int c = 0; c < 3; c++) {
            for (int i = 0; i < perComponent; i++) {
                double u = random.nextGaussian();
                double v = random.nextGaussian();
                data.add(new DenseInstance(1, new double[]{
                        centres[c][0] + scales[c][0] * u, centres[c][1] + scales[c][1] * (0.6 * u + 0.8 * v)}));
            }
        }
        return data;
    }
}
