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
 * The Java sample of docs/spark.md is the body of {@link #sample} here, to the character: compiled
 * with the tests and run on a small DataFrame by {@link PersistenceTest}, which has a Spark
 * session. (The docs module, which runs every plain
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

    @Test
    void theDocsShowTheSample() throws IOException {
        String source = Files.readString(Path.of("src/test/java/gmm4j/spark/DocsSampleTest.java"));
        String body = source.substring(source.indexOf("// sample begins\n") + "// sample begins\n".length(),
                source.indexOf("        // sample ends"));
        String sample = body.lines().map(line -> line.substring(8)).reduce((a, b) -> a + "\n" + b).orElseThrow();
        String page = Files.readString(Path.of("../docs/spark.md"));
        assertTrue(page.contains("```java spark\n" + sample + "\n```"), "docs/spark.md shows the sample:\n" + sample);
    }
}
