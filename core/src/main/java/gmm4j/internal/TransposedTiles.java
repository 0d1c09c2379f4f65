// SPDX-License-Identifier: Apache-2.0
package gmm4j.internal;

import java.lang.ref.SoftReference;

/**
 * A table's complete rows with weight, transposed tile by tile ({@link Kernels#TILE_ROWS} rows, the
 * blocks of the passes) as the first pass gathers them, and kept for the passes after it: a fit's
 * later iterations and the other fits on the same table read their blocks in place instead of
 * transposing them again. At d = 64 the transposition, which reads the data from memory, was a
 * third of a diagonal or spherical iteration.
 *
 * <p>The tiles take as much memory as the data. They are kept only when they fit in a quarter of
 * the heap left when the table is made, and softly: a collector short of memory drops them all, and
 * the passes transpose again (the same values: a block's values do not depend on where they come
 * from).
 */
final class TransposedTiles {
    /** A tile's rows with weight: their indices in the table and their values, one array per coordinate. */
    record Tile(int[] rows, double[][] columns) {
    }

    private final int n;
    private final int d;
    private final boolean withinBudget;
    /**
     * One slot per tile, filled by the pass that first gathers it. Tiles are stored without a lock:
     * a tile's fields are final, so a thread that sees one sees its arrays as they were made.
     */
    private volatile SoftReference<Tile[]> tiles = new SoftReference<>(null);

    TransposedTiles(int n, int d) {
        this.n = n;
        this.d = d;
        Runtime runtime = Runtime.getRuntime();
        long heapLeft = runtime.maxMemory() - (runtime.totalMemory() - runtime.freeMemory());
        long bytes = (long) tileCount() * d * Kernels.TILE_ROWS * Double.BYTES;
        this.withinBudget = n > 0 && bytes <= heapLeft / 4;
    }

    private int tileCount() {
        return (n + Kernels.TILE_ROWS - 1) / Kernels.TILE_ROWS;
    }

    /** Whether {@code [from, to)} is one whole tile (the passes' blocks are, but nothing relies on it). */
    private boolean isTile(int from, int to) {
        return from % Kernels.TILE_ROWS == 0 && to == Math.min(n, from + Kernels.TILE_ROWS);
    }

    /** The kept tile of rows {@code [from, to)}, or null. */
    Tile kept(int from, int to) {
        Tile[] all = tiles.get();
        return all == null || !isTile(from, to) ? null : all[from / Kernels.TILE_ROWS];
    }

    /** New arrays for the tile of rows {@code [from, to)} to be kept in, or null when it is not to be kept. */
    double[][] newColumns(int from, int to) {
        return withinBudget && isTile(from, to) ? new double[d][Kernels.TILE_ROWS] : null;
    }

    /** Keeps the tile of rows {@code [from, to)}, its arrays from {@link #newColumns}. */
    void keep(int from, Tile tile) {
        Tile[] all = tiles.get();
        if (all == null) all = slots();
        all[from / Kernels.TILE_ROWS] = tile;
    }

    private synchronized Tile[] slots() {
        Tile[] all = tiles.get();
        if (all == null) {
            all = new Tile[tileCount()];
            tiles = new SoftReference<>(all);
        }
        return all;
    }
}
