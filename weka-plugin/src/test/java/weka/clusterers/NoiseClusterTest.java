// SPDX-License-Identifier: Apache-2.0
package weka.clusterers;

import org.junit.jupiter.api.Test;
import weka.core.Attribute;
import weka.core.DenseInstance;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.Utils;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code -noise}: the noise component is the last cluster, K, named "noise" in the report; an
 * outlier goes there, the blobs each to a cluster of their own, and Weka's ClusterEvaluation counts it.
 */
class NoiseClusterTest {
    /** Two N(0, I) blobs of 300 instances at (0, 0) and (6, −6), and one instance at (1000, 0), last. */
    static Instances blobsAndOutlier() {
        ArrayList<Attribute> attributes = new ArrayList<>(List.of(new Attribute("x"), new Attribute("y")));
        Instances data = new Instances("blobs", attributes, 601);
        Random random = new Random(1);
        for (int i = 0; i < 600; i++) {
            double shift = i < 300 ? 0 : 6;
            data.add(new DenseInstance(1, new double[]{shift + random.nextGaussian(), -shift + random.nextGaussian()}));
        }
        data.add(new DenseInstance(1, new double[]{1000, 0}));
        return data;
    }

    @Test
    void theOutlierGoesToTheNoiseClusterAndTheBlobsToOneClusterEach() throws Exception {
        Instances data = blobsAndOutlier();
        GaussianMixture clusterer = TestData.built("-N 2 -noise", data);
        assertEquals(3, clusterer.numberOfClusters(), "two clusters and the noise");
        Instance outlier = data.instance(600);
        assertEquals(2, clusterer.clusterInstance(outlier), "the noise cluster is the last");
        double[] distribution = clusterer.distributionForInstance(outlier);
        assertEquals(3, distribution.length);
        assertEquals(1, distribution[2], 1e-12);
        int first = clusterer.clusterInstance(data.instance(0));
        int second = clusterer.clusterInstance(data.instance(300));
        assertTrue(first != second && first < 2 && second < 2, first + " " + second);
        for (int i = 0; i < 600; i++) assertEquals(i < 300 ? first : second, clusterer.clusterInstance(data.instance(i)), "instance " + i);
        double[] priors = clusterer.clusterPriors();
        assertEquals(3, priors.length);
        assertEquals(1, priors[0] + priors[1] + priors[2], 1e-12);
        assertEquals(clusterer.getModel().noiseWeight(), priors[2]);
        assertEquals(3, clusterer.logDensityPerClusterForInstance(outlier).length);
        assertEquals(3, clusterer.logJointDensitiesForInstance(outlier).length);

        String report = clusterer.toString();
        assertTrue(report.contains("Noise cluster:      2 (uniform over volume"), report);
        assertTrue(report.contains("2 noise"), report);
    }

    @Test
    void clusterEvaluationCountsTheNoiseCluster() throws Exception {
        Instances data = blobsAndOutlier();
        ClusterEvaluation evaluation = new ClusterEvaluation();
        evaluation.setClusterer(TestData.built("-N 2 -noise", data));
        evaluation.evaluateClusterer(data);
        assertEquals(3, evaluation.getNumClusters());
        double[] assignments = evaluation.getClusterAssignments();
        assertEquals(2, (int) assignments[600]);
        String results = evaluation.clusterResultsToString();
        assertTrue(results.contains("\n2        1 (  0%)"), results);
        assertTrue(Double.isFinite(evaluation.getLogLikelihood()));
    }

    @Test
    void withoutNoiseThereIsNoNoiseCluster() throws Exception {
        GaussianMixture clusterer = TestData.built("-N 2", blobsAndOutlier());
        assertEquals(2, clusterer.numberOfClusters());
        assertFalse(clusterer.toString().contains("noise"));
        assertFalse(String.join(" ", clusterer.getOptions()).contains("-noise"));
        GaussianMixture withNoise = new GaussianMixture();
        withNoise.setOptions(Utils.splitOptions("-noise"));
        assertTrue(withNoise.getNoise());
        assertTrue(String.join(" ", withNoise.getOptions()).contains("-noise"));
    }
}
