// SPDX-License-Identifier: Apache-2.0
package gmm4j.benchmarks;

import gmm4j.CovarianceType;
import gmm4j.Dataset;
import gmm4j.GaussianMixture;
import gmm4j.GaussianMixtureModel;
import gmm4j.StartingParameters;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The harness's own logic: timing arithmetic, the rounds' order, data generation, file format. Runs only with -Pbenchmarks. */
class HarnessTest {

    @Test
    void perIterationTimeIsTheDifferenceOverTenIterations() {
        IterationTiming.Result r = IterationTiming.fromTimes(1.5, 3.5, IterationTiming.TIMED, -1, -1);
        assertEquals(0.2, r.secondsPerIteration(), 1e-12);
        assertEquals(1.3, r.fixedSeconds(), 1e-12);
        assertEquals("", IterationTiming.warnings(r));
    }

    @Test
    void medianIgnoresOneOutlierAndLeavesItsInputAlone() {
        double[] rounds = {0.31, 0.95, 0.30};
        assertEquals(0.31, IterationTiming.median(rounds));
        assertEquals(0.95, rounds[1]);
        assertEquals(0.4, IterationTiming.median(new double[] {0.4, 0.1, 0.5, 0.2}));
    }

    @Test
    void roundsTakeTheMedianOfEachFitLengthOnItsOwn() {
        IterationTiming.Rounds rounds = new IterationTiming.Rounds();
        rounds.add(1.0, 3.0, -1, -1);
        rounds.add(1.2, 2.0, -1, -1);
        rounds.add(5.0, 6.0, -1, -1); // a slow phase: both fits slow
        // medians 1.2 and 3.0; the median pair's or the median difference would give 0.08 or 0.1
        assertEquals(0.18, rounds.result().secondsPerIteration(), 1e-12);
        Measurement m = rounds.measurement(new Problem(10, 2, 2, false), "x", "full", "full", "detail");
        assertEquals(0.18, m.secondsPerIteration(), 1e-12);
        assertArrayEquals(new double[] {0.2, 0.08, 0.1}, m.rounds().stream().mapToDouble(Double::doubleValue).toArray(), 1e-12);
        assertTrue(m.note().contains("3 rounds"), m.note());
    }

    @Test
    void everyRoundRunsEveryPeerOnceBeforeTheNextRoundBegins() {
        List<String> calls = new ArrayList<>();
        ClusterData data = ClusterData.generate(new Problem(40, 2, 2, false), 1);
        List<Measurement> measurements = Comparison.compare(data,
                List.of(new RecordingPeer("A", calls), new RecordingPeer("B", calls)), 3);
        assertEquals(List.of("A prepare", "B prepare",
                "A round 1", "B round 1", "A round 2", "B round 2", "A round 3", "B round 3",
                "A measurements", "B measurements", "A close", "B close"), calls);
        assertEquals(List.of("A", "B"), measurements.stream().map(Measurement::library).toList());
    }

    @Test
    void roundsReplaceForksAndUnknownOptionsAreRefused() {
        assertEquals(5, Comparison.Options.parse(new String[] {"--quick", "--rounds", "5"}).rounds());
        assertEquals(3, Comparison.Options.parse(new String[0]).rounds());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Comparison.Options.parse(new String[] {"--forks", "3"}));
        assertTrue(e.getMessage().contains("--rounds N"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Comparison.Options.parse(new String[] {"--rounds", "0"}));
    }

    /** A peer that only writes down, in a log shared with the other peers, what the comparison asks of it. */
    private record RecordingPeer(String name, List<String> calls) implements Peer {
        @Override
        public Session prepare(ClusterData data, StartingPoint start) {
            calls.add(name + " prepare");
            return new Session() {
                private int rounds;

                @Override
                public void round() {
                    calls.add(name + " round " + ++rounds);
                }

                @Override
                public List<Measurement> measurements() {
                    calls.add(name + " measurements");
                    return List.of(new Measurement(data.problem(), name, "full", "full", rounds, "", List.of()));
                }

                @Override
                public void close() {
                    calls.add(name + " close");
                }
            };
        }
    }

    @Test
    void longerLongFitsDivideByTheirOwnIterations() {
        IterationTiming.Rounds rounds = new IterationTiming.Rounds(40);
        rounds.add(5.0, 13.0, -1, -1);
        assertEquals(0.2, rounds.result().secondsPerIteration(), 1e-12);
        assertEquals(4.8, rounds.result().fixedSeconds(), 1e-12);
        Measurement m = rounds.measurement(new Problem(10, 2, 2, false), "x", "diagonal", "diag", "detail");
        assertTrue(m.note().startsWith("median 41 − median 1 iteration fit / 40"), m.note());
        assertTrue(IterationTiming.warnings(IterationTiming.fromTimes(5.0, 13.0, 40, 1, 11)).contains("stopped after 11 of 41"));
    }

    @Test
    void reportedIterationCountsReplaceTheTenWhenALibraryStopsEarly() {
        IterationTiming.Result r = IterationTiming.fromTimes(1.0, 2.2, IterationTiming.TIMED, 1, 7);
        assertEquals(0.2, r.secondsPerIteration(), 1e-12);
        assertTrue(IterationTiming.warnings(r).contains("stopped after 7 of 11"));
    }

    @Test
    void noiseLargerThanTheIterationsIsFlaggedNotHidden() {
        IterationTiming.Result r = IterationTiming.fromTimes(2.0, 1.9, IterationTiming.TIMED, -1, -1);
        assertFalse(new Measurement(null, "x", "full", "full", r.secondsPerIteration(), "", List.of()).measured());
        assertTrue(IterationTiming.warnings(r).contains("noise"));
    }

    @Test
    void dataAreDeterministicAndTheStartComesFromSpacedRows() {
        Problem p = new Problem(1000, 3, 4, false);
        ClusterData a = ClusterData.generate(p, 7), b = ClusterData.generate(p, 7);
        assertArrayEquals(a.values(), b.values());
        StartingPoint start = a.startingPoint();
        assertEquals(4, start.k());
        double[] row = java.util.Arrays.copyOfRange(a.values(), 125 * 3, 126 * 3);
        assertArrayEquals(row, start.means()[0]);
        assertEquals(start.covariance()[0][1], start.covariance()[1][0]);
        start.toStartingParameters(); // positive definite, or this throws
    }

    @Test
    void fullIterationFlopsFollowTheIssuesCount() {
        assertEquals(200_000.0 * 16 * 2 * 16 * 17, Problem.parse("200000x16x16").fullIterationFlops());
    }

    @Test
    void layoutsParseAndPrintBackAndCountOnlyPerformedWork() {
        Problem overlapping = Problem.parse("200000x16x16:overlapping");
        assertEquals(Problem.Layout.OVERLAPPING, overlapping.layout());
        assertEquals(overlapping, Problem.parse(overlapping.spec()));
        assertEquals(new Problem(200_000, 16, 16, false), Problem.parse("200000x16x16"));
        assertEquals("200 000×16, K=16, overlapping", overlapping.label());
        // dense: the issue's count; the distances computed whole and the pairs above the cut count a half each
        assertEquals(overlapping.fullIterationFlops(), overlapping.performedFullIterationFlops(1, 1));
        assertEquals(200_000.0 * 16 * 16 * 17 * 1.25, overlapping.performedFullIterationFlops(0.25, 1));
        assertEquals(100_000.0 * 8 * 64 * 65 * 0.5, Problem.parse("100000x64x8").performedFullIterationFlops(0.25, 0.25));
    }

    /**
     * The E-step's rule replayed: below d = 32 every distance is computed whole; from d = 32 a
     * component far from a row in its first eight coordinates is ruled out, one far only in the
     * others is not (the bound sees the first eight), and two equal components are never.
     */
    @Test
    void wholeDistancesAreThoseTheBoundsCannotRuleOut() {
        Random random = new Random(5);
        int n = 200;
        for (int d : new int[]{16, 32}) {
            double[][] rows = new double[n][d];
            for (double[] row : rows) for (int j = 0; j < d; j++) row[j] = random.nextGaussian();
            Dataset data = Dataset.of(rows);
            double[][] nearFirst = new double[2][d], nearLast = new double[2][d];
            nearFirst[1][0] = 1000;
            nearLast[1][d - 1] = 1000;
            double[][] same = new double[2][d];
            double share = d < 32 ? 1 : 0.5;
            assertEquals(share, Gmm4jPeer.wholeDistanceShare(model(data, nearFirst), data), 0.0, "d = " + d + ", far in the first coordinate");
            assertEquals(1.0, Gmm4jPeer.wholeDistanceShare(model(data, nearLast), data), 0.0, "d = " + d + ", far in the last coordinate");
            assertEquals(1.0, Gmm4jPeer.wholeDistanceShare(model(data, same), data), 0.0, "d = " + d + ", the same component twice");
        }
        // one block of 256 rows, a few far out in the first coordinate: only there is the second
        // component (mean 5 in it) out of the first's reach; 4 such rows leave the block whole, 40 do not
        int d = 32;
        double[][] means = new double[2][d];
        means[1][0] = 5;
        for (int far : new int[]{4, 40}) {
            double[][] rows = new double[256][d];
            for (double[] row : rows) for (int j = 0; j < d; j++) row[j] = 0.1 * random.nextGaussian();
            for (int b = 0; b < far; b++) rows[b][0] = -1000;
            Dataset data = Dataset.of(rows);
            double share = far == 4 ? 1 : (512 - far) / 512.0;
            assertEquals(share, Gmm4jPeer.wholeDistanceShare(model(data, means), data), 0.0, far + " rows far out");
        }
    }

    /** Two components with these means and identity covariances, as a model of {@code data}. */
    private static GaussianMixtureModel model(Dataset data, double[][] means) {
        int d = means[0].length;
        double[][][] covariances = new double[2][d][d];
        for (double[][] c : covariances) for (int j = 0; j < d; j++) c[j][j] = 1;
        return GaussianMixture.builder().components(2).covariance(CovarianceType.FULL)
                .start(new StartingParameters(new double[]{0.5, 0.5}, means, covariances)).build().initialize(data);
    }

    @Test
    void overlappingClustersShareTheirRows() {
        for (Problem.Layout layout : Problem.Layout.values()) {
            ClusterData data = ClusterData.generate(new Problem(2000, 4, 3, false, layout), 7);
            assertArrayEquals(data.values(), ClusterData.generate(new Problem(2000, 4, 3, false, layout), 7).values());
        }
        double[] overlapping = ClusterData.generate(new Problem(2000, 4, 3, false, Problem.Layout.OVERLAPPING), 7).values();
        for (double v : overlapping) assertTrue(Math.abs(v) < 12, "centres in [-1, 1], unit-scale spread");
    }

    @Test
    void binaryFilesAreLittleEndianDoubles(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path file = dir.resolve("x.f64");
        BinaryDoubles.write(new double[] {1.5, -2.0}, file);
        ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(16, bytes.remaining());
        assertEquals(1.5, bytes.getDouble());
        assertEquals(-2.0, bytes.getDouble());
    }

    @Test
    void pairedQuantilesAreNearestRanksOfASortedCopy() {
        List<Double> ratios = new ArrayList<>(List.of(1.3, 0.9, 1.0, 1.1, 0.7));
        assertEquals(1.0, PairedEngines.quantile(ratios, 0.5));
        assertEquals(0.9, PairedEngines.quantile(ratios, 0.25));
        assertEquals(1.1, PairedEngines.quantile(ratios, 0.75));
        assertEquals(List.of(1.3, 0.9, 1.0, 1.1, 0.7), ratios);
    }

    /**
     * The measured FMA peak runs compiled vector code: without a constant species the Vector API runs
     * its Java fallback at about 2 GFLOP/s, and a core's FMAs do several times 5 in any vector width.
     */
    @Test
    void theMeasuredFmaPeakIsVectorCode() throws Exception {
        FmaPeak.Result peak = FmaPeak.measure();
        assertTrue(peak.bits256() > 5, "256-bit peak " + peak.bits256() + " GFLOP/s");
        assertTrue(Double.isNaN(peak.bits512()) || peak.bits512() > 5, "512-bit peak " + peak.bits512() + " GFLOP/s");
    }
}
