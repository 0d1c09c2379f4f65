package gmm4j.benchmarks;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The harness's own logic: timing arithmetic, data generation, file format. Runs only with -Pbenchmarks. */
class HarnessTest {

    @Test
    void perIterationTimeIsTheDifferenceOverTenIterations() {
        IterationTiming.Result r = IterationTiming.fromTimes(1.5, 3.5, -1, -1);
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
    void reportedIterationCountsReplaceTheTenWhenALibraryStopsEarly() {
        IterationTiming.Result r = IterationTiming.fromTimes(1.0, 2.2, 1, 7);
        assertEquals(0.2, r.secondsPerIteration(), 1e-12);
        assertTrue(IterationTiming.warnings(r).contains("stopped after 7 of 11"));
    }

    @Test
    void noiseLargerThanTheIterationsIsFlaggedNotHidden() {
        IterationTiming.Result r = IterationTiming.fromTimes(2.0, 1.9, -1, -1);
        assertFalse(new Measurement(null, "x", "full", "full", r.secondsPerIteration(), "").measured());
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
    void binaryFilesAreLittleEndianDoubles(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path file = dir.resolve("x.f64");
        BinaryDoubles.write(new double[] {1.5, -2.0}, file);
        ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(16, bytes.remaining());
        assertEquals(1.5, bytes.getDouble());
        assertEquals(-2.0, bytes.getDouble());
    }
}
