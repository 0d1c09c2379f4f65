// SPDX-License-Identifier: Apache-2.0
package gmm4j.internal;

import java.util.Arrays;
import java.util.SplittableRandom;

/** A seeded uniform subset of rows, for the steps that work on part of the data (screening, the agglomeration). */
public final class RowSubset {
    private RowSubset() {
    }

    /**
     * {@code most} of the row indices in {@code pool} (all of them when it holds no more), drawn
     * uniformly by a partial Fisher–Yates shuffle seeded with {@code seed}, in increasing order.
     * Shuffles {@code pool} in place.
     */
    public static int[] of(int[] pool, int most, long seed) {
        if (pool.length <= most) return pool;
        SplittableRandom random = new SplittableRandom(seed);
        for (int a = 0; a < most; a++) {
            int pick = a + random.nextInt(pool.length - a);
            int row = pool[pick];
            pool[pick] = pool[a];
            pool[a] = row;
        }
        int[] subset = Arrays.copyOf(pool, most);
        Arrays.sort(subset);
        return subset;
    }
}
