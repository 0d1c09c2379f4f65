// SPDX-License-Identifier: Apache-2.0
package gmm4j.spark;

import java.util.List;

/** The driver's check of the blocks' shapes before a fit: bad rows reported with their index in the whole dataset. */
final class Plan {
    private Plan() {
    }

    /**
     * Checks the shapes of the blocks of every partition (in partition order).
     *
     * @param features the features column's name, for messages
     * @return the number of rows
     * @throws IllegalArgumentException for the first bad row, naming its column and its index in
     *                                  the dataset (a partition whose first vector has another size than
     *                                  the partitions' before it, or a bad row within a partition), and
     *                                  when no row has weight and an observed value
     */
    static long check(List<Block.Shape> shapes, String features) {
        long offset = 0;
        int d = -1;
        long firstRow = -1;
        boolean usable = false;
        for (Block.Shape shape : shapes) {
            if (shape.d() >= 0) {
                if (d < 0) {
                    d = shape.d();
                    firstRow = offset;
                } else if (shape.d() != d) {
                    throw new IllegalArgumentException("Row " + offset + ": column '" + features + "' has " + shape.d()
                            + " values but row " + firstRow + " has " + d + ": every features vector needs the same size.");
                }
            }
            if (shape.problem() != null) {
                throw new IllegalArgumentException("Row " + (offset + shape.problemRow()) + ": " + shape.problem());
            }
            usable |= shape.usable();
            offset += shape.n();
        }
        if (!usable) {
            throw new IllegalArgumentException("No row of column '" + features + "' has an observed value and a positive "
                    + "weight (" + offset + " rows): nothing to fit.");
        }
        return offset;
    }
}
