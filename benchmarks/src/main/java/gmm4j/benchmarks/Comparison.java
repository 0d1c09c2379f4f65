// SPDX-License-Identifier: Apache-2.0
package gmm4j.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The side-by-side comparison (issue 5): generates each problem's data once, runs every library on
 * it from the same fixed start, the libraries taking turns round by round ({@link #compare}), then
 * writes {@code docs/benchmarks.md} and {@code docs/images/benchmark.png}; before each problem it
 * measures the machine's FMA peak ({@link FmaPeak}), which says how fast the machine was then. Options:
 * <pre>
 *   --quick            sizes about ten times smaller (a few minutes; for developing the harness)
 *   --skip-memory      no 10 000 000×16 memory check
 *   --skip-selection   no model-selection timing
 *   --docs DIR         where to write (default docs)
 *   --rounds N         rounds per problem, each library's median over them reported (default 3)
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
        List<Peer> peers = peers(work);
        List<Measurement> measurements = new ArrayList<>();
        Map<Problem, FmaPeak.Result> peaks = new LinkedHashMap<>();
        for (Problem problem : options.quick ? Problem.quick() : Problem.full()) {
            System.out.println("== " + problem.label());
            System.out.println("  the machine's FMA peak");
            peaks.put(problem, FmaPeak.measure());
            for (Measurement m : compare(ClusterData.generate(problem, SEED), peers, options.rounds)) {
                System.out.printf("    %-10s %-9s %12.5f s/iter  %s%n", m.library(), m.variant(),
                        m.secondsPerIteration(), m.note());
                measurements.add(m);
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
        Report report = new Report(options, peers, measurements, peaks, selection, memory, String.join(" ", args));
        Files.createDirectories(options.docs.resolve("images"));
        Files.writeString(options.docs.resolve("benchmarks.md"), report.markdown());
        BarChart.write(measurements, options.docs.resolve("images/benchmark.png"));
        System.out.println("wrote " + options.docs.resolve("benchmarks.md") + " and " + options.docs.resolve("images/benchmark.png"));
        System.out.println(report.timeTable());
        deleteTree(work);
    }

    /**
     * Every peer on one problem, taking turns: all are readied, then each round runs every peer once,
     * in the list's order. This shared machine has slow phases lasting minutes: measured one library
     * after another, such a phase lands on one side of a ratio only; in turns, each round of every
     * library samples the same minutes.
     */
    static List<Measurement> compare(ClusterData data, List<Peer> peers, int rounds) {
        StartingPoint start = data.startingPoint();
        List<Peer.Session> sessions = new ArrayList<>();
        try {
            for (Peer peer : peers) {
                System.out.println("  readying " + peer.name());
                sessions.add(peer.prepare(data, start));
            }
            for (int r = 1; r <= rounds; r++) {
                for (int p = 0; p < peers.size(); p++) {
                    System.out.println("  round " + r + "/" + rounds + ": " + peers.get(p).name());
                    sessions.get(p).round();
                }
            }
            List<Measurement> measurements = new ArrayList<>();
            for (Peer.Session session : sessions) measurements.addAll(session.measurements());
            return measurements;
        } finally {
            for (Peer.Session session : sessions) session.close();
        }
    }

    /** In the order the rounds run them: gmm4j and scikit-learn, whose ratios are the targets, next to each other. */
    private static List<Peer> peers(Path work) throws Exception {
        List<Peer> peers = new ArrayList<>(List.of(new Gmm4jPeer(0)));
        ExternalPeer sklearn = ExternalPeer.scikitLearn(work);
        if (sklearn != null) peers.add(sklearn);
        else System.out.println("scikit-learn not found (apt-get install python3-sklearn): skipped");
        peers.add(new WekaPeer());
        ExternalPeer mclust = ExternalPeer.mclust(work);
        if (mclust != null) peers.add(mclust);
        else System.out.println("mclust not found (apt-get install r-cran-mclust): skipped");
        peers.addAll(List.of(new SmilePeer(), new CommonsMathPeer()));
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
    record Options(boolean quick, boolean skipMemory, boolean skipSelection, Path docs, int rounds) {
        static Options parse(String[] args) {
            boolean quick = false, skipMemory = false, skipSelection = false;
            int rounds = 3;
            Path docs = Path.of("docs");
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--quick" -> quick = true;
                    case "--skip-memory" -> skipMemory = true;
                    case "--skip-selection" -> skipSelection = true;
                    case "--docs" -> docs = Path.of(args[++i]);
                    case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                    default -> throw new IllegalArgumentException("Unknown option " + args[i]
                            + "; use --quick, --skip-memory, --skip-selection, --docs DIR, --rounds N");
                }
            }
            if (rounds < 1) throw new IllegalArgumentException("--rounds must be at least 1, not " + rounds);
            return new Options(quick, skipMemory, skipSelection, docs, rounds);
        }
    }
}
