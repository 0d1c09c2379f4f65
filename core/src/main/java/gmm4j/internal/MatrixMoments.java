// SPDX-License-Identifier: Apache-2.0
package gmm4j.internal;

import java.io.Serial;

/** Moments for covariances of their own per component: a scatter matrix per component, around its own shift. */
final class MatrixMoments extends SquareMoments {
    @Serial
    private static final long serialVersionUID = 1L;

    MatrixMoments(int k, int d, double[] shift) {
        super(k, d, shift, k * d);
    }

    @Override
    MatrixMoments empty() {
        return new MatrixMoments(k, d, shift);
    }

    /** The dense components' scatter, at any d on the Vector API's path, is built from the roots. */
    @Override
    boolean takesRootWeights() {
        return true;
    }

    @Override
    double[] scatterRow(int c, int a) {
        return scatter[c * d + a];
    }

    /** Component c's weighted covariance around its new mean, S/n − m·mᵀ, with m the new mean's offset from the shift. */
    double[] covariance(int c) {
        double n = mass(c);
        double[] m = new double[d];
        for (int j = 0; j < d; j++) m[j] = sum[c][j] / n;
        double[] cov = scatterMatrix(c);
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) cov[i * d + j] = cov[i * d + j] / n - m[i] * m[j];
        }
        return cov;
    }

    /**
     * Component by component. One with weight on at least half the block's rows (overlapping
     * clusters) goes by columns, the scatter in register tiles over the whole block
     * ({@link #addScatterByColumns}): on the Vector API's path at any d, on the scalar path below
     * {@link #TILED_D} (measured at 200 000×16, K = 16 with every row shared by every component, the
     * rank-four updates and the copies of their rows took three quarters of a fit's samples); on the
     * Vector API's path only the tiles over its rows with weight when they are at most three quarters
     * of the block ({@link #addComponentOfListedColumns}: their columns cost a transposition, which
     * the quarter of the tiles saved outweighs — ×0.96 to ×0.98 per iteration at 100 000×64, K = 8,
     * overlapping; with any row left out, ×1.05, and ×1.10 at 200 000×16 overlapping). One with
     * fewer (separated clusters: a row has a few components at most) reads only its rows with weight:
     * on the Vector API's path summed in register tiles over all of them ({@link #addComponentOfRows}),
     * on the scalar path a rank-four update per four rows. Where the kernels sum a whole block's
     * scatter faster from its rows ({@link VectorKernels#scatterByRows}: AVX-512 from d = 48), every
     * component reads its rows with weight.
     */
    @Override
    void addBlock(BlockScratch s, double[] x, int count) {
        if (d <= SMALL_D) {
            addBlockByColumns(s, count);
            return;
        }
        int[] quad = s.quad;
        boolean byRows = s.vector != null && s.vector.scatterByRows(d);
        for (int c = 0; c < k; c++) {
            if (byRows) {
                addComponentOfRows(s, x, count, c);
                continue;
            }
            double[] wr = s.byComponent[c];
            int withWeight = s.nonZero(wr, count);
            boolean dense = 2 * withWeight >= count;
            if (s.vector != null) {
                if (4 * withWeight > 3 * count) addComponentByColumns(s, count, c);
                else if (dense) addComponentOfListedColumns(s, x, count, c);
                else addComponentOfRows(s, x, count, c);
                continue;
            }
            if (d < TILED_D && dense) {
                addComponentByColumns(s, count, c);
                continue;
            }
            int pending = 0;
            for (int b = 0; b < count; b++) {
                if (wr[b] == 0) continue;
                quad[pending] = b;
                if (++pending == 4) {
                    addFourRows(s, x, c, wr, 4);
                    pending = 0;
                }
            }
            if (pending == 0) continue;
            for (int q = pending; q < 4; q++) quad[q] = quad[0];
            addFourRows(s, x, c, wr, pending);
        }
    }

    /**
     * Component c's moments from the few rows of the block it has weight on (the Vector API's path):
     * their positions listed branch-free, their root-weighted differences copied row by row from the
     * data, then their scatter in register tiles that keep its sums over all those rows
     * ({@link VectorKernels#addGram}), where a rank-four update loads and stores the whole matrix
     * every four rows.
     */
    private void addComponentOfRows(BlockScratch s, double[] x, int count, int c) {
        int m = listRowsWithWeight(s, count, c);
        if (m == 0) return;
        int stride = s.vector.gramStride(d);
        double[] rows = s.gramRows(stride);
        s.vector.addScatterOfRows(x, d, s.blockRows, s.positions()[c], m, s.rootWeight, shift, c * d, rows, stride, sum[c],
                scatter, c * d, s.lanes);
    }

    /**
     * Component c's moments from the rows of the block it has weight on, when they are half to three
     * quarters of them (overlapping clusters, a row's far components cut): those rows' root-weighted
     * differences made into columns from the data ({@link VectorKernels#rootWeightedColumns}), then
     * the dense path's register tiles over them alone, not over the whole block's zeros too.
     */
    private void addComponentOfListedColumns(BlockScratch s, double[] x, int count, int c) {
        int m = listRowsWithWeight(s, count, c);
        int padded = (m + 3) & -4;
        double[] root = s.rootWeight;
        for (int q = m; q < padded; q++) root[q] = 0;
        s.vector.rootWeightedColumns(x, d, s.blockRows, s.positions()[c], m, root, shift, c * d, s.diff);
        addRootWeighted(c, s, padded, root);
    }

    /**
     * Lists the positions in the block of component c's rows with weight in {@code s.positions()[c]},
     * branch-free, their roots √w in {@code s.rootWeight}, and adds their mass; returns how many.
     */
    private int listRowsWithWeight(BlockScratch s, int count, int c) {
        double[] wr = s.byComponent[c];
        int[] picked = s.positions()[c];
        int m = 0;
        for (int b = 0; b < count; b++) {
            picked[m] = b;
            m += wr[b] != 0 ? 1 : 0;
        }
        double[] root = s.rootWeight, roots = s.rootsMade ? s.roots()[c] : null;
        double mass = 0;
        for (int q = 0; q < m; q++) {
            double w = wr[picked[q]];
            mass += w;
            root[q] = roots != null ? roots[picked[q]] : Math.sqrt(w);
        }
        this.count[c] += mass;
        return m;
    }

    /** Adds the first {@code valid} block rows of {@code s.quad} to component c's moments, with weights from {@code wr}. */
    private void addFourRows(BlockScratch s, double[] x, int c, double[] wr, int valid) {
        double w0 = quadWeight(s, wr, 0, valid), w1 = quadWeight(s, wr, 1, valid);
        double w2 = quadWeight(s, wr, 2, valid), w3 = quadWeight(s, wr, 3, valid);
        quadDifferences(s, x, c);
        addQuadSums(s, c, w0, w1, w2, w3);
        addQuadScatter(s, c, w0, w1, w2, w3);
    }
}
