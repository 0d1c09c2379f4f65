// SPDX-License-Identifier: Apache-2.0
package gmm4j;

import gmm4j.internal.Mixture;
import gmm4j.internal.Table;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The candidates of a selection in grid order (covariance types outer, K inner), screened before any
 * fit: a candidate whose K components cannot all have the responsibility mass their covariance
 * needs (K times its model's minimum, d + 1 rows for a full covariance, above the data's total
 * weight) would have a singular component whatever its fit, so it is not fitted and has no score.
 */
final class CandidateGrid {
    /** A candidate: K and the covariance type. */
    record Pair(int k, CovarianceType type) {
    }

    private final List<Pair> toFit = new ArrayList<>();
    private final List<ModelSelection.Score> notFitted = new ArrayList<>();
    /** Whether each candidate, in grid order, is fitted. */
    private final List<Boolean> fitted = new ArrayList<>();

    private CandidateGrid() {
    }

    /**
     * The grid of {@code types} × {@code ks} on {@code data}, fitted with the settings of {@code base}:
     * with a noise component in each if it has one; under a prior, the models mclust has no prior for
     * are not fitted (as {@code mclustBIC} leaves them out).
     */
    static CandidateGrid of(Dataset data, CovarianceType[] types, int[] ks, FitSettings base) {
        Table t = data.table();
        return of(types, ks, t.d, t.levels, data.totalWeight(), base);
    }

    /** The grid of {@code types} × {@code ks} for data of {@code d} numeric columns, {@code levels} and {@code weight}. */
    static CandidateGrid of(CovarianceType[] types, int[] ks, int d, int[] levels, double weight, FitSettings base) {
        CandidateGrid grid = new CandidateGrid();
        for (CovarianceType type : types) {
            int needed = Mixture.minimumMass(type, d);
            boolean priorAvailable = base.prior() == null || ConjugatePrior.supports(type);
            for (int k : ks) {
                String why = !priorAvailable ? "not fitted: mclust has no conjugate prior for " + type
                        : (double) k * needed > weight ? String.format(Locale.ROOT, "not fitted: %d components of %d rows "
                        + "each (what a %s covariance needs) is more than the data's weight %s", k, needed, type, number(weight))
                        : null;
                grid.fitted.add(why == null);
                if (why == null) {
                    grid.toFit.add(new Pair(k, type));
                } else {
                    grid.notFitted.add(ModelSelection.Score.none(k, type, Double.NaN,
                            Mixture.parameterCount(k, d, type, levels, base.noise()), why));
                }
            }
        }
        return grid;
    }

    /** A weight as a whole number when it is one (the row count of unweighted data). */
    private static String number(double weight) {
        return weight == Math.rint(weight) && weight < 1e15 ? Long.toString((long) weight) : String.format(Locale.ROOT, "%.6g", weight);
    }

    /** The candidates to fit, in grid order. */
    List<Pair> toFit() {
        return toFit;
    }

    /** The scores of the candidates not fitted, in grid order. */
    List<ModelSelection.Score> notFitted() {
        return notFitted;
    }

    /** Every candidate's score in grid order, given those of the fitted ones (in the order of {@link #toFit}; null: nulls there). */
    List<ModelSelection.Score> inOrder(List<ModelSelection.Score> ofFitted) {
        List<ModelSelection.Score> all = new ArrayList<>();
        int f = 0, n = 0;
        for (boolean isFitted : fitted) all.add(isFitted ? ofFitted == null ? null : ofFitted.get(f++) : notFitted.get(n++));
        return all;
    }
}
