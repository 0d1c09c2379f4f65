// SPDX-License-Identifier: Apache-2.0
package gmm4j.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Arrays;

/** The seed example of SEED.md: 2000 rows from two 2-D Gaussians, and the Gaussians themselves. */
final class SeedExample {
    /** The true means and covariances the rows were drawn from (1000 rows each). */
    static final double[][] TRUE_MEANS = {{4, 3}, {2, 5}};
    static final double[][][] TRUE_COVARIANCES = {{{1, .7}, {.7, 1}}, {{.5, .4}, {.4, .5}}};

    private SeedExample() {
    }

    /** The rows of data/seed-example.csv. */
    static double[][] rows() {
        try {
            return Files.readAllLines(Markdown.root().resolve("data/seed-example.csv")).stream().skip(1)
                    .filter(line -> !line.isBlank())
                    .map(line -> Arrays.stream(line.split(",")).mapToDouble(Double::parseDouble).toArray())
                    .toArray(double[][]::new);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
