// SPDX-License-Identifier: Apache-2.0
package weka.clusterers;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import weka.core.converters.ConverterUtils;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Weka's command-line evaluation ({@code ClusterEvaluation}) with the clusterer, flag by flag. */
class ClusterEvaluationCliTest {
    // Not a static field: Weka's class discovery (in the Explorer test's JVM) initialises test classes.
    private static String iris() {
        return TestData.path("iris.arff").toString();
    }

    private static String run(String... args) throws Exception {
        return ClusterEvaluation.evaluateClusterer(new GaussianMixture(), args);
    }

    @Test
    void classesToClustersOnIris() throws Exception {
        String out = run("-t", iris(), "-c", "last", "-N", "3");
        assertTrue(out.contains("Number of clusters: 3"), out);
        assertTrue(out.contains("Classes to Clusters:"), out);
        assertTrue(out.contains("Incorrectly clustered instances :\t5.0"), out);
    }

    @Test
    void aSavedModelIsLoadedAndEvaluatedOnATestSet(@TempDir Path dir) throws Exception {
        // Weka refuses -d together with -c, so the model is built on iris without its class.
        String classless = dir.resolve("iris-no-class.arff").toString();
        ConverterUtils.DataSink.write(classless, TestData.irisWithoutClass());
        String model = dir.resolve("iris.model").toString();
        String built = run("-t", classless, "-N", "3", "-d", model);
        assertTrue(Files.size(Path.of(model)) > 0);
        String loaded = run("-l", model, "-T", classless);
        assertTrue(loaded.contains("Number of clusters: 3"), loaded);
        assertEquals(clusteredInstances(built), clusteredInstances(loaded));
        assertTrue(clusteredInstances(loaded).matches("(?s).*0 +50 \\( 33%\\).*"), loaded);
    }

    private static String clusteredInstances(String evaluation) {
        int start = evaluation.indexOf("Clustered Instances");
        assertTrue(start >= 0, evaluation);
        return evaluation.substring(start, evaluation.indexOf("Log likelihood", start));
    }

    @Test
    void predictionsArePrintedPerInstance() throws Exception {
        String out = run("-t", TestData.path("faithful.arff").toString(), "-N", "2", "-p", "0");
        String[] lines = out.strip().split("\n");
        assertEquals(272, lines.length, out);
        GaussianMixture reference = new GaussianMixture();
        reference.setOptions(new String[]{"-N", "2"});
        weka.core.Instances faithful = TestData.arff("faithful.arff");
        reference.buildClusterer(faithful);
        for (int i = 0; i < lines.length; i++) {
            assertEquals(i + " " + reference.clusterInstance(faithful.instance(i)), lines[i].strip(), "instance " + i);
        }
    }

    @Test
    void crossValidationReportsTheHeldOutLogLikelihood() throws Exception {
        String out = run("-t", TestData.path("faithful.arff").toString(), "-N", "2", "-x", "5");
        assertTrue(out.contains("5 fold CV Log Likelihood:"), out);
    }
}
