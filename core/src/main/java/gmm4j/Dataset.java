// SPDX-License-Identifier: Apache-2.0
package gmm4j;

import gmm4j.internal.Table;

import java.util.Arrays;
import java.util.Objects;

/**
 * Rows to fit or score: numeric columns ({@code NaN} marks a missing value), optional categorical
 * columns (integer codes, {@code -1} marks a missing value) and optional row weights (a row of
 * weight w counts as the row repeated w times). Immutable: the factories copy their input and
 * reject bad input with an {@link IllegalArgumentException} that names the row, column and value.
 */
public final class Dataset {
    /**
     * The most levels the categorical columns may have, each and all together: {@value} (2<sup>24</sup>).
     * A model holds a probability per level and component, in arrays no Java VM lets exceed
     * 2<sup>31</sup> entries.
     */
    public static final int MAX_LEVELS = 1 << 24;

    private final Table table;

    private Dataset(Table table) {
        this.table = table;
    }

    /** Numeric rows with unit weights. */
    public static Dataset of(double[][] rows) {
        return of(rows, null);
    }

    /** Numeric rows with a weight per row ({@code null} means unit weights). */
    public static Dataset of(double[][] rows, double[] weights) {
        return of(rows, weights, null, null);
    }

    /**
     * Numeric and categorical rows.
     *
     * @param rows        numeric values, one array per row, all the same length (may be zero when
     *                    there are categorical columns)
     * @param weights     a non-negative finite weight per row, or {@code null} for unit weights
     * @param categories  categorical codes, one array per row, each code in
     *                    {@code [0, levels[j])} or {@code -1} for missing; {@code null} for none
     * @param levels      the number of levels of each categorical column; {@code null} for none
     */
    public static Dataset of(double[][] rows, double[] weights, int[][] categories, int[] levels) {
        Objects.requireNonNull(rows, "rows");
        int n = rows.length;
        if (n == 0) throw new IllegalArgumentException("The data set has no rows: give at least one row.");
        int d = checkedRowLength(rows, 0);
        double[] x = new double[n * d];
        for (int i = 0; i < n; i++) {
            if (checkedRowLength(rows, i) != d) {
                throw new IllegalArgumentException("Row " + i + " has " + rows[i].length
                        + " values but row 0 has " + d + ": every row needs the same number of columns.");
            }
            System.arraycopy(rows[i], 0, x, i * d, d);
        }
        return ofRowMajor(x, n, d, weights, categories, levels);
    }

    /**
     * Numeric rows given row-major in one array ({@code values[i*d + j]} is row i, column j),
     * copied; {@code weights} may be {@code null}.
     */
    public static Dataset ofRowMajor(double[] values, int n, int d, double[] weights) {
        checkRowMajor(values, n, d);
        return ofRowMajor(values.clone(), n, d, weights, null, null);
    }

    /**
     * Numeric rows given row-major in one array, used as they are, without a copy: for data too big
     * to hold twice. The caller must not change {@code values} while the data set is in use.
     */
    public static Dataset wrapRowMajor(double[] values, int n, int d, double[] weights) {
        checkRowMajor(values, n, d);
        return ofRowMajor(values, n, d, weights, null, null);
    }

    private static void checkRowMajor(double[] values, int n, int d) {
        Objects.requireNonNull(values, "values");
        if (n <= 0) throw new IllegalArgumentException("The data set has no rows (n = " + n + "): give at least one row.");
        if (d < 0 || (long) n * d != values.length) {
            throw new IllegalArgumentException("values has " + values.length + " entries, not n*d = " + n + "*" + d + ".");
        }
    }

    private static Dataset ofRowMajor(double[] x, int n, int d, double[] weights, int[][] categories, int[] levels) {
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                double v = x[i * d + j];
                if (Double.isInfinite(v)) {
                    throw new IllegalArgumentException("Row " + i + ", column " + j + " is " + v
                            + ": values must be finite (use NaN to mark a missing value).");
                }
            }
        }
        double[] w = checkedWeights(weights, n);
        int c = levels == null ? 0 : levels.length;
        int[] codes = checkedCodes(categories, levels, n, c);
        if (d == 0 && c == 0) {
            throw new IllegalArgumentException("The data set has no columns: give at least one numeric or categorical column.");
        }
        Table table = new Table(n, d, x, w, c, codes, levels == null ? new int[0] : levels.clone());
        if (!(table.totalWeight > 0)) {
            throw new IllegalArgumentException("The rows' total weight is " + table.totalWeight
                    + " (all weights zero or every value missing): nothing to fit.");
        }
        return new Dataset(table);
    }

    private static int checkedRowLength(double[][] rows, int i) {
        if (rows[i] == null) throw new IllegalArgumentException("Row " + i + " is null.");
        return rows[i].length;
    }

    private static double[] checkedWeights(double[] weights, int n) {
        if (weights == null) return null; // unit weights: no array of ones
        if (weights.length != n) {
            throw new IllegalArgumentException("There are " + weights.length + " weights for " + n + " rows: give one weight per row.");
        }
        for (int i = 0; i < n; i++) {
            if (!(weights[i] >= 0) || Double.isInfinite(weights[i])) {
                throw new IllegalArgumentException("The weight of row " + i + " is " + weights[i]
                        + ": weights must be finite and not negative.");
            }
        }
        return weights.clone();
    }

    private static int[] checkedCodes(int[][] categories, int[] levels, int n, int c) {
        if ((categories == null) != (levels == null)) {
            throw new IllegalArgumentException("Categorical codes and their level counts must be given together.");
        }
        if (c == 0) return new int[0];
        long total = 0;
        for (int j = 0; j < c; j++) {
            if (levels[j] < 1) {
                throw new IllegalArgumentException("Categorical column " + j + " has " + levels[j] + " levels: it needs at least one.");
            }
            if (levels[j] > MAX_LEVELS) {
                throw new IllegalArgumentException("Categorical column " + j + " has " + levels[j] + " levels: at most " + MAX_LEVELS
                        + " are supported (a model holds a probability per level and component).");
            }
            total += levels[j];
            if (total > MAX_LEVELS) {
                throw new IllegalArgumentException("Categorical column " + j + " brings the levels of all categorical columns to "
                        + total + ": at most " + MAX_LEVELS + " are supported (a model holds a probability per level and component).");
            }
        }
        if (categories.length != n) {
            throw new IllegalArgumentException("There are " + categories.length + " rows of categorical codes for " + n + " numeric rows.");
        }
        int[] codes = new int[n * c];
        for (int i = 0; i < n; i++) {
            if (categories[i] == null || categories[i].length != c) {
                throw new IllegalArgumentException("Row " + i + " has " + (categories[i] == null ? "no" : categories[i].length)
                        + " categorical codes but there are " + c + " categorical columns.");
            }
            for (int j = 0; j < c; j++) {
                int code = categories[i][j];
                if (code < -1 || code >= levels[j]) {
                    throw new IllegalArgumentException("Row " + i + ", categorical column " + j + " has code " + code
                            + ": codes must be in [0, " + levels[j] + ") or -1 for missing.");
                }
                codes[i * c + j] = code;
            }
        }
        return codes;
    }

    /** The number of rows. */
    public int size() {
        return table.n;
    }

    /** The number of numeric columns. */
    public int dimension() {
        return table.d;
    }

    /** The number of categorical columns. */
    public int categoricalColumns() {
        return table.c;
    }

    /** The number of levels of each categorical column. */
    public int[] levels() {
        return table.levels.clone();
    }

    /** The sum of the weights of the rows that hold at least one observed value. */
    public double totalWeight() {
        return table.totalWeight;
    }

    /** The number of rows with nothing observed; they are ignored by fits and scores. */
    public int emptyRows() {
        return table.emptyRows;
    }

    /**
     * The number of different rows with weight, counted up to {@code atMost} (a fit needs at least
     * as many as it has components).
     */
    public int distinctRows(int atMost) {
        return table.distinctRows(atMost);
    }

    /** True when some numeric value is missing. */
    public boolean hasMissingValues() {
        return table.observed.length > 0;
    }

    /** A copy of row {@code i}'s numeric values. */
    public double[] row(int i) {
        Objects.checkIndex(i, table.n);
        return Arrays.copyOfRange(table.x, i * table.d, (i + 1) * table.d);
    }

    /** A copy of row {@code i}'s categorical codes. */
    public int[] categories(int i) {
        Objects.checkIndex(i, table.n);
        return Arrays.copyOfRange(table.codes, i * table.c, (i + 1) * table.c);
    }

    /** The weight of row {@code i}. */
    public double weight(int i) {
        return table.weight(i);
    }

    /** The rows at the given indices, in that order, with their weights and codes. */
    public Dataset select(int[] rows) {
        for (int r : rows) Objects.checkIndex(r, table.n);
        return new Dataset(table.select(rows));
    }

    Table table() {
        return table;
    }
}
