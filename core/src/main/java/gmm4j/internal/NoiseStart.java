// SPDX-License-Identifier: Apache-2.0
package gmm4j.internal;

import java.util.SplittableRandom;

/**
 * The start of a fit with a noise component. mclust starts the noise from the user's guess of the
 * noise rows and the Gaussians from the other rows; here the guess is made from the data:
 *
 * <ol>
 *   <li>The Gaussians start as without noise, but a start component with less mass than d + 1
 *       average rows cannot hold a covariance: it sits on outliers (k-means++ seeds far rows first).
 *       The rows it explains best are taken as noise, and the start is made again without them (at
 *       most {@value #ROUNDS} times, while the other rows still have K distinct ones).</li>
 *   <li>The noise's start weight is the weight of the rows taken, plus that of every other row the
 *       start Gaussians explain worse than the uniform does (density below 1/V), over the total:
 *       at least one average row (a weight of 0 would stay 0 under EM) and at most half.</li>
 * </ol>
 *
 * An explicit start gets step 2 alone; a start that has a noise component already (a refinement)
 * keeps its noise weight, on the box of the data it is fitted to.
 */
final class NoiseStart {
    /** The most starts made again without the rows of small components. */
    static final int ROUNDS = 10;

    private NoiseStart() {
    }

    static Mixture start(Table t, FitRequest s, SplittableRandom random, int restart, Parallel parallel,
                         DataScale scale, RepairLog log) {
        NoiseBox box = NoiseBox.of(t, parallel);
        if (s.start() != null) {
            Mixture given = s.start();
            return given.noise != null ? given.withNoise(box, given.noiseWeight) : withStartWeight(t, given, box, null);
        }
        // the k-means starts of another fit were made on all the rows: not shared; the prior is the data's, kept
        FitRequest own = new FitRequest(s.settings(), null, null, s.prior());
        boolean[] taken = new boolean[t.n];
        Mixture gaussians = Initializer.initialize(t, own, restart, random, parallel, scale, log);
        for (int round = 0; round < ROUNDS && takeSmallComponents(t, gaussians, taken); round++) {
            Table rest = withoutRows(t, taken);
            if (!rest.hasDistinctRows(gaussians.k)) break;
            gaussians = Initializer.initialize(rest, own, restart, random, parallel, scale, log);
        }
        return withStartWeight(t, gaussians, box, taken);
    }

    /** The average weight of a row of {@code t} with something observed. */
    private static double averageRow(Table t) {
        return t.totalWeight / Math.max(1, t.n - t.emptyRows);
    }

    /**
     * Marks as taken the rows whose most probable component has less mass than d + 1 average rows;
     * returns whether it marked any.
     */
    private static boolean takeSmallComponents(Table t, Mixture gaussians, boolean[] taken) {
        double total = 0;
        for (int i = 0; i < t.n; i++) if (!taken[i] && t.pattern(i) != Table.EMPTY) total += t.weight(i);
        boolean[] small = new boolean[gaussians.k];
        boolean any = false;
        for (int c = 0; c < gaussians.k; c++) {
            small[c] = gaussians.weight(c) * total < (t.d + 1) * averageRow(t);
            any |= small[c];
        }
        if (!any) return false;
        boolean[] marked = {false};
        gaussians.forEachRow(t, (i, logDensity, posterior) -> {
            if (taken[i] || t.pattern(i) == Table.EMPTY || t.weight(i) == 0) return;
            int best = 0;
            for (int c = 1; c < gaussians.k; c++) if (posterior[c] > posterior[best]) best = c;
            if (small[best]) marked[0] = taken[i] = true;
        });
        return marked[0];
    }

    /** {@code t} with the taken rows left out. */
    private static Table withoutRows(Table t, boolean[] taken) {
        int kept = 0;
        for (boolean b : taken) if (!b) kept++;
        int[] rows = new int[kept];
        for (int i = 0, r = 0; i < t.n; i++) if (!taken[i]) rows[r++] = i;
        return t.select(rows);
    }

    /** {@code gaussians} with the noise over {@code box} at its start weight (step 2); {@code taken} may be null. */
    private static Mixture withStartWeight(Table t, Mixture gaussians, NoiseBox box, boolean[] taken) {
        double[] noiseMass = {0};
        gaussians.forEachRow(t, (i, logDensity, posterior) -> {
            if (t.pattern(i) == Table.EMPTY) return;
            boolean noise = (taken != null && taken[i])
                    || logDensity < box.logDensity(t.x, i * t.d, t.codes, i * t.c);
            if (noise) noiseMass[0] += t.weight(i);
        });
        double weight = Math.min(0.5, Math.max(noiseMass[0], averageRow(t)) / t.totalWeight);
        return gaussians.withNoise(box, weight);
    }
}
