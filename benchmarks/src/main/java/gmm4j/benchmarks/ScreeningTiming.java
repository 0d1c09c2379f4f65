// SPDX-License-Identifier: Apache-2.0
package gmm4j.benchmarks;

import gmm4j.CovarianceType;
import gmm4j.Criterion;
import gmm4j.Dataset;
import gmm4j.ModelSelection;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The time of a screened model selection (the default) next to the exact one ({@code screeningRows(0)},
 * every candidate fitted on all the rows), on the 200 000-row data with a 1 %-weight cluster and on
 * the model-selection benchmark's data. Rewrites only its own section of docs/benchmarks.md, between
 * {@link #BEGIN} and {@link #END}, which {@link Report} keeps when it rewrites the rest. Run with
 * {@code -Pbenchmarks,screening} (see the section).
 */
public final class ScreeningTiming {
    static final String BEGIN = "<!-- screening-timing: written by gmm4j.benchmarks.ScreeningTiming -->";
    static final String END = "<!-- /screening-timing -->";
    static final String COMMAND = "mvn -q -Pbenchmarks,screening -pl benchmarks -am package -DskipTests";

    private ScreeningTiming() {
    }

    /** One case: its data and its candidates. */
    private record Case(String label, Dataset data, ModelSelection.Builder selection) {
    }

    public static void main(String[] args) throws IOException {
        Path docs = Path.of(args.length > 0 ? args[0] : "docs").resolve("benchmarks.md");
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        Case light = new Case("200 000×5, clusters of weight 0.495, 0.495, 0.01; K = 1..6 × 4 types, BIC",
                withLightCluster(200_000, 5, 5),
                ModelSelection.builder().components(1, 6).covariances(CovarianceType.scikitLearnTypes()));
        Problem problem = new Problem(200_000, 16, ModelSelectionTiming.TRUE_K, false);
        Case benchmark = new Case(problem.label() + " (the model-selection benchmark); K = 1..10 × 4 types, BIC",
                ClusterData.generate(problem, Comparison.SEED + 1).dataset(),
                ModelSelection.builder().components(1, ModelSelectionTiming.MAX_K).covariances(CovarianceType.scikitLearnTypes()));
        // warm the JIT up on a smaller copy of each kind of data, screened and exact
        for (Case c : new Case[] {light, benchmark}) {
            Dataset quarter = c.data.select(java.util.stream.IntStream.range(0, c.data.size() / 4).toArray());
            c.selection.criterion(Criterion.BIC).screeningRows(ModelSelection.DEFAULT_SCREENING_ROWS).build().select(quarter);
        }
        StringBuilder table = new StringBuilder("| data; candidates | exact (`screeningRows(0)`) | screened (default) | "
                + "exact choice | screened choice |\n|---|---:|---:|---|---|\n");
        for (Case c : new Case[] {light, benchmark}) {
            Timed exact = timed(c.selection.screeningRows(0).build(), c.data);
            Timed screened = timed(c.selection.screeningRows(ModelSelection.DEFAULT_SCREENING_ROWS).build(), c.data);
            table.append(String.format(Locale.ROOT, "| %s | %.1f s | %.1f s | %s | %s |%n", c.label, exact.seconds, screened.seconds,
                    exact.choice, screened.choice));
            System.out.print(table);
        }
        String section = String.format(Locale.ROOT, "%s%n## Screening: exact and screened selection%n%n"
                + "`ModelSelection` with every candidate fitted on all the rows (`screeningRows(0)`) and with the default "
                + "screening (candidates fitted on a sample of max(5 000, 5 × the largest candidate's parameters, n/10) rows "
                + "— 20 000 here —, scored on all the rows, those in doubt fitted on all the rows: see the "
                + "[user guide](user-guide.md#choosing-the-model)), default fit settings, all cores, one "
                + "timed selection each after an untimed screened one on a quarter of each data set, in one JVM. "
                + "Run on %s, %d cores, load average %.2f when it started (a shared machine: one run, noisy times). "
                + "Regenerate this section alone (the rest of the file is left as it is) with%n%n    %s%n%n%s%n%s%n",
                BEGIN, LocalDate.now(), Runtime.getRuntime().availableProcessors(), load, COMMAND, table, END);
        String old = Files.exists(docs) ? Files.readString(docs) : "";
        Files.writeString(docs, replaced(old, section));
        System.out.println("wrote " + docs);
    }

    /** The selection's time and choice. */
    private record Timed(double seconds, String choice) {
    }

    private static Timed timed(ModelSelection selection, Dataset data) {
        long start = System.nanoTime();
        ModelSelection.Result result = selection.select(data);
        double seconds = (System.nanoTime() - start) * 1e-9;
        return new Timed(seconds, "K = " + result.best().components() + ", " + result.best().covariance());
    }

    /** {@code markdown} with its screening section replaced by {@code section}, or that appended. */
    static String replaced(String markdown, String section) {
        int begin = markdown.indexOf(BEGIN), end = markdown.indexOf(END);
        if (begin < 0 || end < begin) return markdown + (markdown.isEmpty() || markdown.endsWith("\n") ? "" : "\n") + "\n" + section;
        return markdown.substring(0, begin) + section + markdown.substring(end + END.length()).replaceFirst("^\\R", "");
    }

    /** The section as it stands in {@code markdown} (with its markers and a final newline), or "". */
    static String kept(String markdown) {
        int begin = markdown.indexOf(BEGIN), end = markdown.indexOf(END);
        return begin < 0 || end < begin ? "" : markdown.substring(begin, end + END.length()) + "\n";
    }

    /**
     * n rows of three unit-variance clusters of weights 0.495, 0.495 and 0.01: the heavy ones at 0
     * and at 8 on every axis, the light one at (6, −6, 0, …), the recipe of the core's screening
     * tests; row-major, as {@link ClusterData}.
     */
    static Dataset withLightCluster(int n, int d, long seed) {
        double[][] centres = new double[3][d]; // the light cluster first
        centres[0][0] = 6;
        centres[0][1] = -6;
        java.util.Arrays.fill(centres[2], 8);
        double[] cumulative = {0.01, 0.505, 1};
        SplittableRandom random = new SplittableRandom(seed);
        double[] values = new double[Math.multiplyExact(n, d)];
        for (int i = 0; i < n; i++) {
            double u = random.nextDouble();
            int c = 0;
            while (u >= cumulative[c]) c++;
            for (int j = 0; j < d; j++) values[i * d + j] = centres[c][j] + random.nextGaussian();
        }
        return Dataset.wrapRowMajor(values, n, d, null);
    }
}
