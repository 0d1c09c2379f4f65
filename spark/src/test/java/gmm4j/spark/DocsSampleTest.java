// SPDX-License-Identifier: Apache-2.0
package gmm4j.spark;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Java samples of docs/spark.md are the bodies of {@link #sample} and {@link #selection} here,
 * to the character: compiled with the tests and run on a small DataFrame by {@link PersistenceTest},
 * which has a Spark session. (The docs module, which runs every plain
 * {@code java} block, has no Spark; the page marks this block {@code java spark}.)
 */
class DocsSampleTest {
    static gmm4j.GaussianMixtureModel sample(Dataset<Row> df, String path) throws IOException {
        // sample begins
        GaussianMixture gmm = new GaussianMixture()          // gmm4j.spark.GaussianMixture
                .setK(3)
                .setCovarianceType("diag")
                .setRestarts(2)
                .setSeed(42);
        GaussianMixtureModel model = gmm.fit(df);             // df has a vector column "features"
        System.out.println(model.summary());
        model.transform(df).select("prediction", "probability").show(5);
        model.write().overwrite().save(path);
        gmm4j.GaussianMixtureModel core = model.toCoreModel(); // score anywhere gmm4j runs
        // sample ends
        return core;
    }

    static GaussianMixtureModel selection(Dataset<Row> df) {
        // selection begins
        GaussianMixtureSelection selection = new GaussianMixtureSelection()   // gmm4j.spark
                .setKRange(1, 6)
                .setCovarianceTypes("full", "diag")
                .setCriterion("bic")
                .setSeed(42);
        GaussianMixtureModel best = selection.fit(df);
        System.out.println(best.summary().candidates());   // every candidate's score (core's ModelSelection.Score)
        // selection ends
        return best;
    }

    @Test
    void theDocsShowTheSamples() throws IOException {
        String source = Files.readString(Path.of("src/test/java/gmm4j/spark/DocsSampleTest.java"));
        String page = Files.readString(Path.of("../docs/spark.md"));
        for (String name : new String[]{"sample", "selection"}) {
            String body = source.substring(source.indexOf("// " + name + " begins\n") + ("// " + name + " begins\n").length(),
                    source.indexOf("        // " + name + " ends"));
            String sample = body.lines().map(line -> line.substring(8)).reduce((a, b) -> a + "\n" + b).orElseThrow();
            assertTrue(page.contains("```java spark\n" + sample + "\n```"), "docs/spark.md shows the sample:\n" + sample);
        }
    }
}
