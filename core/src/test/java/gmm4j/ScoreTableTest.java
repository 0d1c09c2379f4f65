// SPDX-License-Identifier: Apache-2.0
package gmm4j;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The mclust-style table of a selection: K by model, the chosen cell marked, NA cells and their reasons. */
class ScoreTableTest {

    private static ModelSelection.Score scored(int k, CovarianceType type, double value) {
        return new ModelSelection.Score(k, type, -value / 2, 5, value, value, value, Double.NaN, value, null);
    }

    /**
     * Columns in mclust's order whatever the scores' order, cells right-aligned with the mark after
     * the number, NA for a candidate without a score and its reason under the table, and a column as
     * wide as its widest number (here one past 1e6, in scientific notation).
     */
    @Test
    void layoutIsMclustsWithTheChosenCellMarkedAndEachNaExplained() {
        ModelSelection.Score best = scored(2, CovarianceType.FULL, 11105.859);
        List<ModelSelection.Score> scores = List.of(
                scored(1, CovarianceType.FULL, 13540.4762), best,
                ModelSelection.Score.none(10, CovarianceType.FULL, -5000, 59, "singular: a component of 1.5 rows"),
                scored(1, CovarianceType.TIED, 13540.4762), scored(2, CovarianceType.TIED, 11117.91234),
                scored(10, CovarianceType.TIED, 2.5e6),
                scored(1, CovarianceType.EII, 0.5), scored(2, CovarianceType.EII, 12.25),
                ModelSelection.Score.none(10, CovarianceType.EII, Double.NaN, 30, "not fitted: too few rows"));
        String expected = """
                 K      EII            EEE          VVV
                 1   0.5000     13540.4762   13540.4762
                 2  12.2500     11117.9123   11105.8590*
                10       NA   2.500000E+06           NA
                NA = no score:
                  K = 10, EII: not fitted: too few rows
                  K = 10, VVV: singular: a component of 1.5 rows
                """;
        assertEquals(expected, ModelSelection.table(scores, best));
    }

    /** A cancelled selection's table: the candidates that never finished are "-", and nothing is marked without a best. */
    @Test
    void missingCandidatesAreDashes() {
        List<ModelSelection.Score> scores = List.of(scored(1, CovarianceType.VEV, 10), scored(2, CovarianceType.VEV, 9),
                scored(1, CovarianceType.DIAGONAL, 11));
        String expected = """
                K      VVI       VEV
                1  11.0000   10.0000
                2        -    9.0000
                - = not fitted: the selection was cancelled first
                """;
        assertEquals(expected, ModelSelection.table(scores, null));
    }

    /** The log-likelihoods in the same layout: a singular candidate shows what it reached, one not fitted NA, no reasons. */
    @Test
    void theLogLikelihoodTableShowsWhatEachFitReached() {
        ModelSelection.Score best = scored(2, CovarianceType.FULL, 11105.859);
        List<ModelSelection.Score> scores = List.of(scored(1, CovarianceType.FULL, 13540.4762), best,
                ModelSelection.Score.none(3, CovarianceType.FULL, -5000, 17, "singular: a component of 1.5 rows"),
                ModelSelection.Score.none(4, CovarianceType.FULL, Double.NaN, 23, "not fitted: too few rows"));
        String expected = """
                K         VVV
                1  -6770.2381
                2  -5552.9295*
                3  -5000.0000
                4          NA
                """;
        assertEquals(expected, ModelSelection.logLikelihoodTable(scores, best));
    }
}
