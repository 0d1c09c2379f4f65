package gmm4j.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The side-by-side comparison (issue 5): generates each problem's data once, runs every library on
 * it from the same fixed start, then writes {@code docs/benchmarks.md} and
 * {@code docs/images/benchmark.png}. Options:
 * <pre>
 *   --quick            sizes about ten times smaller (a few minutes; for developing the harness)
 *   --skip-memory      no 10 000 000×16 memory check
 *   --skip-selection   no model-selection timing
 *   --docs DIR         where to write (default docs)
 *   --forks N          fresh JVMs per gmm4j type, median reported (default 3; 0 measures in this JVM)
 * </pre>
 */
public final class Comparison {
    /** Every data set derives from this seed, so every run sees the same numbers. */
    static final long SEED = 20240605L;

    private Comparison() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("java.awt.headless", "true");
        Options options = Options.parse(args);
        Path work = Files.createTempDirectory("gmm4j-bench");
        List<Peer> peers = peers(work, options.forks);
        List<Measurement> measurements = new ArrayList<>();
        for (Problem problem : options.quick ? Problem.quick() : Problem.full()) {
            System.out.println("== " + problem.label());
            ClusterData data = ClusterData.generate(problem, SEED);
            StartingPoint start = data.startingPoint();
            for (Peer peer : peers) {
                System.out.println("  " + peer.name());
                for (Measurement m : peer.measure(data, start)) {
                    System.out.printf("    %-10s %-9s %12.5f s/iter  %s%n", m.library(), m.variant(),
                            m.secondsPerIteration(), m.note());
                    measurements.add(m);
                }
            }
        }
        ExternalPeer sklearn = (ExternalPeer) peers.stream().filter(p -> p instanceof ExternalPeer e && e.isScikitLearn())
                .findFirst().orElse(null);
        ModelSelectionTiming.Result selection = null;
        if (!options.skipSelection) {
            System.out.println("== model selection");
            selection = ModelSelectionTiming.run(options.quick ? 20_000 : 200_000, sklearn);
            System.out.printf("    gmm4j %.2f s (best K=%d %s), scikit-learn one fit %.2f s%n", selection.gmm4jSeconds(),
                    selection.bestK(), selection.bestType(), selection.sklearnSeconds());
        }
        List<MemoryCheckRunner.Result> memory = new ArrayList<>();
        if (!options.skipMemory) {
            System.out.println("== memory");
            memory.addAll(memoryChecks(options.quick));
        }
        Report report = new Report(options.quick, peers, measurements, selection, memory, String.join(" ", args));
        Files.createDirectories(options.docs.resolve("images"));
        Files.writeString(options.docs.resolve("benchmarks.md"), report.markdown());
        BarChart.write(measurements, options.docs.resolve("images/benchmark.png"));
        System.out.println("wrote " + options.docs.resolve("benchmarks.md") + " and " + options.docs.resolve("images/benchmark.png"));
        System.out.println(report.timeTable());
        deleteTree(work);
    }

    private static List<Peer> peers(Path work, int forks) throws Exception {
        List<Peer> peers = new ArrayList<>(List.of(new Gmm4jPeer(0, forks), new WekaPeer(), new SmilePeer(), new CommonsMathPeer()));
        ExternalPeer sklearn = ExternalPeer.scikitLearn(work);
        if (sklearn != null) peers.add(sklearn);
        else System.out.println("scikit-learn not found (apt-get install python3-sklearn): skipped");
        ExternalPeer mclust = ExternalPeer.mclust(work);
        if (mclust != null) peers.add(mclust);
        else System.out.println("mclust not found (apt-get install r-cran-mclust): skipped");
        return peers;
    }

    /**
     * The check: 10 000 000×16 (1.28 GB) under -Xmx2g, i.e. a heap of 1.56× the data
     * (--quick: 1 000 000×16 under -Xmx200m, the same ratio). If that fails, the same run with
     * twice the heap, to show how much it needs.
     */
    private static List<MemoryCheckRunner.Result> memoryChecks(boolean quick) throws Exception {
        int n = quick ? 1_000_000 : 10_000_000;
        List<MemoryCheckRunner.Result> results = new ArrayList<>();
        MemoryCheckRunner.Result tight = MemoryCheckRunner.run(n, quick ? "200m" : "2g");
        results.add(tight);
        if (!"ok".equals(tight.outcome())) results.add(MemoryCheckRunner.run(n, quick ? "400m" : "4g"));
        return results;
    }

    private static void deleteTree(Path root) throws java.io.IOException {
        try (var paths = Files.walk(root)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }

    /** The command line, checked. */
    record Options(boolean quick, boolean skipMemory, boolean skipSelection, Path docs, int forks) {
        static Options parse(String[] args) {
            boolean quick = false, skipMemory = false, skipSelection = false;
            int forks = 3;
            Path docs = Path.of("docs");
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--quick" -> quick = true;
                    case "--skip-memory" -> skipMemory = true;
                    case "--skip-selection" -> skipSelection = true;
                    case "--docs" -> docs = Path.of(args[++i]);
                    case "--forks" -> forks = Integer.parseInt(args[++i]);
                    default -> throw new IllegalArgumentException("Unknown option " + args[i]
                            + "; use --quick, --skip-memory, --skip-selection, --docs DIR, --forks N");
                }
            }
            return new Options(quick, skipMemory, skipSelection, docs, forks);
        }
    }
}
