// SPDX-License-Identifier: Apache-2.0
package gmm4j.internal;

/**
 * From log-joints to posteriors: each row's responsibilities (log-sum-exp), its log-likelihood and,
 * for a final score, the log-loss of its most probable component; for one row, or for a block of
 * rows component by component in loops the JIT vectorises.
 */
final class Posteriors {
    private Posteriors() {
    }

    /**
     * Turns log-joint values into posterior probabilities in place; returns their log-sum-exp. Terms
     * below {@link Exponentials#CUT} relative to the largest are 0: most components are that far
     * from most rows, and their exponentials are not worth computing. A row no component can explain
     * gets equal shares.
     */
    static double normalise(double[] logJoint, int k) {
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < k; c++) max = Math.max(max, logJoint[c]);
        if (max == Double.NEGATIVE_INFINITY) {
            for (int c = 0; c < k; c++) logJoint[c] = 1.0 / k;
            return max;
        }
        double sum = 0;
        for (int c = 0; c < k; c++) {
            double x = logJoint[c] - max;
            double e = x < Exponentials.CUT ? 0 : Math.exp(x);
            logJoint[c] = e;
            sum += e;
        }
        for (int c = 0; c < k; c++) logJoint[c] /= sum;
        return max + Math.log(sum);
    }

    /**
     * Each row of a block, from its log-joints in {@code s.byComponent}, to {@code visitor}: its log
     * density and its posterior (in {@code posterior}, reused), the values of {@link #normalise}.
     */
    static void visitBlock(BlockScratch s, int k, int count, double[] posterior, Mixture.RowVisitor visitor) {
        double[][] block = s.byComponent;
        double[] max = s.rowMax;
        double[] total = s.rowTotal;
        Kernels.rowMax(block, k, count, max);
        exponentiate(s, k, count, null);
        for (int b = 0; b < count; b++) {
            double logDensity = max[b];
            if (logDensity == Double.NEGATIVE_INFINITY) {
                // no component can explain the row: as normalise, equal shares
                for (int c = 0; c < k; c++) posterior[c] = 1.0 / k;
            } else {
                for (int c = 0; c < k; c++) posterior[c] = block[c][b] / total[b];
                logDensity += Math.log(total[b]);
            }
            visitor.row(s.blockRows[b], logDensity, posterior);
        }
    }

    /**
     * The block's log-joints in {@code s.byComponent} turned into e^{log-joint − row max} in place,
     * their sums per row into {@code s.rowTotal}; with {@code roots}, each made as the square of its
     * half exponential, kept there (the Vector API's path).
     */
    private static void exponentiate(BlockScratch s, int k, int count, double[][] roots) {
        double[] total = s.rowTotal;
        for (int b = 0; b < count; b++) total[b] = 0;
        for (int c = 0; c < k; c++) {
            if (roots != null) s.vector.halfExpOfDifference(s.byComponent[c], s.rowMax, count, total, roots[c]);
            else s.expOfDifference(s.byComponent[c], s.rowMax, count, total);
        }
    }

    /**
     * Counts each row's MAP label from its log-joints (the posterior's order): the first component
     * whose log-joint is the row's maximum.
     */
    private static void countLabels(double[][] block, int k, int count, double[] max, long[] labels) {
        for (int b = 0; b < count; b++) {
            int c = 0;
            while (c < k - 1 && !(block[c][b] == max[b])) c++;
            labels[c]++;
        }
    }

    /** −log max_c r_c of one row's posterior: the log-loss of its MAP label. */
    static double mapLogLoss(double[] posterior, int k) {
        double max = 0;
        for (int c = 0; c < k; c++) max = Math.max(max, posterior[c]);
        return -Math.log(max);
    }

    /**
     * The E-step of a block of complete rows without categorical columns, from the log-joints in
     * {@code s.byComponent}: records each row in {@code score} and, when {@code fitting}, leaves each
     * component's weighted responsibilities w·r in {@code s.byComponent}. The row-by-row form of
     * {@link #normalise}, component by component over the rows, but for the exponentials. A final
     * score also needs each row's MAP log-loss −log max_c r_c = log Σe, with e = exp(log-joint − max):
     * the most probable component's e is exactly 1, so the row's own logarithm is that loss too.
     * With {@code roots} (fitting, on the Vector API's path), each e is made as the square of
     * e^{(log-joint − max)/2}, and those halves times √(w / total) leave the square roots of the weighted
     * responsibilities in {@link BlockScratch#roots}: a product per pair and a square root per row,
     * where the moments would take a square root per pair (a twentieth of a dense full fit at d = 16).
     */
    static void normaliseBlock(BlockScratch s, Table t, int k, int count, Likelihood score, boolean fitting, boolean roots) {
        double[][] block = s.byComponent;
        double[] max = s.rowMax;
        double[] total = s.rowTotal;
        double[] scale = s.rowScale;
        int[] rows = s.blockRows;
        Kernels.rowMax(block, k, count, max);
        if (score.mapLabels != null) countLabels(block, k, count, max, score.mapLabels);
        double[][] root = roots ? s.roots() : null;
        exponentiate(s, k, count, root);
        double lowest = Kernels.lowest(max, count);
        if (lowest == Double.NEGATIVE_INFINITY) {
            for (int b = 0; b < count; b++) {
                if (max[b] == Double.NEGATIVE_INFINITY) {
                    // no component can explain the row: as normalise, equal shares
                    for (int c = 0; c < k; c++) block[c][b] = 1;
                    if (roots) for (int c = 0; c < k; c++) root[c][b] = 1;
                    total[b] = k;
                }
            }
        }
        if (fitting && t.unitWeights()) {
            score.recordUnitBlock(rows, count, k, max, total, lowest);
            for (int b = 0; b < count; b++) scale[b] = 1 / total[b];
        } else {
            for (int b = 0; b < count; b++) {
                int i = rows[b];
                double w = t.weight(i);
                double logTotal = Math.log(total[b]);
                score.record(i, w, max[b] + logTotal);
                if (!fitting) score.mapLogLoss += w * logTotal;
                scale[b] = w / total[b];
            }
        }
        s.rootsMade = roots;
        if (!fitting) return;
        for (int c = 0; c < k; c++) {
            double[] o = block[c];
            for (int b = 0; b < count; b++) o[b] *= scale[b];
        }
        if (!roots) return;
        double[] rootScale = s.rowRootScale;
        for (int b = 0; b < count; b++) rootScale[b] = Math.sqrt(scale[b]);
        for (int c = 0; c < k; c++) {
            double[] o = root[c];
            for (int b = 0; b < count; b++) o[b] *= rootScale[b];
        }
    }
}
