// SPDX-License-Identifier: Apache-2.0
package gmm4j;

import java.util.Arrays;
import java.util.Random;

/** The folds of {@link Criterion#CROSS_VALIDATION}: which rows each holds out. */
final class CrossValidationFolds {
    private CrossValidationFolds() {
    }

    /** The rows of each fold: a seeded shuffle dealt round-robin. */
    static int[][] rows(Dataset data, int folds, long seed) {
        int n = data.size();
        if (n < folds) throw new IllegalArgumentException("Cannot make " + folds + " folds from " + n + " rows.");
        int[] order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
        Random random = new Random(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int tmp = order[i];
            order[i] = order[j];
            order[j] = tmp;
        }
        int[][] rows = new int[folds][];
        for (int f = 0; f < folds; f++) {
            int size = n / folds + (f < n % folds ? 1 : 0);
            rows[f] = new int[size];
            for (int a = 0; a < size; a++) rows[f][a] = order[f + a * folds];
            Arrays.sort(rows[f]);
        }
        return rows;
    }

    /** The rows of every fold but {@code skip}, sorted: the training rows of that fold. */
    static int[] complement(int[][] foldRows, int skip) {
        int size = 0;
        for (int f = 0; f < foldRows.length; f++) if (f != skip) size += foldRows[f].length;
        int[] rows = new int[size];
        int a = 0;
        for (int f = 0; f < foldRows.length; f++) {
            if (f == skip) continue;
            System.arraycopy(foldRows[f], 0, rows, a, foldRows[f].length);
            a += foldRows[f].length;
        }
        Arrays.sort(rows);
        return rows;
    }
}
