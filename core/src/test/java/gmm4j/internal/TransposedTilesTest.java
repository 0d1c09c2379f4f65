// SPDX-License-Identifier: Apache-2.0
package gmm4j.internal;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

/** The passes' blocks read from a table's kept tiles are the blocks its first pass gathered. */
class TransposedTilesTest {
    @Test
    void aKeptTileIsTheBlockTheFirstPassGathered() {
        Random random = new Random(5);
        int n = 3 * Kernels.TILE_ROWS + 41, d = 5;
        double[] x = new double[n * d], w = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) x[i * d + j] = random.nextGaussian();
            if (i % 7 == 3) x[i * d + 2] = Double.NaN; // incomplete: not in a block
            w[i] = i % 11 == 5 ? 0 : 1 + random.nextDouble(); // weight 0: not in a block
        }
        Table t = new Table(n, d, x, w, 0, new int[0], new int[0]);
        BlockScratch first = new BlockScratch(1, d, Kernels.TILE_ROWS), again = new BlockScratch(1, d, Kernels.TILE_ROWS);
        for (int from = 0; from < n; from += Kernels.TILE_ROWS) {
            int to = Math.min(n, from + Kernels.TILE_ROWS);
            int count = Kernels.gatherCompleteRows(t, from, to, first);
            int expected = 0;
            for (int i = from; i < to; i++) {
                if (t.pattern(i) != Table.COMPLETE || w[i] == 0) continue;
                assertEquals(i, first.blockRows[expected], "row " + expected + " of the block at " + from);
                for (int j = 0; j < d; j++) assertEquals(x[i * d + j], first.xt[j][expected]);
                expected++;
            }
            assertEquals(expected, count);
            double[][] gathered = first.xt;
            assertSame(gathered, t.tiles.kept(from, to).columns(), "the first pass keeps the block it gathered");

            assertEquals(count, Kernels.gatherCompleteRows(t, from, to, again));
            assertSame(gathered, again.xt, "a later pass reads the kept tile in place");
            for (int b = 0; b < count; b++) assertEquals(first.blockRows[b], again.blockRows[b]);
        }
        // a block that is not a whole tile, and one with the rows of weight 0, are gathered anew
        int count = Kernels.gatherCompleteRows(t, 1, 20, again);
        assertNotSame(t.tiles.kept(0, Kernels.TILE_ROWS).columns(), again.xt);
        assertEquals(1, again.blockRows[0]);
        assertEquals(again.xt[4][0], x[d + 4]);
        Kernels.gatherCompleteRows(t, 0, Kernels.TILE_ROWS, again, false);
        assertNotSame(t.tiles.kept(0, Kernels.TILE_ROWS).columns(), again.xt);
        assertEquals(5, again.blockRows[4], "row 5, of weight 0, is in the unweighted block");
        assertEquals(14, count, "rows 1..19 less the incomplete 3, 10, 17 and those of weight 0, 5 and 16");
    }

    @Test
    void writingOneRowDoesNotTouchAKeptTile() {
        int n = Kernels.TILE_ROWS, d = 3;
        double[] x = new double[n * d];
        for (int i = 0; i < x.length; i++) x[i] = i;
        Table t = new Table(n, d, x, null, 0, new int[0], new int[0]);
        BlockScratch s = new BlockScratch(1, d, Kernels.TILE_ROWS);
        Kernels.gatherCompleteRows(t, 0, n, s);
        Kernels.gatherCompleteRows(t, 0, n, s);
        double[][] kept = s.xt;
        double[][] own = s.ownColumns();
        assertNotSame(kept, own);
        assertSame(own, s.xt);
        own[1][0] = -1;
        assertArrayEquals(new double[]{0, 1, 2}, new double[]{kept[0][0], kept[1][0], kept[2][0]});
    }
}
