// SPDX-License-Identifier: Apache-2.0
package gmm4j.benchmarks;

import gmm4j.ModelSelection;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** docs/benchmarks.md: what was run, on what, the times, the targets, and how each time was taken. */
final class Report {
    /** Issue 18's estimate of this machine's peak: 2 cores × 2.45 GHz × 16 double flops per cycle (two 256-bit FMAs). */
    static final double PEAK_GFLOPS = 2 * 2.45 * 16;
    static final String COMMAND = "mvn -q -Pbenchmarks,compare -pl benchmarks -am package -DskipTests";

    private final Comparison.Options options;
    private final List<Peer> peers;
    private final List<Measurement> measurements;
    /** The FMA peak measured just before each problem's rounds. */
    private final Map<Problem, FmaPeak.Result> peaks;
    private final ModelSelectionTiming.Result selection;
    private final List<MemoryCheckRunner.Result> memory;
    private final String arguments;

    Report(Comparison.Options options, List<Peer> peers, List<Measurement> measurements, Map<Problem, FmaPeak.Result> peaks,
           ModelSelectionTiming.Result selection, List<MemoryCheckRunner.Result> memory, String arguments) {
        this.options = options;
        this.peers = peers;
        this.measurements = measurements;
        this.peaks = peaks;
        this.selection = selection;
        this.memory = memory;
        this.arguments = arguments;
    }

    String markdown() {
        StringBuilder s = new StringBuilder();
        s.append("# Benchmarks\n\n");
        s.append("Written by `gmm4j.benchmarks.Comparison` (module `benchmarks/`); do not edit by hand. Regenerate with\n\n");
        s.append("    ").append(COMMAND).append("\n\n");
        s.append("(add `-Dcompare.args=--quick` for sizes ten times smaller; `--skip-memory`, `--skip-selection` leave parts out; `--rounds N` sets the rounds per problem, default 3).\n");
        s.append("The JMH benchmarks of one EM iteration: `mvn -Pbenchmarks,jmh -pl benchmarks -am package -DskipTests` ")
                .append("(see `EmIterationBenchmark`; `-Djmh.args=VectorMemoryBenchmark` times the M-step's register tile over heap arrays ")
                .append("and over off-heap memory aligned to 64 bytes). Two commits of the engine, interleaved: `benchmarks/compare-engines.sh BASE_REF [ROUNDS]`; ")
                .append("`PROBLEMS=\"200000x16x16:overlapping 100000x64x8:overlapping\"` narrows it to the overlapping problems, ")
                .append("`TYPES=\"FULL DIAGONAL\"` to some types; `PAIRED=1` times both engines in one JVM, fit by fit in turn, ")
                .append("and reports the median ratio of the pairs: steady to about 1% where a fresh JVM's time swings by 20%, ")
                .append("the measure for a change that must keep the speed within a few percent.\n\n");
        s.append("## This run\n\n");
        s.append("- Date: ").append(LocalDate.now()).append(options.quick() ? "; **quick mode** (small sizes, not the issue's)" : "").append('\n');
        s.append("- Machine: ").append(machine()).append('\n');
        s.append("- JDK: ").append(System.getProperty("java.vm.name")).append(' ').append(System.getProperty("java.runtime.version")).append('\n');
        s.append("- Libraries: ");
        List<String> names = new ArrayList<>();
        for (Peer p : peers) names.add(p.name());
        s.append(String.join("; ", names)).append('\n');
        if (!arguments.isBlank()) s.append("- Options: `").append(arguments).append("`\n");
        s.append(String.format(java.util.Locale.ROOT, "- Load average when the run started: %.2f on %d cores (times are noisier the higher it is)%n%n",
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.getRuntime().availableProcessors()));
        s.append("## Seconds per EM iteration\n\n");
        s.append(timeTable()).append('\n');
        s.append("Smile's cells are seconds **per call**, not per iteration (see below). `—`: not run on that size.\n\n");
        s.append("![seconds per iteration, log scale](images/benchmark.png)\n\n");
        s.append("## The issue's targets\n\n");
        s.append(targetTable()).append('\n');
        s.append(roundRatioTable()).append('\n');
        appendSelection(s);
        appendScreening(s);
        appendMemory(s);
        appendMethod(s);
        appendNotes(s);
        return s.toString();
    }

    /** Rows: problems; columns: each library's covariance types; cells: seconds per iteration. */
    String timeTable() {
        Set<String> columns = new LinkedHashSet<>();
        for (Measurement m : measurements) columns.add(column(m));
        StringBuilder s = new StringBuilder("| data n×d, K |");
        for (String c : columns) s.append(' ').append(c).append(" |");
        s.append("\n|---|");
        s.append("---:|".repeat(columns.size())).append('\n');
        for (Problem p : problems()) {
            s.append("| ").append(p.label()).append(" |");
            for (String c : columns) {
                Measurement m = find(p, c);
                s.append(' ').append(m == null ? "—" : m.measured() ? seconds(m.secondsPerIteration()) : "failed").append(" |");
            }
            s.append('\n');
        }
        return s.toString();
    }

    private String targetTable() {
        StringBuilder s = new StringBuilder();
        s.append("gmm4j's time as a fraction of scikit-learn's, same covariance type, same run (issue 18's targets, on the separated ")
                .append("and the overlapping problems alike: full and tied ≤ 0.1, diagonal and spherical ≤ 0.15; a ratio above its ")
                .append("target is in bold), Weka's EM time over gmm4j's diagonal ")
                .append("(target ≥ 15), and gmm4j's full-covariance speed in GFLOP/s: *nominal* counts n·K·2d(d+1) flops per iteration, ")
                .append("as if no work were skipped; *performed* counts only the work done, under the fitted model (shown, for the ")
                .append("full fit): d(d+1) flops for each distance the E-step computes whole (below d = 32 every pair's; from d = 32 ")
                .append("those its bounds cannot rule out, the engine's rule replayed: separated clusters skip most, overlapping ones ")
                .append("few) and d(d+1) for the rank-one scatter update of each (row, component) pair above the E-step's cut, the ")
                .append("others nothing (a lower bound: the bounds' own products and the zero-weight rows a dense component's tiles ")
                .append("run over are not counted). ")
                .append(String.format(Locale.ROOT, "Both against issue 18's peak of about %.0f GFLOP/s, two cores' 256-bit FMAs "
                        + "(AVX2); the target is half of it, performed, from d = 16 where every pair is above the cut (in bold when "
                        + "missed). On a CPU with AVX-512 the kernels run 512-bit vectors, whose peak is about twice that. "
                        + "*Measured peak*: both cores' FMAs timed just before the problem's rounds (`FmaPeak`: chains of vector "
                        + "FMAs in registers), at 256 and 512 bits, and the performed speed as a share of each; this shared machine's "
                        + "speed swings by a factor of two within minutes, and the measured peak shows where in that swing the problem ran.%n%n",
                PEAK_GFLOPS));
        s.append("| data n×d, K | full | tied | diag | spherical | Weka / gmm4j diag | gmm4j full GFLOP/s nominal "
                + "| pairs above cut / distances computed whole | performed GFLOP/s | measured peak GFLOP/s, 256 / 512 bits "
                + "| performed, of the measured peaks |\n");
        s.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Problem p : problems()) {
            s.append(rowAgainstScikitLearn(p, (type, gmm4j, sklearn) -> {
                String ratio = ratio(gmm4j, sklearn);
                boolean missed = !ratio.equals("—") && gmm4j.secondsPerIteration() / sklearn.secondsPerIteration() > TARGETS.get(type);
                return missed ? "**" + ratio + "**" : ratio;
            }));
            s.append(' ').append(ratio(find(p, WekaPeer.NAME, "diag"), find(p, Gmm4jPeer.NAME, "diag"))).append(" |");
            Measurement full = find(p, Gmm4jPeer.NAME, "full");
            boolean measured = full != null && full.measured();
            s.append(' ').append(measured ? gflops(p.fullIterationFlops(), full) : "—").append(" |");
            boolean counted = measured && Double.isFinite(full.nonCut()) && Double.isFinite(full.wholeDistances());
            s.append(' ').append(counted
                    ? String.format(Locale.ROOT, "%.1f%% / %.1f%%", 100 * full.nonCut(), 100 * full.wholeDistances()) : "—").append(" |");
            double flops = counted ? p.performedFullIterationFlops(full.nonCut(), full.wholeDistances()) : Double.NaN;
            double performedRate = counted ? rate(flops, full) : Double.NaN;
            String performed = counted ? gflops(flops, full) : "—";
            boolean missed = counted && p.d() >= 16 && full.nonCut() > DENSE_SHARE && performedRate < PEAK_GFLOPS / 2;
            s.append(' ').append(missed ? "**" + performed + "**" : performed).append(" |");
            FmaPeak.Result peak = peaks.get(p);
            s.append(' ').append(peak == null ? "—" : orDash(peak.bits256(), "") + " / " + orDash(peak.bits512(), "")).append(" |");
            s.append(' ').append(peak == null ? "—"
                    : orDash(100 * performedRate / peak.bits256(), "%") + " / " + orDash(100 * performedRate / peak.bits512(), "%")).append(" |\n");
        }
        return s.toString();
    }

    /** "41.0 (31% of peak)": {@code flops} per iteration at the measured speed. */
    private static String gflops(double flops, Measurement m) {
        double rate = rate(flops, m);
        return String.format(Locale.ROOT, "%.1f (%.0f%% of peak)", rate, 100 * rate / PEAK_GFLOPS);
    }

    /** A number without decimals followed by {@code unit}, or "—" for NaN (not measured, not counted). */
    private static String orDash(double value, String unit) {
        return Double.isNaN(value) ? "—" : String.format(Locale.ROOT, "%.0f", value) + unit;
    }

    /** GFLOP/s: {@code flops} per iteration at the measured speed. */
    private static double rate(double flops, Measurement m) {
        return flops / m.secondsPerIteration() * 1e-9;
    }

    /** Each round's own ratio, its two times taken minutes apart at most: shows how steady the ratios of the medians are. */
    private String roundRatioTable() {
        StringBuilder s = new StringBuilder("Round by round: gmm4j's time in a round over scikit-learn's (t₁₁ − t₁) / 10 ")
                .append("in the same round, rounds in order.\n\n");
        s.append("| data n×d, K | full | tied | diag | spherical |\n");
        s.append("|---|---:|---:|---:|---:|\n");
        for (Problem p : problems()) s.append(rowAgainstScikitLearn(p, (type, gmm4j, sklearn) -> roundRatios(gmm4j, sklearn))).append('\n');
        return s.toString();
    }

    /** A row's start: the problem, then a cell per covariance type from gmm4j's and scikit-learn's measurements. */
    private String rowAgainstScikitLearn(Problem p, Cell cell) {
        StringBuilder s = new StringBuilder("| ").append(p.label()).append(" |");
        for (String type : TYPES) {
            s.append(' ').append(cell.of(type, find(p, Gmm4jPeer.NAME, type), find(p, "scikit-learn", type))).append(" |");
        }
        return s.toString();
    }

    /** A table cell from gmm4j's and scikit-learn's measurements of one covariance type. */
    @FunctionalInterface
    private interface Cell {
        String of(String type, Measurement gmm4j, Measurement scikitLearn);
    }

    /** The covariance types compared with scikit-learn, in the tables' order. */
    private static final List<String> TYPES = List.of("full", "tied", "diag", "spherical");
    /** Issue 18's targets for gmm4j's time over scikit-learn's, per covariance type. */
    private static final Map<String, Double> TARGETS = Map.of("full", 0.10, "tied", 0.10, "diag", 0.15, "spherical", 0.15);

    /** A problem whose full fit has more than this share of its pairs above the cut is dense: the peak target applies. */
    private static final double DENSE_SHARE = 0.99;

    private void appendSelection(StringBuilder s) {
        s.append("\n## Model selection\n\n");
        if (selection == null) {
            s.append("Not run (`--skip-selection`).\n");
            return;
        }
        s.append(String.format(Locale.ROOT, "`ModelSelection` over K = 1..%d × the four covariance types by BIC on %s data "
                        + "(%d true clusters; default settings: the start `ModelSelection.DEFAULT_INIT` = %s, tolerance 1e-3, at most 100 iterations, all cores; "
                        + "candidates fitted on a random screening sample of max(%,d, 5 × the largest candidate's parameters, n/10) rows, "
                        + "all scored on the whole data in one pass, those in doubt fitted on the whole data: see Screening below), in a fresh JVM "
                        + "after three warm-up selections (two on other data a quarter the size, one on these), the median of three: "
                        + "**%.2f s**, best K = %d, %s.%n%n", ModelSelectionTiming.MAX_K, selection.problem().label(),
                ModelSelectionTiming.TRUE_K, ModelSelection.DEFAULT_INIT, selection.screeningRows(), selection.gmm4jSeconds(),
                selection.bestK(), selection.bestType()));
        if (Double.isNaN(selection.sklearnSeconds())) {
            s.append("scikit-learn is not installed: no comparison.\n");
        } else {
            s.append(String.format(Locale.ROOT, "scikit-learn, one fit of the true model (K = %d, full, `n_init=1`, its defaults, "
                            + "%d iterations): **%.2f s**. Target: the whole selection faster than that one fit — %s (ratio %.2f).%n",
                    ModelSelectionTiming.TRUE_K, selection.sklearnIterations(), selection.sklearnSeconds(),
                    selection.gmm4jSeconds() < selection.sklearnSeconds() ? "met" : "**not met**",
                    selection.gmm4jSeconds() / selection.sklearnSeconds()));
        }
    }

    /** The section {@link ScreeningTiming} wrote into the file being replaced, kept as it was (it has its own command). */
    private void appendScreening(StringBuilder s) {
        Path file = options.docs().resolve("benchmarks.md");
        try {
            String kept = Files.exists(file) ? ScreeningTiming.kept(Files.readString(file)) : "";
            if (!kept.isEmpty()) s.append('\n').append(kept);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void appendMemory(StringBuilder s) {
        s.append("\n## Memory\n\n");
        if (memory.isEmpty()) {
            s.append("Not run (`--skip-memory`).\n");
            return;
        }
        s.append("A separate JVM generates n×16 data (one row-major `double[]`, no `double[][]`), builds the `Dataset` ")
                .append("over that array with `Dataset.wrapRowMajor` (no copy) and fits K = ").append(MemoryCheck.K).append(", full covariance, ").append(MemoryCheck.ITERATIONS)
                .append(" iterations from the fixed start. *Peak live after GC*, over the whole run: the most heap still ")
                .append("in use right after a collection (a lower bound of the peak). *Pool peaks during fit*, from the built `Dataset` to ")
                .append("the end of the fit: the sum of each heap pool's peak (an upper bound: garbage not yet collected counts). ")
                .append("Target: peak ≤ 1.3 × data + O(K·d²).\n\n");
        s.append("| n×d | data | -Xmx | outcome | heap after Dataset | peak live after GC | pool peaks during fit |\n");
        s.append("|---|---:|---:|---|---:|---:|---:|\n");
        for (MemoryCheckRunner.Result r : memory) {
            long data = 8L * r.n() * MemoryCheck.D;
            s.append(String.format(Locale.ROOT, "| %,d×%d | %s | %s | %s | %s | %s | %s |%n", r.n(), MemoryCheck.D, mb(data),
                    r.heapLimit(), r.outcome(), withRatio(r.bytes("heapAfterDataset"), data),
                    withRatio(r.bytes("peakLiveAfterGc"), data), withRatio(r.bytes("peakPoolsSumDuringFit"), data)));
        }
    }

    private void appendMethod(StringBuilder s) {
        s.append("\n## What each time includes\n\n");
        s.append("All libraries get the same data — K Gaussian clusters with random correlated shapes, generated from a fixed seed — ")
                .append("and, where the library accepts one, the same start: equal weights, means at K rows spaced evenly through the data ")
                .append("(rows are in random cluster order), and the data's overall covariance for every component (its diagonal for ")
                .append("diagonal types, the mean of the diagonal for spherical ones).\n\n");
        s.append("The clusters lie in three layouts. *Separated* (no suffix): centres 8·N(0, 1) per coordinate, shapes x = centre + A·z with ")
                .append("A lower triangular, diagonal 0.5 to 1.5, off-diagonal 0.3·N(0, 1)/√d, equal weights: nearly every row has a ")
                .append("single component above the E-step's cut, which then skips most work. *Overlapping* (issue 18): the same shapes, ")
                .append("centres uniform in [−1, 1]^d: every component is responsible for every row, nothing is skipped. *Unequal* (a ")
                .append("real-shaped set): weights ∝ 1/(c + 1), centres 1.5·N(0, 1) per coordinate, shapes of overall scale 0.5 to 2 ")
                .append("(log-uniform) per cluster with off-diagonal terms N(0, 1)/√j as large as the diagonal's: modest overlap, a few ")
                .append("components per row.\n\n");
        s.append("The libraries take turns. For each problem every library is first readied, untimed (the data converted to its ")
                .append("format or written to files for the scripts, the JVM libraries warmed up); then, in each of ")
                .append(options.rounds()).append(" rounds, every library runs once on that problem, in the order listed under ")
                .append("*This run* — gmm4j next to scikit-learn, as their ratios are the targets. This shared machine has slow ")
                .append("phases lasting minutes: measured one library after another, such a phase fell on one side of a ratio only; ")
                .append("in turns, each round of every library samples the same minutes. Each cell is the median over the rounds, ")
                .append("and the notes below list each round's own value.\n\n");
        s.append("- **gmm4j** (all cores, `--add-modules jdk.incubator.vector`: the Vector API's kernels, see the user guide's ")
                .append("*Speed*): fits of 11 iterations with tolerance 0; the per-iteration listener reads the clock at the end of ")
                .append("iteration 1 and of iteration 11, so exactly 10 iterations (fused E-step and statistics, M-step) are timed — ")
                .append("not the data copy, the start, nor the final scoring pass. As in a JMH warm-up, untimed fits first, at least three ")
                .append("and for at least three seconds per type (with fewer, fits 3 to 5 still ran 10 to 25% slower than later ones while ")
                .append("the JIT's compiler threads shared the two cores), then the median of five timed fits. Like JMH's forks, in ")
                .append("each round each type is measured so in a fresh JVM: one JVM's times came out 20 to 40% apart from another's for ")
                .append("the same code and data, and types measured one after another in one JVM ran slower than each alone.\n");
        s.append("- **scikit-learn**, **mclust**, **Weka**, **Commons Math**: a library that can only be run as a whole fit is timed ")
                .append("in each round with one 1-iteration and one 11-iteration fit per type; with the medians over the rounds, each length's ")
                .append("on its own, (t₁₁ − t₁) / 10 is one iteration, and the fixed costs (conversion, initialisation, final scoring) cancel. ")
                .append("(One pair alone moved by up to 30% from run to run.) Weka and Commons Math run in the harness's own JVM, ")
                .append("warmed up by an untimed 11-iteration fit once per problem, each timed fit after a collection (the garbage of ")
                .append("earlier fits is no fit's cost); the scikit-learn and mclust scripts run once a round, each time a new ")
                .append("interpreter that warms up with an untimed 1-iteration fit of each type before timing it. scikit-learn gets the start as ")
                .append("`weights_init`, `means_init`, `precisions_init` (`init_params=\"random_from_data\"` so the discarded initial ")
                .append("responsibilities are cheap), `tol=0`; it uses all cores through OpenBLAS. mclust's `me()` starts from ")
                .append("responsibilities: it gets those of the fixed start (computed before the clock starts), `tol = 0`; it stops ")
                .append("on an exactly unchanged likelihood, so the difference is divided by the iterations it reports. ")
                .append("Python and R time inside the script: interpreter start-up and file reading are not counted.\n");
        s.append("- **Weka EM** (diagonal only): no way to give it a start, so it starts from its own k-means (one run, seed 1) — that ")
                .append("cancels in the difference. Its long fit runs ").append(IterationTiming.FIRST + WekaPeer.TIMED)
                .append(" iterations, not 11, and the difference is over ").append(WekaPeer.TIMED).append(": its fixed cost (data copies, ")
                .append("missing-value filter, k-means) is 10 to 30 iterations' worth and varied by seconds from fit to fit, so that 10 ")
                .append("iterations' difference came out anywhere from negative to twice the rest. Its early stop is switched off ")
                .append("(minimum improvement −∞) and it gets one execution slot per core.\n");
        s.append("- **Smile** (`MultivariateExponentialFamilyMixture.fit`, the EM behind `MultivariateGaussianMixture`), from the fixed ")
                .append("start: its loop stops after the first iteration whenever the log-likelihood is negative, so the cell is the time of ")
                .append("one call asked for 11 iterations, the median over the rounds of one call each (after a warm-up call once per ")
                .append("problem) — per call, not per iteration.\n");
        s.append("- **Commons Math** (`MultivariateNormalMixtureExpectationMaximization`, full, one thread): only on the small row, ")
                .append("as it needs most of a second per iteration already at 20 000×16; it throws on reaching the iteration limit, which is caught.\n");
    }

    private void appendNotes(StringBuilder s) {
        s.append("\n## Notes per measurement\n\n");
        Map<String, List<String>> byLibrary = new LinkedHashMap<>();
        for (Measurement m : measurements) {
            byLibrary.computeIfAbsent(m.library(), x -> new ArrayList<>())
                    .add(m.problem().label() + ", " + m.variant() + ": " + m.note() + perRound(m));
        }
        for (var e : byLibrary.entrySet()) {
            s.append("<details><summary>").append(e.getKey()).append("</summary>\n\n");
            for (String line : e.getValue()) s.append("- ").append(line).append('\n');
            s.append("\n</details>\n\n");
        }
    }

    private List<Problem> problems() {
        Set<Problem> seen = new LinkedHashSet<>();
        for (Measurement m : measurements) seen.add(m.problem());
        return List.copyOf(seen);
    }

    private static String column(Measurement m) {
        return m.library() + " " + m.variant();
    }

    private Measurement find(Problem p, String column) {
        for (Measurement m : measurements) if (m.problem().equals(p) && column(m).equals(column)) return m;
        return null;
    }

    private Measurement find(Problem p, String library, String type) {
        for (Measurement m : measurements) {
            if (m.problem().equals(p) && m.library().equals(library) && m.type().equals(type)) return m;
        }
        return null;
    }

    private static String ratio(Measurement top, Measurement bottom) {
        if (top == null || bottom == null || !top.measured() || !bottom.measured()) return "—";
        return String.format(Locale.ROOT, "%.3f", top.secondsPerIteration() / bottom.secondsPerIteration());
    }

    private static String roundRatios(Measurement top, Measurement bottom) {
        if (top == null || bottom == null || top.rounds().isEmpty() || top.rounds().size() != bottom.rounds().size()) return "—";
        List<String> ratios = new ArrayList<>();
        for (int r = 0; r < top.rounds().size(); r++) {
            ratios.add(String.format(Locale.ROOT, "%.3f", top.rounds().get(r) / bottom.rounds().get(r)));
        }
        return String.join(", ", ratios);
    }

    private static String perRound(Measurement m) {
        if (m.rounds().isEmpty()) return "";
        return m.rounds().stream().map(r -> String.format(Locale.ROOT, "%.3g", r))
                .collect(java.util.stream.Collectors.joining(", ", "; per round: ", " s"));
    }

    static String seconds(double s) {
        return s >= 1 ? String.format(Locale.ROOT, "%.2f", s) : s >= 0.01 ? String.format(Locale.ROOT, "%.3f", s)
                : String.format(Locale.ROOT, "%.4f", s);
    }

    private static String mb(long bytes) {
        return String.format(Locale.ROOT, "%,.0f MB", bytes / 1e6);
    }

    private static String withRatio(long bytes, long data) {
        return bytes < 0 ? "—" : String.format(Locale.ROOT, "%s (%.2f×)", mb(bytes), (double) bytes / data);
    }

    private static String machine() {
        String cpu = "unknown CPU";
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    cpu = line.substring(line.indexOf(':') + 1).trim();
                    break;
                }
            }
        } catch (Exception ignored) {
            // not Linux: the CPU model is only informative
        }
        long memory = ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getTotalMemorySize();
        return String.format(Locale.ROOT, "%s, %d cores visible to the JVM, %.0f GiB memory, %s %s", cpu,
                Runtime.getRuntime().availableProcessors(), memory / (double) (1L << 30),
                System.getProperty("os.name"), System.getProperty("os.version"));
    }
}
