// SPDX-License-Identifier: Apache-2.0
package gmm4j.internal;

import java.io.Serial;

/**
 * Moments for one covariance shared by all components: one scatter matrix, every component's rows
 * around one shared shift (so each row's scatter is taken once, with its whole weight); the first
 * moments stay per component.
 */
final class PooledMoments extends SquareMoments {
    @Serial
    private static final long serialVersionUID = 1L;

    /** @param shift the shared shift repeated for each component, k·d values */
    private PooledMoments(int k, int d, double[] shift) {
        super(k, d, shift, d);
    }

    /** Empty moments around {@code centre} (d values), shared by the k components. */
    static PooledMoments around(int k, int d, double[] centre) {
        return new PooledMoments(k, d, replicated(centre, k));
    }

    @Override
    PooledMoments empty() {
        return new PooledMoments(k, d, shift);
    }

    /** The same point for each of k components. */
    static double[] replicated(double[] point, int k) {
        double[] out = new double[k * point.length];
        for (int c = 0; c < k; c++) System.arraycopy(point, 0, out, c * point.length, point.length);
        return out;
    }

    @Override
    double[] scatterRow(int c, int a) {
        return scatter[a];
    }

    /**
     * The within-component covariance around the shared shift s: (S − Σ_c n_c·m_c·m_cᵀ) / Σ_c n_c,
     * with m_c the offset of component c's new mean from s.
     */
    double[] pooledCovariance() {
        double[] pooled = scatterMatrix(0);
        double total = 0;
        for (int c = 0; c < k; c++) {
            double n = mass(c);
            total += n;
            for (int i = 0; i < d; i++) {
                double mi = sum[c][i] / n;
                for (int j = 0; j < d; j++) pooled[i * d + j] -= n * mi * (sum[c][j] / n);
            }
        }
        for (int i = 0; i < d * d; i++) pooled[i] /= total;
        return pooled;
    }

    /**
     * One shift for all: the scatter is each row's, weighted by its whole weight; every row has
     * weight, separated or not, so the block goes by columns (register tiles) on the Vector API's path
     * at any d (at d = 64, K = 8, ×0.76 per tied iteration against the rank-four updates, separated or
     * overlapping) and on the scalar path below {@link #TILED_D} columns, from there on in rank-four
     * updates; the sums stay per component.
     */
    @Override
    void addBlock(BlockScratch s, double[] x, int count) {
        double[] rowWeight = s.rowWeight;
        for (int b = 0; b < count; b++) rowWeight[b] = 0;
        for (int c = 0; c < k; c++) {
            double[] wr = s.byComponent[c];
            for (int b = 0; b < count; b++) rowWeight[b] += wr[b];
        }
        if (d < TILED_D || s.vector != null) {
            addBlockByColumns(s, count, rowWeight);
            return;
        }
        for (int from = 0; from < count; from += 4) {
            int valid = Math.min(4, count - from);
            for (int q = 0; q < 4; q++) s.quad[q] = from + Math.min(q, valid - 1);
            quadDifferences(s, x, 0);
            for (int c = 0; c < k; c++) {
                double[] wr = s.byComponent[c];
                addQuadSums(s, c, quadWeight(s, wr, 0, valid), quadWeight(s, wr, 1, valid), quadWeight(s, wr, 2, valid),
                        quadWeight(s, wr, 3, valid));
            }
            addQuadScatter(s, 0, quadWeight(s, rowWeight, 0, valid), quadWeight(s, rowWeight, 1, valid),
                    quadWeight(s, rowWeight, 2, valid), quadWeight(s, rowWeight, 3, valid));
        }
    }

    /**
     * By columns: the differences once, the scatter once with each row's whole weight, the sums per
     * component in tiles of four components by four columns ({@link Kernels#products4x4}).
     */
    private void addBlockByColumns(BlockScratch s, int count, double[] rowWeight) {
        differences(s, count, 0, rowWeight);
        addScatterByColumns(0, s.weightedDiff(), s.diff, s, count);
        for (int c = 0; c < k; c++) this.count[c] += s.dot(s.byComponent[c], null, count);
        double[] tile = s.tile;
        for (int c0 = 0; c0 < k; c0 += 4) {
            for (int j0 = 0; j0 < d; j0 += 4) {
                s.products4x4(s.byComponent, c0, k, s.diff, j0, d, count);
                for (int p = 0; p < 4 && c0 + p < k; p++) {
                    double[] sumC = sum[c0 + p];
                    for (int q = 0; q < 4 && j0 + q < d; q++) sumC[j0 + q] += tile[4 * p + q];
                }
            }
        }
    }
}
