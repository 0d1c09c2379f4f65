// SPDX-License-Identifier: Apache-2.0
package gmm4j.internal;

import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The engine's view of a data set: numeric values row-major in one array (NaN = missing), a
 * weight per row, categorical codes (-1 = missing), and the rows' missing-value patterns.
 * Validated by its maker; never modified after construction (the passes keep its rows transposed
 * beside it, {@link TransposedTiles}, but its values stay as they are).
 */
public final class Table {
    /** Pattern id of a row with every numeric value present. */
    public static final int COMPLETE = -1;
    /** Pattern id of a row with nothing observed at all: it contributes nothing to a fit. */
    public static final int EMPTY = -2;

    public final int n;
    public final int d;
    /** Numeric values, row i at {@code [i*d, (i+1)*d)}. */
    public final double[] x;
    /** Row weights, or null when every row weighs 1 (no array of ones for big data). */
    private final double[] weight;
    /** Number of categorical attributes. */
    public final int c;
    /** Categorical codes, row i at {@code [i*c, (i+1)*c)}; -1 is missing. */
    public final int[] codes;
    /** Number of levels of each categorical attribute. */
    public final int[] levels;
    /** Where each categorical attribute's levels start in a flat per-level array. */
    public final int[] levelOffset;
    /** Per row: {@link #COMPLETE}, {@link #EMPTY}, or a pattern index; null when every row is complete. */
    private final int[] pattern;
    /** Missing-value patterns: which numeric columns are observed. */
    public final boolean[][] observed;
    public final double totalWeight;
    public final int emptyRows;
    /** The complete rows transposed in tiles, kept by the passes for the passes after them. */
    final TransposedTiles tiles;

    public Table(int n, int d, double[] x, double[] weight, int c, int[] codes, int[] levels) {
        this(n, d, x, weight, c, codes, levels, false);
    }

    /**
     * @param marginaliseAll send complete rows through the missing-value path too (tests check that
     *                       the two paths agree)
     */
    Table(int n, int d, double[] x, double[] weight, int c, int[] codes, int[] levels, boolean marginaliseAll) {
        this.n = n;
        this.d = d;
        this.x = x;
        this.weight = weight;
        this.c = c;
        this.codes = codes;
        this.levels = levels;
        this.levelOffset = new int[c + 1];
        for (int j = 0; j < c; j++) levelOffset[j + 1] = levelOffset[j] + levels[j];
        int[] pattern = new int[n];
        Map<String, Integer> ids = new HashMap<>();
        java.util.List<boolean[]> patterns = new java.util.ArrayList<>();
        int empty = 0;
        double total = 0;
        boolean[] mask = new boolean[d];
        for (int i = 0; i < n; i++) {
            int seen = 0;
            for (int j = 0; j < d; j++) {
                mask[j] = !Double.isNaN(x[i * d + j]);
                if (mask[j]) seen++;
            }
            int seenCodes = 0;
            for (int j = 0; j < c; j++) if (codes[i * c + j] >= 0) seenCodes++;
            if (seen == 0 && seenCodes == 0) {
                pattern[i] = EMPTY;
                empty++;
                continue;
            }
            total += weight == null ? 1 : weight[i];
            if (seen == d && !marginaliseAll) {
                pattern[i] = COMPLETE;
                continue;
            }
            String key = Arrays.toString(mask);
            Integer id = ids.get(key);
            if (id == null) {
                id = patterns.size();
                ids.put(key, id);
                patterns.add(mask.clone());
            }
            pattern[i] = id;
        }
        this.pattern = empty == 0 && patterns.isEmpty() ? null : pattern;
        this.observed = patterns.toArray(new boolean[0][]);
        this.emptyRows = empty;
        this.totalWeight = total;
        this.tiles = new TransposedTiles(n, d);
    }

    /** Whether every row has weight 1. */
    boolean unitWeights() {
        return weight == null;
    }

    /** The weight of row i. */
    public double weight(int i) {
        return weight == null ? 1 : weight[i];
    }

    /** Row i's {@link #COMPLETE}, {@link #EMPTY} or missing-value pattern index. */
    public int pattern(int i) {
        return pattern == null ? COMPLETE : pattern[i];
    }

    /** The number of level slots of all categorical attributes together. */
    public int levelSlots() {
        return levelOffset[c];
    }

    /** True when at least {@code k} rows with weight differ from each other. */
    public boolean hasDistinctRows(int k) {
        return distinctRows(k) >= k;
    }

    /** The number of different rows with weight, counted up to {@code atMost}. */
    public int distinctRows(int atMost) {
        Set<Row> distinct = new HashSet<>();
        for (int i = 0; i < n && distinct.size() < atMost; i++) {
            if (pattern(i) != EMPTY && weight(i) > 0) distinct.add(new Row(i));
        }
        return distinct.size();
    }

    /** This table with every row sent through the missing-value path, complete or not. */
    Table marginalisedEverywhere() {
        return new Table(n, d, x, weight, c, codes, levels, true);
    }

    /** A table holding the given rows of this one, in the given order. */
    public Table select(int[] rows) {
        double[] xs = new double[rows.length * d];
        double[] ws = weight == null ? null : new double[rows.length];
        int[] cs = new int[rows.length * c];
        for (int r = 0; r < rows.length; r++) {
            System.arraycopy(x, rows[r] * d, xs, r * d, d);
            System.arraycopy(codes, rows[r] * c, cs, r * c, c);
            if (ws != null) ws[r] = weight[rows[r]];
        }
        return new Table(rows.length, d, xs, ws, c, cs, levels);
    }

    private final class Row {
        private final int i;

        Row(int i) {
            this.i = i;
        }

        @Override
        public boolean equals(Object o) {
            if (!(o instanceof Row other)) return false;
            for (int j = 0; j < d; j++) {
                double a = x[i * d + j];
                double b = x[other.i * d + j];
                // +0.0 and -0.0 are one value; NaN (missing) equals NaN
                if (a != b && !(Double.isNaN(a) && Double.isNaN(b))) return false;
            }
            return Arrays.equals(codes, i * c, (i + 1) * c, codes, other.i * c, (other.i + 1) * c);
        }

        @Override
        public int hashCode() {
            int h = 1;
            for (int j = 0; j < d; j++) h = 31 * h + Double.hashCode(x[i * d + j] + 0.0); // -0.0 + 0.0 is +0.0
            for (int j = 0; j < c; j++) h = 31 * h + codes[i * c + j];
            return h;
        }
    }
}
