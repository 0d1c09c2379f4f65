// SPDX-License-Identifier: Apache-2.0
package gmm4j;

import gmm4j.internal.RowSubset;

import java.util.ArrayList;
import java.util.List;

/**
 * Which candidates of a screened selection must be fitted on all the rows so that the choice is the
 * one the fits of all the rows make (see the theory, "Screening").
 *
 * <p>A candidate of p parameters fitted on m of the n rows and scored on all of them loses
 * likelihood to its fit on all the rows, by the sampling error of its parameters: near the
 * optimum, −2 × the loss is (n/m − 1)·χ²_p (the sample's estimate deviates from the full one with
 * covariance (1/m − 1/n)·I⁻¹, and the full data's curvature is n·I). So its screened score S exceeds
 * its full-fit score by about (n/m − 1)·p, and by more than (n/m − 1)·q(p), q the χ²_p quantile
 * four standard deviations out, hardly ever. A candidate is therefore left with its screened score
 * only when S − (n/m − 1)·q(p) is above the best score fitted on all the rows: then its own fit on
 * all the rows could not win. All other candidates are fitted on all the rows, as
 * {@code screeningRows(0)} fits them, and so are those the band cannot judge: the winner and its
 * neighbours, every type with a K within one of the winner's, and every candidate singular on the
 * sample (a component with too few of its rows). The band assumes that the sample fit found the
 * optimum the fit of all the rows finds; a light cluster has so few rows in the sample that its
 * k-means start and EM may miss it there and find it on all the rows (or the other way round), which
 * moves a score by far more than any band. A fit that misses a cluster is no better than one of a
 * component fewer, so the sample's winner then has the K of the exact winner or one more, or the
 * exact winner's K in another type: the neighbours hold the exact winner. The rounds repeat around
 * each new winner until all its neighbours and every candidate inside the band are fitted on all
 * the rows.
 */
final class Screening {
    /** How far out in the χ² tail the band reaches, in standard normal deviations (Wilson–Hilferty). */
    static final double Z = 4;

    private final List<ModelSelection.Score> screened;
    private final double ratio;

    /**
     * @param screened the candidates' scores (in grid order) from their sample fits, on all the rows
     * @param rows the weight of all the rows
     * @param sampleRows the weight of the sample
     */
    Screening(List<ModelSelection.Score> screened, double rows, double sampleRows) {
        this.screened = List.copyOf(screened);
        this.ratio = rows / sampleRows - 1;
    }

    /** The sample is at least this fraction of the rows (see {@link #sampleRows}). */
    static final int LEAST_FRACTION = 10;

    /**
     * The sample's size: {@code requested}, at least five rows per parameter of the largest candidate
     * and at least a tenth of the data. A candidate Δp parameters larger than the winner that only
     * overfits is behind it by Δp·ln n, BIC's step, beyond its mean sampling loss; the band allows four
     * spreads more, 4·(n/m − 1)·√(2p). On a sample 40 times smaller than the data that exceeds the step
     * for hardly a candidate above the winner, and all of them stay in doubt; with n/m ≤ 10 those with
     * many more parameters than the winner, the costly fits, are ruled out, while those that stay in
     * doubt are cheap to fit on all the rows.
     */
    static long sampleRows(long requested, long largestParameters, int n) {
        return Math.max(Math.max(requested, 5 * largestParameters), n / LEAST_FRACTION);
    }

    /**
     * The seeded uniform sample of {@code rows} of the data's rows, in their order.
     */
    static Dataset sample(Dataset data, int rows, long seed) {
        int[] all = new int[data.size()];
        for (int i = 0; i < all.length; i++) all[i] = i;
        return data.select(RowSubset.of(all, rows, seed));
    }

    /**
     * The most a sample fit's score exceeds its fit on all the rows, but for odds of about 3·10⁻⁵:
     * (n/m − 1) times the χ²_p quantile {@value #Z} standard deviations out (Wilson–Hilferty).
     */
    double band(long parameters) {
        double p = parameters;
        double c = 2 / (9 * p);
        return ratio * p * Math.pow(1 - c + Z * Math.sqrt(c), 3);
    }

    /** The candidates to fit on all the rows first: the screened winner and its neighbours, those singular on the sample. */
    List<Integer> first() {
        int winner = best(screened);
        if (winner < 0) return all(); // nothing on the sample can be judged
        List<Integer> first = new ArrayList<>();
        for (int i = 0; i < screened.size(); i++) {
            if (i == winner || !screened.get(i).scored()) first.add(i);
        }
        addNeighbours(first, winner, null);
        return first;
    }

    /**
     * The candidates still in doubt given the fits on all the rows so far ({@code full}, in grid
     * order, null where not fitted on all the rows): those whose screened score, less its band, is
     * below the best full fit's score, and the neighbours of that winner (K within one, every type).
     */
    List<Integer> inDoubt(List<ModelSelection.Score> full) {
        int winner = best(full);
        List<Integer> doubt = new ArrayList<>();
        if (winner < 0) {
            for (int i = 0; i < full.size(); i++) if (full.get(i) == null) doubt.add(i); // no full fit scored: all of them
            return doubt;
        }
        double bound = full.get(winner).value();
        for (int i = 0; i < full.size(); i++) {
            ModelSelection.Score s = screened.get(i);
            if (full.get(i) == null && (!s.scored() || s.value() - band(s.parameters()) < bound)) doubt.add(i);
        }
        addNeighbours(doubt, winner, full);
        return doubt;
    }

    /**
     * Adds the candidates of every type whose K is within one of candidate {@code i}'s, not fitted on
     * all the rows yet ({@code full} null: none is).
     */
    private void addNeighbours(List<Integer> to, int i, List<ModelSelection.Score> full) {
        int k = screened.get(i).components();
        for (int j = 0; j < screened.size(); j++) {
            boolean near = Math.abs(screened.get(j).components() - k) <= 1;
            if (near && (full == null || full.get(j) == null) && !to.contains(j)) to.add(j);
        }
    }

    private List<Integer> all() {
        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < screened.size(); i++) all.add(i);
        return all;
    }

    /** The index of the scored score of the lowest value (nulls skipped), or -1. */
    static int best(List<ModelSelection.Score> scores) {
        int best = -1;
        for (int i = 0; i < scores.size(); i++) {
            ModelSelection.Score s = scores.get(i);
            if (s != null && s.scored() && (best < 0 || s.value() < scores.get(best).value())) best = i;
        }
        return best;
    }
}
