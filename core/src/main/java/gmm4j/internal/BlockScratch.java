// SPDX-License-Identifier: Apache-2.0
package gmm4j.internal;

/**
 * One thread's work arrays for the passes over the data, each with one meaning. A block of rows is
 * held transposed, one array per coordinate, and every inner loop indexes its arrays by the row
 * alone: then the JIT can prove that the loop carries no dependence through memory and vectorises
 * it (with an offset it cannot, and does not).
 *
 * <p>A thread keeps its scratch for the next chunk of the same {@link Parallel} ({@link #of}): a pass
 * allocates only its chunks' statistics. A chunk runs to its end without waiting on other tasks, so
 * no two chunks share a thread's scratch at once.
 */
final class BlockScratch {
    final int k;
    final int d;
    /**
     * d × rows: the block in hand transposed, {@code xt[j][b]} is coordinate j of the block's row b;
     * read only: it is either {@link #ownColumns} or a table's kept tile ({@link TransposedTiles}).
     */
    double[][] xt;
    /**
     * The data the block in hand was read from, row-major, its row b at {@code blockRows[b]·d}; null
     * where the block was written otherwise ({@link #ownColumns()}).
     */
    double[] rowMajor;
    /** d × rows: this scratch's own arrays for a block. */
    private final double[][] ownColumns;
    /** The data's index of each row of the block. */
    final int[] blockRows;
    /** d × rows: the block's differences from a point, made panel by panel by the triangular product. */
    final double[][] diff;
    /** d × rows: the block transformed by a covariance's inverse factor. */
    final double[][] transformed;
    /**
     * k × rows, a value per component and row: the log-joints, turned in place into the weighted
     * responsibilities (squared distances, for k-means).
     */
    final double[][] byComponent;
    /** Per row: its largest log-joint. */
    final double[] rowMax;
    /** Per row: Σ_c exp(log-joint − max). */
    final double[] rowTotal;
    /** Per row: what its exponentials are multiplied by to give weighted responsibilities, w / total. */
    final double[] rowScale;
    /** Per row: the exponentials' reduced arguments. */
    final double[] reduced;
    /** Per row: its whole weight w·Σ_c r_c, for a scatter shared by all components. */
    final double[] rowWeight;
    /** Per row: the square root of its weighted responsibility for one component (the Vector API's scatter). */
    final double[] rootWeight;
    /** Per row: √(w / total), what its half exponentials are multiplied by to give {@link #roots}. */
    final double[] rowRootScale;
    /**
     * Whether {@link #roots} holds the square roots of {@link #byComponent} for the block in hand: set
     * by {@link Posteriors#normaliseBlock} for the moments' {@link Moments#addBlock} that follows it,
     * cleared when a new block is taken in hand ({@link #readBlock}).
     */
    boolean rootsMade;
    /**
     * Whether the pass's moments take the block's squared distances from the means
     * ({@link Moments#takesSquaredDistances}): set by the E-step around its log-joints.
     */
    boolean distancesWanted;
    /** The means {@link #squaredDistances} were taken from for the block in hand, or null (cleared by {@link #readBlock}). */
    double[] distancesMeans;
    /** Per row: a lower bound of its best log-joint (the bounded full-covariance E-step). */
    final double[] bestLowerBound;
    /** Per row: a Mahalanobis distance of the rows picked for a component. */
    final double[] distance;
    /** Positions in the block of the rows in {@link #subset}. */
    final int[] picked;
    /** One component per row: the most promising. */
    final int[] candidate;
    /** Per component, how many of {@link #positions} are in use. */
    final int[] positionCount;
    /** Per component, the block's mass Σ_b w·r (the spherical moments' first moments need it), k values. */
    final double[] blockMass;
    /** One row's responsibilities, k values. */
    final double[] responsibility;
    /** One row with its missing values completed, d values. */
    final double[] completedRow;
    /** One row's difference from a shift, d values. */
    final double[] rowDiff;
    /** d values for the observed part of one row. */
    final double[] rowWork;
    /** A whole block's column folded into lanes: its first moment's terms and its squares' ({@link AxisMoments}). */
    final double[] firstLanes = new double[AxisMoments.LANES];
    final double[] squareLanes = new double[AxisMoments.LANES];
    /** Sixteen sums of a four-by-four tile of dot products ({@link Kernels#products4x4}), and four first moments ({@link VectorKernels#symmetricTile}). */
    final double[] tile = new double[20];
    /** The Vector API's unsummed vectors ({@link VectorKernels#LANE_ROOM}). */
    final double[] lanes = new double[VectorKernels.LANE_ROOM];
    /** Positions in the block of four rows, for a rank-four update. */
    final int[] quad = new int[4];
    /** The four rows of {@link #quad} as differences from a shift, one array each. */
    final double[][] quadDiff;
    /** The Vector API's kernels, or null for the scalar loops (see {@link Parallel#VECTOR}). */
    VectorKernels vector;
    /**
     * A component's U·μ for {@link VectorKernels#mahalanobisOfPanels}, d values and zeros up to a
     * multiple of four ({@link GaussianFactor#foldMean}), with the factor and means it was made for;
     * {@code shift} null where the mean is not folded.
     */
    private record MeanShift(GaussianFactor factor, double[] means, double[] shift) {
    }

    /** Per component (its mean's offset over d): its {@link MeanShift}, made once per factor and means (a mixture's do not change); made on first use. */
    private MeanShift[] meanShifts;
    /** The block in hand as {@link VectorKernels#panels}, its first {@link #panelRows} rows' first {@link #panelColumns} coordinates; made on first use. */
    private double[][] panels;
    /** How many of the block's rows {@link #panels} holds: 0 until made for the block in hand. */
    private int panelRows;
    private int panelColumns;
    /** Sixteen rows' differences for {@link VectorKernels#mahalanobis}: 16·d values. */
    final double[] productWork;
    /** d × rows: a subset of the block's rows, transposed; made when the bounded E-step first needs it. */
    private double[][] subset;
    /** k × rows: per component, positions in the block of its rows with weight; made on first use. */
    private int[][] positions;
    /** rows × a stride of at least d: some of the block's rows one after another ({@link #gramRows}); made on first use. */
    private double[] gramRows;
    /** d × rows: the block's differences times the rows' weights; made on first use (moments by columns). */
    private double[][] weightedDiff;
    /** k × rows: per component, the square roots of the weighted responsibilities; made on first use (see {@link #rootsMade}). */
    private double[][] roots;
    /** k × rows: per component, the squared distances of the block's rows from its mean; made on first use (see {@link #distancesMeans}). */
    private double[][] squaredDistances;

    BlockScratch(int k, int d, int rows) {
        this.k = k;
        this.d = d;
        this.ownColumns = new double[d][rows];
        this.xt = ownColumns;
        this.blockRows = new int[rows];
        this.diff = new double[d][rows];
        this.transformed = new double[d][rows];
        this.byComponent = new double[k][rows];
        this.rowMax = new double[rows];
        this.rowTotal = new double[rows];
        this.rowScale = new double[rows];
        this.reduced = new double[rows];
        this.rowWeight = new double[rows];
        this.rootWeight = new double[rows];
        this.rowRootScale = new double[rows];
        this.bestLowerBound = new double[rows];
        this.distance = new double[rows];
        this.picked = new int[rows];
        this.candidate = new int[rows];
        this.positionCount = new int[k];
        this.blockMass = new double[k];
        this.responsibility = new double[k];
        this.completedRow = new double[d];
        this.rowDiff = new double[d];
        this.rowWork = new double[d];
        this.quadDiff = new double[4][d];
        this.productWork = new double[GaussianFactor.PRODUCT_ROWS * d];
    }

    /**
     * The calling thread's scratch for the passes of {@code parallel}, for blocks of
     * {@link Kernels#TILE_ROWS} rows and up to k components: kept between chunks, and made anew when
     * it is too small or of another dimension.
     */
    static BlockScratch of(Parallel parallel, int k, int d) {
        BlockScratch s = (BlockScratch) parallel.workspace.get();
        if (s == null || s.d != d || s.k < k) {
            s = new BlockScratch(s == null || s.d != d ? k : Math.max(k, s.k), d, Kernels.TILE_ROWS);
            parallel.workspace.set(s);
        }
        s.vector = parallel.vector;
        return s;
    }

    /** Σ a[b]·c[b] over b < n (Σ a[b] when c is null), by this thread's kernels. */
    double dot(double[] a, double[] c, int n) {
        return vector != null ? vector.dot(a, c, n, lanes) : Kernels.dot(a, c, n);
    }

    /**
     * {@code v[b] = e^{v[b] − minus[b]}}, each added to {@code total[b]}, for b < n, by this thread's
     * kernels ({@link VectorKernels#expOfDifference}, else {@link Exponentials#expOfDifference} through {@link #reduced}).
     */
    void expOfDifference(double[] v, double[] minus, int n, double[] total) {
        if (vector != null) vector.expOfDifference(v, minus, n, total);
        else Exponentials.expOfDifference(v, minus, n, reduced, total);
    }

    /** The per-component square roots of the weighted responsibilities (made on first use: only full covariances on the Vector API's path take them). */
    double[][] roots() {
        if (roots == null) roots = new double[byComponent.length][picked.length];
        return roots;
    }

    /**
     * Where a spherical E-step keeps the block's squared distances from {@code means}, if the moments
     * that follow want them ({@link #distancesWanted}), else null; they are then the block's for
     * those means ({@link #squaredDistances}).
     */
    double[][] distancesFrom(double[] means) {
        if (!distancesWanted) return null;
        if (squaredDistances == null) squaredDistances = new double[byComponent.length][picked.length];
        distancesMeans = means;
        return squaredDistances;
    }

    /** The block's squared distances from {@code means} if a spherical E-step kept them for it, else null. */
    double[][] squaredDistances(double[] means) {
        return distancesMeans == means ? squaredDistances : null;
    }

    /** {@link Kernels#nonZero}, by this thread's kernels. */
    int nonZero(double[] a, int n) {
        return vector != null ? vector.nonZero(a, n) : Kernels.nonZero(a, n);
    }

    /** {@link Kernels#products4x4}, by this thread's kernels; the sixteen sums into {@link #tile}. */
    void products4x4(double[][] a, int a0, int aEnd, double[][] c, int c0, int cEnd, int n) {
        if (vector != null) vector.products4x4(a, a0, aEnd, c, c0, cEnd, n, tile, lanes);
        else Kernels.products4x4(a, a0, aEnd, c, c0, cEnd, n, tile);
    }

    /**
     * {@link Kernels#transpose} of the first {@code count} rows of {@link #blockRows}, by this thread's
     * kernels, into {@code target} (this scratch's own arrays when null), which becomes {@link #xt}.
     */
    void transposeBlock(double[] x, int d, int count, double[][] target) {
        readBlock(target == null ? ownColumns : target, x);
        if (vector != null) vector.transpose(x, d, blockRows, count, xt);
        else Kernels.transpose(x, d, blockRows, count, xt);
    }

    /** Makes {@code columns} the block in hand, {@link #xt}, read from {@code rowMajor} (or null: see {@link #rowMajor}). */
    void readBlock(double[][] columns, double[] rowMajor) {
        xt = columns;
        this.rowMajor = rowMajor;
        rootsMade = false;
        distancesMeans = null;
        panelRows = 0;
    }

    /**
     * The first {@code rows} rows of the block in hand, their first {@code columns} coordinates, as
     * {@link VectorKernels#panels} (this thread's vector kernels), made once for the components that
     * read them.
     */
    double[][] panels(int rows, int columns) {
        if (panelRows < rows || panelColumns < columns) {
            panels = vector.panels(xt, d, columns, rows, panels);
            panelRows = rows;
            panelColumns = columns;
        }
        return panels;
    }

    /** Makes this scratch's own arrays the block in hand and returns them, to be written. */
    double[][] ownColumns() {
        readBlock(ownColumns, null);
        return ownColumns;
    }

    /** U·μ of {@code factor} and the mean at {@code means[mOff..]}, or null when that mean is not to be folded into its product. */
    double[] meanShift(GaussianFactor factor, double[] means, int mOff) {
        int c = mOff / d;
        if (meanShifts == null || c >= meanShifts.length) meanShifts = new MeanShift[Math.max(k, c + 1)];
        MeanShift kept = meanShifts[c];
        if (kept == null || kept.factor != factor || kept.means != means) {
            double[] shift = new double[(d + 3) & -4];
            kept = new MeanShift(factor, means, factor.foldMean(means, mOff, shift) ? shift : null);
            meanShifts[c] = kept;
        }
        return kept.shift;
    }

    /** The per-component positions (made on first use: only the moments of separated components need them). */
    int[][] positions() {
        if (positions == null) positions = new int[positionCount.length][picked.length];
        return positions;
    }

    /** Room for a pass of {@link VectorKernels#addScatterOfRows}' rows one after another, {@code stride} values each; made on first use. */
    double[] gramRows(int stride) {
        int size = stride * Math.min(picked.length, VectorKernels.gramPassRows(stride));
        if (gramRows == null || gramRows.length < size) gramRows = new double[size];
        return gramRows;
    }

    /** The subset's arrays (made on first use: only the bounded full-covariance E-step, from d = 32, needs them, where it gathers rows from the block's columns). */
    double[][] subset() {
        if (subset == null) subset = new double[d][picked.length];
        return subset;
    }

    /** The weighted differences' arrays (made on first use: only moments by columns need them: few columns, or overlapping components). */
    double[][] weightedDiff() {
        if (weightedDiff == null) weightedDiff = new double[d][picked.length];
        return weightedDiff;
    }
}
