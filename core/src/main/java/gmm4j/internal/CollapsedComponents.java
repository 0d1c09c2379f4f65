package gmm4j.internal;

/**
 * The repair of a collapsed component: one with less responsibility mass than one and a half
 * average rows. On a single row its covariance shrinks to the regularisation and the likelihood
 * grows without bound, a spike, not a cluster; it is moved to the row the mixture explained worst.
 * Needs nothing but an E-step's statistics, so it runs wherever they were merged.
 */
final class CollapsedComponents {
    private CollapsedComponents() {
    }

    /**
     * {@code next} (the M-step of {@code stats}) with its first collapsed component re-seeded at the
     * worst-explained row of the E-step, or null when none collapsed.
     */
    static Mixture reseedFirst(Mixture next, Statistics stats, DataScale scale, RepairLog log) {
        Likelihood score = stats.score;
        if (score.worstValues == null || next.k == 1) return null;
        double collapsedMass = 1.5 * score.weight / Math.max(1, score.rows);
        for (int c = 0; c < next.k; c++) {
            double mass = stats.moments.count[c];
            if (mass < collapsedMass) {
                log.reseeded(c, score.worstRow, mass);
                return next.reseed(c, scale.completed(score.worstValues), scale.floor(), log);
            }
        }
        return null;
    }
}
