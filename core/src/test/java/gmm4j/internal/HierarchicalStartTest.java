// SPDX-License-Identifier: Apache-2.0
package gmm4j.internal;

import gmm4j.Csv;
import gmm4j.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Our agglomeration gives mclust 6.0.0's partitions, {@code hclass(hc(data), G)} for G = 1..9, label
 * for label (both number the clusters by their first row), made by
 * src/test/resources/mclust/make-hc-reference.R.
 */
class HierarchicalStartTest {
    static List<Map<String, Object>> cases() {
        try (InputStream in = HierarchicalStartTest.class.getResourceAsStream("/mclust/hc-reference.json")) {
            Object root = Json.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> cases = (List<Map<String, Object>>) ((Map<String, Object>) root).get("cases");
            return cases;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static double[][] rows(String dataSet) {
        return Csv.resource(dataSet + ".csv", dataSet.equals("iris") ? 4 : 2);
    }

    static Table table(double[][] rows) {
        int d = rows[0].length;
        double[] x = new double[rows.length * d];
        for (int i = 0; i < rows.length; i++) System.arraycopy(rows[i], 0, x, i * d, d);
        return new Table(rows.length, d, x, null, 0, new int[0], new int[0]);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void partitionsAreMclusts(Map<String, Object> reference) {
        double[][] data = rows((String) reference.get("data"));
        Table t = table(data);
        int[] rows;
        if (reference.get("rows") == null) {
            rows = new int[t.n];
            for (int i = 0; i < t.n; i++) rows[i] = i;
        } else {
            rows = Arrays.stream(Json.flat(reference.get("rows"))).mapToInt(r -> (int) r - 1).toArray();
        }
        @SuppressWarnings("unchecked")
        List<Object> partitions = (List<Object>) reference.get("partitions");
        int[][] ours = new int[9][];
        if (reference.get("use").equals("VARS")) {
            ModelBasedAgglomeration.Merges merges = ModelBasedAgglomeration.of(t.x.clone(), t.n, t.d);
            for (int g = 1; g <= 9; g++) ours[g - 1] = merges.partition(g);
        } else {
            HierarchicalStart start = HierarchicalStart.ofRows(t, rows);
            for (int g = 1; g <= 9; g++) ours[g - 1] = start.partition(g);
        }
        List<Integer> mismatched = new ArrayList<>();
        for (int g = 1; g <= 9; g++) {
            int[] mclust = Arrays.stream(Json.flat(partitions.get(g - 1))).mapToInt(l -> (int) l - 1).toArray();
            if (!Arrays.equals(mclust, ours[g - 1])) mismatched.add(g);
        }
        assertEquals(List.of(), mismatched, "G whose partition differs from mclust's");
    }

    @Test
    void aPartitionNumbersItsClustersByFirstRowAndNeedsEnoughRows() {
        Table t = table(new double[][] {{0, 0}, {10, 10}, {0.1, 0}, {10, 10.2}, {0, 0.3}});
        HierarchicalStart start = HierarchicalStart.ofRows(t, new int[] {0, 1, 2, 3, 4});
        assertArrayEquals(new int[] {0, 1, 0, 1, 0}, start.partition(2));
        assertArrayEquals(new int[5], start.partition(1));
        assertTrue(start.canCut(5));
        assertFalse(start.canCut(6));
        assertThrows(IllegalArgumentException.class, () -> start.partition(6));
    }

    /** Above mclust's subset size, a seeded subset of the usable rows (weight, no missing value) is agglomerated. */
    @Test
    void largeDataAgglomerateASeededSubsetOfTheUsableRows() {
        int n = 8000;
        double[] x = new double[n * 2];
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            x[2 * i] = i % 7;
            x[2 * i + 1] = i % 2 == 0 ? Double.NaN : i % 11;
            w[i] = i % 3 == 0 ? 0 : 1;
        }
        Table t = new Table(n, 2, x, w, 0, new int[0], new int[0]);
        int[] rows = HierarchicalStart.agglomeratedRows(t, HierarchicalStart.SUBSET_ROWS, 7);
        assertEquals(HierarchicalStart.SUBSET_ROWS, rows.length);
        for (int a = 0; a < rows.length; a++) {
            assertTrue(rows[a] % 2 == 1 && rows[a] % 3 != 0, "row " + rows[a] + " is missing a value or has no weight");
            if (a > 0) assertTrue(rows[a] > rows[a - 1]);
        }
        assertArrayEquals(rows, HierarchicalStart.agglomeratedRows(t, HierarchicalStart.SUBSET_ROWS, 7));
        assertFalse(Arrays.equals(rows, HierarchicalStart.agglomeratedRows(t, HierarchicalStart.SUBSET_ROWS, 8)));
    }
}
