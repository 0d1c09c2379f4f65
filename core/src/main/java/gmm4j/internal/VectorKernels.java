// SPDX-License-Identifier: Apache-2.0
package gmm4j.internal;

/**
 * The block kernels the JIT does not vectorise, for a second implementation on the Vector API
 * ({@code VectorApiKernels}, in its own source root, loaded by name when the JVM has
 * {@code jdk.incubator.vector}: {@link Parallel#VECTOR}): sums over a block's rows (floating-point
 * reductions, which C2 keeps in order and does not vectorise), the scatter's four-by-four tiles of
 * dot products, columns' weighted moments, the triangular product of a block against a covariance
 * factor with its squares summed, blocked for registers, and the axis-aligned log-densities' squares
 * (which C2 vectorises, but into code that took twice as long). Without it the engine runs its
 * scalar loops ({@link Kernels}, {@link GaussianFactor}, the moments' own).
 *
 * <p>Every result has one order of operations, whatever the thread or the JIT tier: lanes are summed
 * in a fixed order (not by {@code reduceLanes}, whose order for floating point is unspecified), and
 * each lane of the triangular product computes its row alone. The results differ from the scalar
 * loops' by rounding alone.
 *
 * <p>A kernel that sums over rows takes {@code lanes}, {@link #LANE_ROOM} values of the calling
 * thread's: its vectors are stored there and their lanes summed from memory.
 */
abstract class VectorKernels {
    /** Room for sixteen vectors of up to eight lanes, unsummed: the {@code lanes} a kernel takes. */
    static final int LANE_ROOM = 16 * 8;

    /** {@link Kernels#nonZero}: how many of a[0..n) are not 0. */
    abstract int nonZero(double[] a, int n);

    /** Σ a[b]·c[b] over b < n (Σ a[b] when c is null). */
    abstract double dot(double[] a, double[] c, int n, double[] lanes);

    /**
     * A column's weighted first moment and scatter around {@code shift} over b < n: with
     * v = column[b] − shift and u = weight[b]·v, {@code out[0] = Σ u}, {@code out[1] = Σ u·v}.
     */
    abstract void columnMoments(double[] column, double[] weight, int n, double shift, double[] out, double[] lanes);

    /**
     * {@link #columnMoments} of the four columns {@code xt[j..j+3]} with one weight, shifts
     * {@code shift[at..at+3]}: their first moments into {@code out[0..3]}, their scatters into
     * {@code out[4..7]} (one pass: the weights loaded once for four columns, a quarter of the calls).
     */
    abstract void columnMoments4(double[][] xt, int j, double[] weight, int n, double[] shift, int at, double[] out, double[] lanes);

    /**
     * Four axes of axis-aligned Gaussians' log-densities, over b < rows: {@code o[b] = base −
     * ((z0² + z1²) + (z2² + z3²))} with z_q = (x_q[b] − m_q)·r_q, the means m and scaled precision
     * roots r in {@code scaled} (m0..m3, r0..r3), base {@code constant} in the {@code first} pass and
     * o[b] after; the same operations in the same order as {@link AxisAligned#subtractFourSquares},
     * so the same bits.
     */
    abstract void subtractFourSquares(double[] o, double[] x0, double[] x1, double[] x2, double[] x3, double[] scaled, int rows,
                                      boolean first, double constant);

    /**
     * {@link #subtractFourSquares} with the mean folded in: z_q = x_q[b]·r_q + s_q, one fused
     * multiply-add, s_q = −m_q·r_q, in {@code scaled} (s0..s3, r0..r3), and the squares summed by fused
     * multiply-adds: {@code o[b] = base − (((z0² + z1²) + z2²) + z3²)}, nine operations for four axes
     * where the differences take sixteen. The same operations in the same order as
     * {@link AxisAligned#subtractFoldedSquares}, so the same bits.
     */
    abstract void subtractFoldedSquares(double[] o, double[] x0, double[] x1, double[] x2, double[] x3, double[] scaled, int rows,
                                        boolean first, double constant);

    /**
     * Four axes of spherical Gaussians' log-densities, over b < rows: {@code o[b] = base − h·s} with
     * s = z0² + z1² + z2² + z3², z_q = x_q[b] − m_q, the means m and the half precision h in
     * {@code scaled} (m0..m3, h), each sum and the last step fused multiply-adds; base as in
     * {@link #subtractFourSquares}. The same operations in the same order as
     * {@link AxisAligned#subtractScaledSquares}, so the same bits.
     */
    abstract void subtractScaledSquares(double[] o, double[] x0, double[] x1, double[] x2, double[] x3, double[] scaled, int rows,
                                        boolean first, double constant);

    /**
     * {@code v[b] = e^{v[b] − minus[b]}} for b < n, every difference ≤ 0 (or −∞, or NaN), each added
     * to {@code total[b]}: {@link Exponentials#expByPowersOfTwo} for each, the same bits (where
     * {@link Exponentials#expOfDifference}, the JIT's loops, takes five passes and twice the operations).
     */
    abstract void expOfDifference(double[] v, double[] minus, int n, double[] total);

    /**
     * {@link #expOfDifference} through the half exponential: {@code half[b] = e^{(v[b] − minus[b])/2}}
     * ({@link Exponentials#halfExpByPowersOfTwo}, the same bits), then {@code v[b] = half[b]²}, added to
     * {@code total[b]}. The halves give the square roots of the weighted responsibilities that the
     * full covariances' scatter takes for the cost of a product ({@link Posteriors#normaliseBlock}).
     */
    abstract void halfExpOfDifference(double[] v, double[] minus, int n, double[] total, double[] half);

    /** {@link Kernels#transpose}: {@code xt[j][b] = x[rows[b]·d + j]}, in blocks of four rows by four columns. */
    abstract void transpose(double[] x, int d, int[] rows, int count, double[][] xt);

    /** {@link Kernels#products4x4}'s sixteen dot products, the same arguments and meaning. */
    abstract void products4x4(double[][] a, int a0, int aEnd, double[][] c, int c0, int cEnd, int n, double[] out,
                              double[] lanes);

    /**
     * A diagonal tile of a scatter and its rows' first moments, over b < n: {@code out[4p + q] =
     * Σ_b a[a0 + p][b]·a[a0 + q][b]} for q ≤ p < 4 (the entries above the diagonal are left as they
     * are) and {@code out[16 + p] = Σ_b root[b]·a[a0 + p][b]}; an index of a from {@code aEnd} on reads
     * the one before instead (the caller drops those sums). With a the root-weighted differences
     * √w·(x − shift) and root = √w, these are the scatter's and the first moment's terms.
     */
    abstract void symmetricTile(double[][] a, int a0, int aEnd, double[] root, int n, double[] out, double[] lanes);

    /**
     * The rows of a block with weight for one component, row by row, from the listed row {@code from}
     * on: {@code rows[q·stride + j] = root[from + q]·(x[blockRows[at[from + q]]·d + j] − shift[sOff + j])}
     * for q < m and j < d, zeros from d to {@code stride}; each row's terms of the first moment,
     * {@code root[from + q]·rows[q·stride + j]}, added to {@code first[j]}. With root = √w these are the
     * rows {@link #addGram} takes.
     */
    abstract void rootWeightedRows(double[] x, int d, int[] blockRows, int[] at, int from, int m, double[] root,
                                   double[] shift, int sOff, double[] rows, int stride, double[] first);

    /**
     * {@link #rootWeightedRows}' first moment and {@link #addGram}'s scatter of the m listed rows, pass
     * by pass of {@link #gramPassRows} rows (the room {@code rows} needs): a pass's rows are made into
     * {@code rows} and summed while they are in the L1 cache, where all the rows made at once, then
     * summed, went out to L2 and back (×0.98 per iteration at 100 000×64, K = 8, overlapping, on an
     * Intel Xeon with AVX-512).
     */
    final void addScatterOfRows(double[] x, int d, int[] blockRows, int[] at, int m, double[] root, double[] shift, int sOff,
                                double[] rows, int stride, double[] first, double[][] target, int off, double[] lanes) {
        int pass = gramPassRows(stride);
        for (int from = 0; from < m; from += pass) {
            int count = Math.min(pass, m - from);
            rootWeightedRows(x, d, blockRows, at, from, count, root, shift, sOff, rows, stride, first);
            addGram(rows, stride, count, d, target, off, lanes);
        }
    }

    /** Values of the rows per pass of {@link #addScatterOfRows}: 32 KB, which stay in the L1 cache while every Gram tile reads them. */
    static final int GRAM_PASS_VALUES = 4096;

    /** Rows per pass of {@link #addScatterOfRows} at this stride: {@link #GRAM_PASS_VALUES} of them, at least eight rows. */
    static int gramPassRows(int stride) {
        return Math.max(8, GRAM_PASS_VALUES / stride);
    }

    /**
     * The rows of a block with weight for one component, as columns: {@code columns[j][q] =
     * (x[blockRows[at[q]]·d + j] − shift[sOff + j])·root[q]} for j < d and q < m rounded up to a
     * multiple of four, where the rows past m must have root 0 (they come out 0).
     */
    abstract void rootWeightedColumns(double[] x, int d, int[] blockRows, int[] at, int m, double[] root, double[] shift,
                                      int sOff, double[][] columns);

    /** The row stride {@link #addGram} needs for d columns: a multiple of its tiles' width, at least d. */
    abstract int gramStride(int d);

    /**
     * {@code target[off + a][j] += Σ_{q<m} rows[q·stride + a]·rows[q·stride + j]} for a < d and j ≤ a,
     * from rows held row by row ({@link #rootWeightedRows}, {@code stride} from {@link #gramStride}); the
     * target rows' entries past the diagonal up to the next multiple of eight get their sums too (the
     * caller keeps the lower triangle).
     */
    abstract void addGram(double[] rows, int stride, int m, int d, double[][] target, int off, double[] lanes);

    /**
     * Whether the scatter of a component with weight on most of a block's rows is faster from its rows
     * ({@link #addGram}) than from the block's columns ({@link #products4x4}, {@link #symmetricTile}) at
     * this d.
     */
    abstract boolean scatterByRows(int d);

    /**
     * {@code out[b] = Σ_{i<to} z_i[b]²} with z = U·(x_b − μ), μ at {@code mean[mOff..mOff+d)}, for the
     * rows of a transposed block, U packed by {@link GaussianFactor#packStrips}; {@code work} holds
     * {@link GaussianFactor#PRODUCT_ROWS}·d values. Writes and reads up to the next multiple of
     * {@link GaussianFactor#PRODUCT_ROWS} rows: {@code out} and the block's arrays must be that long
     * (the values past {@code rows} mean nothing). {@code to} a multiple of four (or d): the sum is
     * then exactly the one the whole distance passes through, so a lower bound of it.
     */
    abstract void mahalanobis(double[] packed, int d, double[][] xt, int rows, double[] mean, int mOff, double[] out,
                              double[] work, int to);

    /**
     * {@link #mahalanobis}'s whole sums (to d) for the listed rows of a block, {@code out[q]} for the
     * row {@code x[blockRows[picked[q]]·d ..]} of the row-major data, q < count; writes {@code out} up
     * to the next multiple of {@link GaussianFactor#PRODUCT_ROWS}. With the mean folded in as
     * {@link #mahalanobisOfPanels} folds it when {@code shift} (U·μ) is not null: then the same sums,
     * to the bit, as those of the block's panels.
     */
    abstract void mahalanobisOfRows(double[] packed, int d, double[] x, int[] blockRows, int[] picked, int count,
                                    double[] mean, int mOff, double[] shift, double[] out, double[] work);

    /**
     * The rows of a transposed block as {@link #mahalanobis} reads them, made once for every
     * component: a panel per pass of the product (sixteen rows with 256-bit vectors, thirty-two with
     * 512-bit), its rows' first {@code columns} coordinates one column after the other (room for d),
     * up to the pass's multiple past {@code rows}; into {@code panels} unless it is null or too small,
     * then into new arrays, which are returned.
     */
    abstract double[][] panels(double[][] xt, int d, int columns, int rows, double[][] panels);

    /**
     * {@link #mahalanobis}'s sums for several components, {@code out[c]} from {@code packed[c]}, from
     * the block's {@link #panels} with each mean folded into the product: z = U·x − U·μ,
     * {@code shifts[c]} = U·μ (d values and zeros up to a multiple of four), so that no component
     * makes differences of its own.
     */
    abstract void mahalanobisOfPanels(double[][] packed, int d, double[][] panels, int rows, double[][] shifts,
                                      double[][] out, int to);

    /** {@link #mahalanobisOfPanels}' whole sums (to d) for one component. */
    abstract void mahalanobisOfPanels(double[] packed, int d, double[][] panels, int rows, double[] shift, double[] out);
}
