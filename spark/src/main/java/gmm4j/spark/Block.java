// SPDX-License-Identifier: Apache-2.0
package gmm4j.spark;

import gmm4j.Dataset;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Row;

import java.io.Serial;
import java.io.Serializable;
import java.util.Arrays;
import java.util.Iterator;

/**
 * The rows of one partition as the engine holds them: one row-major {@code double[]} and one
 * weight per row, made once per fit and cached, so that every EM iteration reads a block instead
 * of a vector per row. A block does not throw on bad input: it records its first bad row
 * ({@link #problem}), which the driver reports with the row's index in the whole DataFrame.
 */
final class Block implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    /** The partition the rows came from: the order in which blocks' statistics are merged. */
    final int partition;
    /** Rows. */
    final int n;
    /** Values per row; -1 when the block has no rows. */
    final int d;
    /** Row-major values, {@code NaN} for missing; {@code n * d} of them. */
    final double[] values;
    /** A weight per row, or {@code null} for unit weights. */
    final double[] weights;
    /** The weight of the rows with an observed value. */
    final double weight;
    /** Whether some row has weight and an observed value: whether the engine can take the block's statistics. */
    final boolean usable;
    /** What is wrong with the first bad row, or {@code null}; its index within the block is {@link #problemRow}. */
    final String problem;
    /** The index within the block of the row {@link #problem} describes. */
    final int problemRow;
    /** The rows as the engine's data set, made once where the block is cached (never shipped). */
    private transient Dataset dataset;

    private Block(int partition, int n, int d, double[] values, double[] weights, String problem, int problemRow) {
        this.partition = partition;
        this.n = n;
        this.d = d;
        this.values = values;
        this.weights = weights;
        this.problem = problem;
        this.problemRow = problemRow;
        this.weight = problem == null ? observedWeight() : 0;
        this.usable = weight > 0;
    }

    /**
     * The block of one partition's rows: column 0 the features vector, column 1 (when
     * {@code weighted}) the weight as a double.
     *
     * @param features the features column's name, for messages
     * @param weight   the weight column's name, for messages
     */
    static Block of(int partition, Iterator<Row> rows, boolean weighted, String features, String weight) {
        Growing values = new Growing();
        Growing weights = weighted ? new Growing() : null;
        int n = 0;
        int d = -1;
        for (; rows.hasNext(); n++) {
            Row row = rows.next();
            Object cell = row.get(0);
            if (!(cell instanceof Vector vector)) {
                return failed(partition, n, d, "column '" + features + "' is null: every row needs a features vector.");
            }
            if (d < 0) d = vector.size();
            if (vector.size() != d) {
                return failed(partition, n, d, "column '" + features + "' has " + vector.size() + " values but the rows before it have "
                        + d + ": every features vector needs the same size.");
            }
            double[] x = vector.toArray();
            for (int j = 0; j < d; j++) {
                if (Double.isInfinite(x[j])) {
                    return failed(partition, n, d, "column '" + features + "' has " + x[j] + " at position " + j
                            + ": values must be finite (NaN marks a missing value).");
                }
            }
            values.add(x);
            if (weighted) {
                Object w = row.get(1);
                if (!(w instanceof Double value) || !(value >= 0) || value.isInfinite()) {
                    return failed(partition, n, d, "column '" + weight + "' is " + w + ": weights must be finite and not negative.");
                }
                weights.add(value);
            }
        }
        return new Block(partition, n, d, values.toArray(), weighted ? weights.toArray() : null, null, -1);
    }

    /** A block whose row {@code row} is bad; {@code d} is its first row's size (-1 when that row is the bad one). */
    private static Block failed(int partition, int row, int d, String problem) {
        return new Block(partition, 0, d, new double[0], null, problem, row);
    }

    /**
     * The rows as the engine's data set, without a copy, made once per cached block (every EM pass
     * reads the same one). Only for a {@link #usable} block.
     */
    Dataset dataset() {
        if (dataset == null) dataset = Dataset.wrapRowMajor(values, n, d, weights);
        return dataset;
    }

    /** The rows {@code selected} (ascending indices) of this block, copied. */
    Block rows(int[] selected) {
        double[] x = new double[selected.length * d];
        double[] w = weights == null ? null : new double[selected.length];
        for (int i = 0; i < selected.length; i++) {
            System.arraycopy(values, selected[i] * d, x, i * d, d);
            if (w != null) w[i] = weights[selected[i]];
        }
        return new Block(partition, selected.length, d, x, w, null, -1);
    }

    /** This block without its rows: what the driver needs to check the data and plan the fit. */
    Shape shape() {
        return new Shape(partition, n, d, weight, problem, problemRow);
    }

    /** A block without its rows (see the fields of {@link Block}). */
    record Shape(int partition, int n, int d, double weight, String problem, int problemRow) implements Serializable {
        boolean usable() {
            return weight > 0;
        }
    }

    private double observedWeight() {
        double sum = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                if (!Double.isNaN(values[i * d + j])) {
                    sum += weights == null ? 1 : weights[i];
                    break;
                }
            }
        }
        return sum;
    }

    /** The blocks' rows concatenated in the order given, as one data set (the blocks must be usable together). */
    static Dataset concatenate(Iterable<Block> blocks) {
        Growing values = new Growing();
        Growing weights = new Growing();
        boolean weighted = false;
        int n = 0;
        int d = 0;
        for (Block b : blocks) {
            if (b.n == 0) continue;
            d = b.d;
            n += b.n;
            values.add(b.values);
            weighted |= b.weights != null;
            if (b.weights != null) weights.add(b.weights);
            else for (int i = 0; i < b.n; i++) weights.add(1.0);
        }
        return Dataset.wrapRowMajor(values.toArray(), n, d, weighted ? weights.toArray() : null);
    }

    /** A growing array of doubles. */
    private static final class Growing {
        private double[] a = new double[64];
        private int size;

        void add(double v) {
            if (size == a.length) a = Arrays.copyOf(a, 2 * size);
            a[size++] = v;
        }

        void add(double[] v) {
            if (size + v.length > a.length) a = Arrays.copyOf(a, Math.max(2 * a.length, size + v.length));
            System.arraycopy(v, 0, a, size, v.length);
            size += v.length;
        }

        double[] toArray() {
            return Arrays.copyOf(a, size);
        }
    }
}
