package gmm4j.internal;

/** Work arrays of a block kernel, kept apart so the JIT can see that they do not overlap. */
final class BlockScratch {
    /** d × rows: a block's differences from a mean. */
    final double[] diff;
    /** One value per row. */
    final double[] z;

    BlockScratch(int d, int rows) {
        this.diff = new double[d * rows];
        this.z = new double[rows];
    }
}
