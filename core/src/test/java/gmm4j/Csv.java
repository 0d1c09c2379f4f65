// SPDX-License-Identifier: Apache-2.0
package gmm4j;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads the numeric columns of the small CSV files the tests ship with. */
public final class Csv {
    private Csv() {
    }

    /** The first {@code columns} columns of a test resource, header skipped. */
    public static double[][] resource(String name, int columns) {
        try (InputStream in = Csv.class.getResourceAsStream("/" + name)) {
            if (in == null) throw new IllegalArgumentException("No test resource " + name);
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), columns);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static double[][] parse(String text, int columns) {
        List<double[]> rows = new ArrayList<>();
        String[] lines = text.split("\\R");
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].isBlank()) continue;
            String[] parts = lines[i].split(",");
            double[] row = new double[columns];
            for (int j = 0; j < columns; j++) row[j] = Double.parseDouble(parts[j]);
            rows.add(row);
        }
        return rows.toArray(new double[0][]);
    }
}
