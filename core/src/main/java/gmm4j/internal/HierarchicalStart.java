// SPDX-License-Identifier: Apache-2.0
package gmm4j.internal;

import java.util.Arrays;

/**
 * mclust's start ({@code Mclust}'s {@code hclass(hc(data), G)}): the rows' model-based hierarchical
 * agglomeration ({@link ModelBasedAgglomeration}) in the coordinates of mclust's
 * {@code hcUse = "SVD"}, cut into K clusters; the start is one M-step on that partition. The
 * agglomeration does not depend on K, so one serves every K.
 *
 * <p>Which rows take part: those with weight and every numeric value observed (mclust's {@code hc}
 * allows no missing value); categorical columns take no part (the M-step gives each cluster its
 * level probabilities), nor do the weights (mclust has none; the M-step weighs the rows). When more
 * than {@value #SUBSET_ROWS} rows take part (mclust's {@code mclust.options("subset")}), a uniform
 * random subset of that many does, drawn from the fit's seed (mclust draws its subset with R's
 * {@code sample}, which we do not reproduce). Rows left out weigh nothing in the start's M-step and
 * get their responsibilities from EM's first E-step: mclust's start from a subset too (an M-step on
 * the subset, then an E-step on all the rows).
 */
final class HierarchicalStart {
    /** The most rows agglomerated: mclust's default {@code subset}. */
    static final int SUBSET_ROWS = 2000;
    /**
     * SVD components whose singular value is below this fraction of the largest are dropped: mclust
     * divides by their square root and would get infinities from collinear columns.
     */
    private static final double NEGLIGIBLE_SINGULAR_VALUE = 1e-6;

    private final Table t;
    /** The table rows agglomerated, in order. */
    private final int[] rows;
    /** Their merges, or null when they have no coordinates to agglomerate (fewer than 2 rows, constant columns). */
    private final ModelBasedAgglomeration.Merges merges;

    private HierarchicalStart(Table t, int[] rows) {
        this.t = t;
        this.rows = rows;
        Coordinates z = svdCoordinates(t, rows);
        this.merges = z.columns == 0 ? null : ModelBasedAgglomeration.of(z.values, rows.length, z.columns);
    }

    /** The agglomeration of the table's usable rows, or of a random subset of them drawn from {@code seed}. */
    static HierarchicalStart of(Table t, long seed) {
        return ofRows(t, agglomeratedRows(t, SUBSET_ROWS, seed));
    }

    /** The agglomeration of the given rows (complete, with weight), in their order. */
    static HierarchicalStart ofRows(Table t, int[] rows) {
        return new HierarchicalStart(t, rows.clone());
    }

    /** The rows with weight and no missing numeric value, all or {@code most} of them drawn from {@code seed}, in table order. */
    static int[] agglomeratedRows(Table t, int most, long seed) {
        int count = 0;
        for (int i = 0; i < t.n; i++) if (takesPart(t, i)) count++;
        int[] usable = new int[count];
        for (int i = 0, a = 0; i < t.n; i++) if (takesPart(t, i)) usable[a++] = i;
        return RowSubset.of(usable, most, seed);
    }

    private static boolean takesPart(Table t, int i) {
        return t.weight(i) > 0 && t.pattern(i) == Table.COMPLETE;
    }

    /** Whether the agglomeration gives k clusters (else the caller needs another start). */
    boolean canCut(int k) {
        return k <= rows.length && (k == 1 || merges != null);
    }

    /** The cluster (0..k−1) of each agglomerated row, in {@link #rows()} order, numbered by first row. */
    int[] partition(int k) {
        if (!canCut(k)) throw new IllegalArgumentException("The agglomeration of " + rows.length + " rows cannot give " + k + " clusters.");
        return k == 1 ? new int[rows.length] : merges.partition(k);
    }

    /** The table rows agglomerated, in order. */
    int[] rows() {
        return rows.clone();
    }

    /** Hard responsibilities of the partition into k clusters; rows left out get none. */
    EStep.Responsibilities responsibilities(int k) {
        int[] label = new int[t.n];
        Arrays.fill(label, -1);
        int[] partition = partition(k);
        for (int r = 0; r < rows.length; r++) label[rows[r]] = partition[r];
        return (row, out) -> {
            Arrays.fill(out, 0);
            if (label[row] >= 0) out[label[row]] = 1;
        };
    }

    /** The weighted means of the k clusters' numeric columns, component c at {@code [c*d, (c+1)*d)}. */
    double[] means(int k) {
        int d = t.d;
        int[] partition = partition(k);
        double[] sums = new double[k * d];
        double[] weights = new double[k];
        for (int r = 0; r < rows.length; r++) {
            int c = partition[r];
            double w = t.weight(rows[r]);
            weights[c] += w;
            for (int j = 0; j < d; j++) sums[c * d + j] += w * t.x[rows[r] * d + j];
        }
        for (int c = 0; c < k; c++) for (int j = 0; j < d; j++) sums[c * d + j] /= weights[c];
        return sums;
    }

    /** Row-major coordinates, {@code columns} per row. */
    private record Coordinates(double[] values, int columns) {
    }

    /**
     * mclust's {@code hcUse = "SVD"}: the columns centred and scaled to unit standard deviation
     * (divisor n − 1; constant columns dropped), then X·V·diag(1/√s) for the SVD X = U·diag(s)·Vᵀ,
     * that is U·diag(√s). V and s come from the eigendecomposition of XᵀX; the agglomeration's
     * criterion does not change under the signs of V's columns or rotations within equal s.
     */
    private static Coordinates svdCoordinates(Table t, int[] rows) {
        int n = rows.length;
        int d = t.d;
        if (n < 2 || d == 0) return new Coordinates(new double[0], 0);
        int[] kept = new int[d];
        double[] centre = new double[d];
        double[] spread = new double[d];
        int q = 0;
        for (int j = 0; j < d; j++) {
            double sum = 0;
            for (int row : rows) sum += t.x[row * d + j];
            double mean = sum / n;
            double squares = 0;
            for (int row : rows) squares += (t.x[row * d + j] - mean) * (t.x[row * d + j] - mean);
            double sd = Math.sqrt(squares / (n - 1));
            if (sd > 0 && Double.isFinite(sd)) {
                kept[q] = j;
                centre[q] = mean;
                spread[q++] = sd;
            }
        }
        if (q == 0) return new Coordinates(new double[0], 0);
        double[] x = new double[n * q];
        for (int r = 0; r < n; r++) {
            for (int a = 0; a < q; a++) x[r * q + a] = (t.x[rows[r] * d + kept[a]] - centre[a]) / spread[a];
        }
        double[] crossProduct = new double[q * q];
        for (int r = 0; r < n; r++) {
            for (int a = 0; a < q; a++) {
                double xa = x[r * q + a];
                for (int b = 0; b <= a; b++) crossProduct[a * q + b] += xa * x[r * q + b];
            }
        }
        SymmetricEigen eigen = SymmetricEigen.of(crossProduct, q);
        double largest = Math.sqrt(Math.max(eigen.values[0], 0));
        int components = 0;
        while (components < q && Math.sqrt(Math.max(eigen.values[components], 0)) > NEGLIGIBLE_SINGULAR_VALUE * largest) {
            components++;
        }
        double[] z = new double[n * components];
        for (int k = 0; k < components; k++) {
            double scale = 1 / Math.sqrt(Math.sqrt(eigen.values[k]));
            for (int r = 0; r < n; r++) {
                double s = 0;
                for (int a = 0; a < q; a++) s += x[r * q + a] * eigen.vectors[a * q + k];
                z[r * components + k] = s * scale;
            }
        }
        return new Coordinates(z, components);
    }
}
