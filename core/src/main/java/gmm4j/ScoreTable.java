// SPDX-License-Identifier: Apache-2.0
package gmm4j;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;

/**
 * A selection's scores as R mclust prints its BIC table: a row per K, a column per covariance model
 * (mclust's names, in mclust's order), in each cell the candidate's criterion value. The chosen
 * candidate's cell is marked {@code *}; a candidate without a score is {@code NA}, as in mclust, and
 * its reason is listed under the table; a cell with no candidate (a cancelled selection stopped
 * before it) is {@code -}. The same layout shows the candidates' log-likelihoods, which never fall
 * as K grows within a model. The tables are made by {@link ModelSelection#table} and
 * {@link ModelSelection#logLikelihoodTable}; public here is the number format they share with the
 * Weka clusterer's report ({@link #number}).
 */
public final class ScoreTable {
    private ScoreTable() {
    }

    /** The criterion's table, with the reasons of the candidates without a score under it. */
    static String of(List<ModelSelection.Score> scores, ModelSelection.Score best) {
        return layout(scores, best, s -> s.scored() ? s.value() : Double.NaN, true);
    }

    /** The log-likelihoods' table: {@code NA} where a candidate was not fitted. */
    static String logLikelihoods(List<ModelSelection.Score> scores, ModelSelection.Score best) {
        return layout(scores, best, ModelSelection.Score::logLikelihood, false);
    }

    private static String layout(List<ModelSelection.Score> scores, ModelSelection.Score best,
                                 ToDoubleFunction<ModelSelection.Score> value, boolean withReasons) {
        TreeMap<Integer, Map<CovarianceType, ModelSelection.Score>> rows = new TreeMap<>();
        for (ModelSelection.Score s : scores) {
            rows.computeIfAbsent(s.components(), k -> new EnumMap<>(CovarianceType.class)).put(s.covariance(), s);
        }
        List<CovarianceType> columns = Arrays.stream(CovarianceType.mclustModels())
                .filter(type -> scores.stream().anyMatch(s -> s.covariance() == type)).toList();
        int kWidth = rows.isEmpty() ? 1 : String.valueOf(rows.lastKey()).length();
        // every column as wide as its widest cell, so that numbers of any size never run together
        int[] width = new int[columns.size()];
        for (int c = 0; c < columns.size(); c++) {
            width[c] = columns.get(c).mclustName().length();
            for (Map<CovarianceType, ModelSelection.Score> row : rows.values()) {
                width[c] = Math.max(width[c], cell(row.get(columns.get(c)), value).length());
            }
        }
        StringBuilder out = new StringBuilder();
        StringBuilder line = new StringBuilder(pad("K", kWidth));
        for (int c = 0; c < columns.size(); c++) line.append("  ").append(pad(columns.get(c).mclustName(), width[c])).append(' ');
        out.append(line.toString().stripTrailing()).append('\n');
        List<String> reasons = new ArrayList<>();
        boolean missing = false;
        for (var row : rows.entrySet()) {
            line = new StringBuilder(pad(String.valueOf(row.getKey()), kWidth));
            for (int c = 0; c < columns.size(); c++) {
                ModelSelection.Score s = row.getValue().get(columns.get(c));
                // the mark follows the number, so that the decimal points of a column stay in line
                line.append("  ").append(pad(cell(s, value), width[c])).append(s != null && s.equals(best) ? "*" : " ");
                if (s == null) missing = true;
                else if (!s.scored()) reasons.add("  K = " + s.components() + ", " + s.covariance().mclustName() + ": " + s.unscored());
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
        if (withReasons && !reasons.isEmpty()) out.append("NA = no score:\n").append(String.join("\n", reasons)).append('\n');
        if (missing) out.append("- = not fitted: the selection was cancelled first\n");
        return out.toString();
    }

    private static String cell(ModelSelection.Score s, ToDoubleFunction<ModelSelection.Score> value) {
        if (s == null) return "-";
        double v = value.applyAsDouble(s);
        return Double.isFinite(v) ? number(v) : "NA";
    }

    private static String pad(String text, int width) {
        return " ".repeat(Math.max(0, width - text.length())) + text;
    }

    /**
     * A number as gmm4j's reports print it (this table, the Weka clusterer's report): four decimals,
     * as Weka's EM prints numbers, or scientific notation with seven significant digits where four
     * decimals would lose them: from 1e6 up (too wide) and below 1e-3.
     *
     * @param value any number
     * @return its text
     */
    public static String number(double value) {
        double magnitude = Math.abs(value);
        if (magnitude != 0 && Double.isFinite(value) && (magnitude >= 1e6 || magnitude < 1e-3)) {
            return String.format(Locale.ROOT, "%.6E", value);
        }
        return String.format(Locale.ROOT, "%.4f", value);
    }
}
