// SPDX-License-Identifier: Apache-2.0
package weka.clusterers;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import weka.core.Environment;
import weka.knowledgeflow.Flow;
import weka.knowledgeflow.FlowRunner;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The user guide's Knowledge Flow recipe for a classes-to-clusters evaluation, run headless by Weka's
 * {@link FlowRunner}: ArffLoader (iris) › ClassAssigner (last) › TrainingSetMaker ›
 * FilteredClusterer (Remove the class, GaussianMixture with 3 clusters) › ClustererPerformanceEvaluator
 * › TextViewer and TextSaver.
 */
class KnowledgeFlowTest {
    private static final String FLOW = "knowledgeflow/classes-to-clusters.kf";

    /** What a flow run logged and whether Weka stopped it (a step failed). */
    private record Run(String log, boolean stopped) {
    }

    /** Runs the flow (JSON) with {@code ${gmm4j.kf.output}} set to {@code output}, to its end. */
    private static Run run(String json, Path output) throws Exception {
        StringBuilder log = new StringBuilder();
        FlowRunner runner = new FlowRunner();
        runner.setLogger(new weka.gui.Logger() {
            @Override
            public synchronized void logMessage(String message) {
                log.append(message).append('\n');
            }

            @Override
            public void statusMessage(String message) {
            }
        });
        Environment environment = new Environment();
        environment.addVariable("gmm4j.kf.output", output.toString());
        runner.setEnvironment(environment);
        runner.setFlow(Flow.JSONToFlow(json));
        runner.run();
        runner.waitUntilFinished();
        synchronized (log) {
            return new Run(log.toString(), runner.wasStopped());
        }
    }

    private static String flow() throws Exception {
        try (InputStream in = KnowledgeFlowTest.class.getClassLoader().getResourceAsStream(FLOW)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void theRecipeEvaluatesClassesToClusters(@TempDir Path dir) throws Exception {
        Path output = dir.resolve("evaluation.txt");
        Run run = run(flow(), output);
        assertFalse(run.stopped(), run.log());
        String evaluation = Files.readString(output);
        assertTrue(evaluation.contains("=== Evaluation result for training instances ==="), evaluation);
        assertTrue(evaluation.contains("weka.clusterers.GaussianMixture"), evaluation);
        assertTrue(evaluation.contains("Classes to Clusters:"), evaluation);
        // As on the command line (-c last -N 3): the same fit, built without the class.
        assertTrue(evaluation.contains("Incorrectly clustered instances :\t5.0"), evaluation);
    }

    @Test
    void gaussianMixtureAloneRefusesTheClassAttribute(@TempDir Path dir) throws Exception {
        String unwrapped = flow().replace(
                "weka.clusterers.FilteredClusterer\",\n\t\t\t\t\t\"options\" : "
                        + "\"-F \\\"weka.filters.unsupervised.attribute.Remove -R last\\\" -W weka.clusterers.GaussianMixture -- -N 3\"",
                "weka.clusterers.GaussianMixture\",\n\t\t\t\t\t\"options\" : \"-N 3\"");
        assertFalse(unwrapped.contains("FilteredClusterer\","), "the flow's clusterer was not replaced");
        Path output = dir.resolve("evaluation.txt");
        Run run = run(unwrapped, output);
        assertTrue(run.log().contains("Cannot handle any class attribute!"), run.log());
        assertFalse(Files.exists(output));
    }
}
