// SPDX-License-Identifier: Apache-2.0
package gmm4j.weka;

import gmm4j.CovarianceType;
import gmm4j.Criterion;
import gmm4j.GaussianMixtureModel;
import gmm4j.ModelSelection;
import gmm4j.ScoreTable;
import weka.core.Attribute;
import weka.core.Instances;

import java.io.Serial;
import java.io.Serializable;
import java.util.Locale;

/**
 * The clusterer's {@code toString()}: a summary of the fit, mclust's table of the criterion (K by
 * covariance model) when K or the type was chosen automatically, and per cluster the prior, means,
 * standard deviations, correlations (full and tied covariances) and nominal value probabilities,
 * laid out like Weka's EM.
 */
public final class ModelReport {
    private static final int CELL = 11;
    private static final Object RULE = new Object();

    private final GaussianMixtureModel model;
    private final AttributeLayout layout;
    private final Selection selection;
    private final EngineSettings settings;
    private final Instances header;
    private final int labelWidth;

    /**
     * How K (and perhaps the covariance type) were chosen, kept as text so that it serialises with
     * the clusterer (the engine's selection result is not {@link Serializable}).
     *
     * @param criterion the criterion, in words
     * @param table          every candidate's score in mclust's table, the chosen one marked with '*'
     * @param logLikelihoods every candidate's log-likelihood in the same table (null in a clusterer
     *                       saved before it was kept)
     */
    public record Selection(String criterion, String table, String logLikelihoods) implements Serializable {
        @Serial
        private static final long serialVersionUID = 1L;
    }

    /** A selection's scores as mclust's table of the criterion (K by model), the chosen candidate marked with '*'. */
    public static Selection selection(ModelSelection.Result result, EngineSettings settings) {
        String criterion = result.criterion() == Criterion.CROSS_VALIDATION
                ? settings.folds() + "-fold cross-validated log-likelihood" : result.criterion().name();
        return new Selection(criterion, result.table(), result.logLikelihoodTable());
    }

    /**
     * A report of a built clusterer.
     *
     * @param model     the fitted model
     * @param layout    how the attributes map onto the model's columns
     * @param selection how K was chosen, or null when it was fixed
     * @param settings  the settings the model was built with
     */
    public ModelReport(GaussianMixtureModel model, AttributeLayout layout, Selection selection, EngineSettings settings) {
        this.model = model;
        this.layout = layout;
        this.selection = selection;
        this.settings = settings;
        this.header = layout.header();
        int width = "Attribute".length();
        for (int a = 0; a < header.numAttributes(); a++) {
            width = Math.max(width, header.attribute(a).name().length());
            if (header.attribute(a).isNominal()) {
                for (int v = 0; v < header.attribute(a).numValues(); v++) {
                    width = Math.max(width, header.attribute(a).value(v).length() + 2);
                }
            }
        }
        this.labelWidth = width + 2;
    }

    /** A type by mclust's name, the table's column, after scikit-learn's for its four: "full (VVV)", "VEV". */
    private static String name(CovarianceType type) {
        String mclust = type.mclustName();
        return type.name().equals(mclust) ? mclust : type.name().toLowerCase(Locale.ROOT) + " (" + mclust + ")";
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder();
        s.append("GaussianMixture (gmm4j)\n=======================\n\n");
        summary(s);
        if (selection != null) {
            s.append("\nModel selection by ").append(selection.criterion()).append(" (lower is better; * = chosen):\n\n");
            s.append(selection.table());
            if (selection.logLikelihoods() != null) {
                s.append("\nLog-likelihood (never falls as K grows within a model):\n\n").append(selection.logLikelihoods());
            }
        }
        s.append('\n');
        clusters(s);
        correlations(s);
        return s.toString();
    }

    private void summary(StringBuilder s) {
        String how = settings.components() < 0
                ? " (chosen by " + selection.criterion() + " among K = " + settings.firstK() + ".." + settings.lastK() + ")"
                : "";
        if (settings.components() > model.components()) {
            how = " (" + settings.components() + " requested, but the data have only " + model.components() + " distinct instances)";
        }
        line(s, "Number of clusters", model.components() + how);
        if (model.hasNoise()) {
            line(s, "Noise cluster", String.format(Locale.ROOT, "%d (uniform over volume %s, prior %s)", model.components(),
                    ScoreTable.number(model.noiseVolume()), ScoreTable.number(model.noiseWeight())));
        }
        line(s, "Covariance type", name(model.covarianceType())
                + (settings.covariance() == null ? " (chosen by " + selection.criterion() + ")" : ""));
        line(s, "Initialisation", settings.start().name().toLowerCase(Locale.ROOT).replace('_', '-')
                + ", " + settings.restarts() + " restart(s), seed " + settings.seed());
        line(s, "Iterations", model.iterations() + (model.converged() ? " (converged" : " (not converged")
                + String.format(Locale.ROOT, ", tolerance %s)", settings.tolerance()));
        if (model.prior() != null) {
            line(s, "Prior", "mclust's default conjugate prior (MAP EM), shrinkage " + model.prior().shrinkage() + ", "
                    + model.prior().dof() + " degrees of freedom");
        }
        line(s, "Log-likelihood", String.format(Locale.ROOT, "%.4f (%.4f per instance)", model.logLikelihood(),
                model.meanLogLikelihood()));
        line(s, "BIC", String.format(Locale.ROOT, "%.4f", model.bic()));
        line(s, "AIC", String.format(Locale.ROOT, "%.4f", model.aic()));
        line(s, "ICL", String.format(Locale.ROOT, "%.4f", model.icl()));
        line(s, "Free parameters", String.valueOf(model.parameterCount()));
        if (model.ignoredRows() > 0) line(s, "Ignored instances", model.ignoredRows() + " (every value missing)");
        if (!model.repairs().isEmpty()) {
            line(s, "Repairs", model.repairs().size() + " (first: " + model.repairs().get(0) + ")");
        }
    }

    private static void line(StringBuilder s, String label, String value) {
        s.append(String.format("%-20s%s%n", label + ":", value));
    }

    /**
     * Weka EM's layout: a column per cluster, its prior in brackets, a block per attribute. As Weka's
     * EM, the columns widen to the widest number, so that numbers never run together.
     */
    private void clusters(StringBuilder out) {
        Table s = new Table();
        int k = model.components();
        int columns = k + (model.hasNoise() ? 1 : 0);
        String[] ids = new String[columns];
        String[] priors = new String[columns];
        double[] weights = model.weights();
        for (int c = 0; c < k; c++) {
            ids[c] = String.valueOf(c);
            priors[c] = String.format(Locale.ROOT, "(%.2f)", weights[c]);
        }
        if (model.hasNoise()) {
            // the noise cluster: a prior, uniform over the box; no mean or spread of its own
            ids[k] = k + " noise";
            priors[k] = String.format(Locale.ROOT, "(%.2f)", model.noiseWeight());
        }
        row(s, "", cells("Cluster", columns));
        row(s, "Attribute", ids);
        row(s, "", priors);
        s.rule();
        double[][] means = model.means();
        double[][][] covariances = model.covariances();
        int[] numeric = layout.numericAttributes();
        for (int j = 0; j < numeric.length; j++) {
            s.append(header.attribute(numeric[j]).name() + "\n");
            String[] mean = cells("", columns);
            String[] sd = cells("", columns);
            for (int c = 0; c < k; c++) {
                mean[c] = ScoreTable.number(means[c][j]);
                sd[c] = ScoreTable.number(Math.sqrt(covariances[c][j][j]));
            }
            row(s, "  mean", mean);
            row(s, "  std. dev.", sd);
            s.append("\n");
        }
        double[][][] levels = model.levelProbabilities();
        int[] nominal = layout.nominalAttributes();
        for (int j = 0; j < nominal.length; j++) {
            Attribute attribute = header.attribute(nominal[j]);
            s.append(attribute.name() + " (value probabilities)\n");
            for (int v = 0; v < attribute.numValues(); v++) {
                String[] p = new String[columns];
                for (int c = 0; c < k; c++) p[c] = ScoreTable.number(levels[c][j][v]);
                if (columns > k) p[k] = ScoreTable.number(1.0 / attribute.numValues());
                row(s, "  " + attribute.value(v), p);
            }
            s.append("\n");
        }
        s.print(out);
    }

    /** Correlation matrices: one per cluster for full covariances, one shared for tied. */
    private void correlations(StringBuilder out) {
        CovarianceType type = model.covarianceType();
        int[] numeric = layout.numericAttributes();
        if (numeric.length < 2 || (type != CovarianceType.FULL && type != CovarianceType.TIED)) return;
        double[][][] covariances = model.covariances();
        int shown = type == CovarianceType.TIED ? 1 : model.components();
        for (int c = 0; c < shown; c++) {
            Table s = new Table();
            s.append(type == CovarianceType.TIED ? "Correlations (shared by every cluster)\n" : "Correlations in cluster " + c + "\n");
            String[] names = new String[numeric.length];
            for (int j = 0; j < numeric.length; j++) names[j] = abbreviate(header.attribute(numeric[j]).name());
            row(s, "", names);
            for (int a = 0; a < numeric.length; a++) {
                String[] r = new String[numeric.length];
                for (int b = 0; b < numeric.length; b++) {
                    double[][] cov = covariances[c];
                    r[b] = ScoreTable.number(cov[a][b] / Math.sqrt(cov[a][a] * cov[b][b]));
                }
                row(s, "  " + header.attribute(numeric[a]).name(), r);
            }
            s.append("\n");
            s.print(out);
        }
    }

    private static String abbreviate(String name) {
        return name.length() < CELL ? name : name.substring(0, CELL - 2) + "~";
    }

    private static String[] cells(String first, int count) {
        String[] cells = new String[count];
        java.util.Arrays.fill(cells, "");
        cells[0] = first;
        return cells;
    }

    private void row(Table s, String label, String[] cells) {
        s.row(label, cells);
    }

    /**
     * Lines and rows of cells, printed once all are known: every cell column is as wide as the widest
     * cell plus one space, and never narrower than {@link #CELL}.
     */
    private final class Table {
        private final java.util.List<Object> lines = new java.util.ArrayList<>();

        void append(String text) {
            lines.add(text);
        }

        void rule() {
            lines.add(RULE);
        }

        void row(String label, String[] cells) {
            lines.add(new Object[]{label, cells});
        }

        void print(StringBuilder s) {
            int width = CELL;
            int columns = 0;
            for (Object line : lines) {
                if (line instanceof Object[] row) {
                    String[] cells = (String[]) row[1];
                    columns = Math.max(columns, cells.length);
                    for (String cell : cells) width = Math.max(width, cell.length() + 1);
                }
            }
            for (Object line : lines) {
                if (line == RULE) {
                    s.append("=".repeat(labelWidth + columns * width)).append('\n');
                } else if (line instanceof Object[] row) {
                    s.append(String.format("%-" + labelWidth + "s", (String) row[0]));
                    for (String cell : (String[]) row[1]) s.append(String.format("%" + width + "s", cell));
                    s.append('\n');
                } else {
                    s.append((String) line);
                }
            }
        }
    }
}
