// SPDX-License-Identifier: Apache-2.0
package gmm4j.smile;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** The data sets the tests ship with (copies of the core's test resources). */
final class TestData {
    private TestData() {
    }

    /** The seed example: 2000 rows from two 2-D Gaussians. */
    static double[][] seedExample() {
        return numericColumns("seed-example.csv", 2);
    }

    /** Fisher's iris: 150 rows, the four measurements (the species column left out). */
    static double[][] iris() {
        return numericColumns("iris.csv", 4);
    }

    /** The first {@code columns} columns of a CSV test resource, header skipped. */
    private static double[][] numericColumns(String name, int columns) {
        try (InputStream in = TestData.class.getResourceAsStream("/" + name)) {
            if (in == null) throw new IllegalStateException("No test resource " + name);
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return text.lines().skip(1).filter(line -> !line.isBlank())
                    .map(line -> Arrays.stream(line.split(",")).limit(columns).mapToDouble(Double::parseDouble).toArray())
                    .toArray(double[][]::new);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
