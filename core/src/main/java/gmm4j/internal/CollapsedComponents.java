// SPDX-License-Identifier: Apache-2.0
package gmm4j.internal;

/**
 * The repair of a collapsed component: one with less responsibility mass than one and a half
 * average rows. On a single row its covariance shrinks to the regularisation and the likelihood
 * grows without bound, a spike, not a cluster; it is moved to the row the mixture explained worst.
 * Needs nothing but an E-step's statistics, so it runs wherever they were merged.
 *
 * <p>A repair that cannot help is not made: when the worst-explained row is the one the component
 * collapsed onto (it explains that row best already), or a place where the run has re-seeded a
 * component before, moving it there would only start a loop (an outlier takes a component, the
 * component collapses onto it, is moved back to it, ...). The component is then left as the M-step
 * made it, and the log is told.
 */
final class CollapsedComponents {
    private CollapsedComponents() {
    }

    /**
     * {@code next} (the M-step of {@code stats}) with its first collapsed component re-seeded at the
     * worst-explained row of the E-step, when that can help and {@code allowed}.
     */
    static MStep.Result repair(Mixture next, Statistics stats, DataScale scale, RepairLog log, boolean allowed) {
        int c = firstCollapsed(next, stats);
        if (c < 0) return new MStep.Result(next, false, false);
        if (!allowed) return new MStep.Result(next, false, true);
        Likelihood score = stats.score;
        double mass = stats.moments.count[c];
        double[] place = scale.completed(score.worstValues);
        if (next.reseededAt(place) || explainsBest(next, c, place)) {
            log.notReseeded(c, score.worstRow, mass);
            return new MStep.Result(next, false, true);
        }
        log.reseeded(c, score.worstRow, mass);
        return new MStep.Result(next.reseed(c, place, scale.floor(), log), true, false);
    }

    /** The first component of {@code next} with less mass than one and a half average rows, or -1. */
    private static int firstCollapsed(Mixture next, Statistics stats) {
        Likelihood score = stats.score;
        if (score.worstValues == null || next.k == 1) return -1;
        double collapsedMass = 1.5 * score.weight / Math.max(1, score.rows);
        for (int c = 0; c < next.k; c++) if (stats.moments.count[c] < collapsedMass) return c;
        return -1;
    }

    /** Whether component c is the most probable one for {@code row}: it collapsed onto it. */
    private static boolean explainsBest(Mixture mixture, int c, double[] row) {
        double[] posterior = new double[mixture.columns];
        mixture.posterior(row, null, posterior);
        for (int o = 0; o < mixture.columns; o++) if (posterior[o] > posterior[c]) return false;
        return true;
    }
}
