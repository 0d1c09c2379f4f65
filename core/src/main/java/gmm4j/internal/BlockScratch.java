package gmm4j.internal;

/**
 * Work arrays of the block kernels. A block of rows is held transposed, one array per coordinate,
 * and every inner loop indexes its arrays by the row alone: then the JIT can prove that the loop
 * carries no dependence through memory and vectorises it (with an offset it cannot, and does not).
 */
final class BlockScratch {
    /** d × rows: the block transposed. */
    final double[][] xt;
    /** d × rows: the block's differences from a mean. */
    final double[][] diff;
    /** d × rows: the block transformed by a covariance's inverse factor. */
    final double[][] transformed;
    /** One value per row. */
    final double[] z;
    /** One value per row. */
    final double[] total;
    /** One value per row: the rows' weights. */
    final double[] weight;
    /** One value per row: the exponentials' reduced arguments. */
    final double[] reduced;
    /** k × rows: log-densities, then responsibilities. */
    final double[][] out;
    /** d values for one row at a time. */
    final double[] work;
    /** d × rows: a subset of the block's rows, transposed; made when the bounded E-step first needs it. */
    private double[][] subset;
    /** Positions in the block of the rows in {@link #subset}. */
    final int[] picked;
    /** One component per row: the most promising. */
    final int[] candidate;
    /** k × rows: per component, positions in the block of its rows with weight; made on first use. */
    private int[][] positions;
    /** Per component, how many of {@link #positions} are in use. */
    final int[] positionCount;

    BlockScratch(int k, int d, int rows) {
        this.xt = new double[d][rows];
        this.diff = new double[d][rows];
        this.transformed = new double[d][rows];
        this.z = new double[rows];
        this.total = new double[rows];
        this.weight = new double[rows];
        this.reduced = new double[rows];
        this.out = new double[k][rows];
        this.work = new double[d];
        this.picked = new int[rows];
        this.candidate = new int[rows];
        this.positionCount = new int[k];
    }

    /** The per-component positions (made on first use: only diagonal and spherical covariances need them). */
    int[][] positions() {
        if (positions == null) positions = new int[positionCount.length][picked.length];
        return positions;
    }

    /** The subset's arrays (made on first use: only full covariances from d = 32 need them). */
    double[][] subset(int d) {
        if (subset == null) subset = new double[d][picked.length];
        return subset;
    }
}
