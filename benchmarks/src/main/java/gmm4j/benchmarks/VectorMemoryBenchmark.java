// SPDX-License-Identifier: Apache-2.0
package gmm4j.benchmarks;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * Whether the full-covariance kernels would gain from memory aligned to the vector: the M-step's
 * register tile (sixteen dot products of four columns by four, over a block's 256 rows, as the
 * engine's {@code productsFourByFour}) over heap arrays, whose data the JVM aligns to 8 bytes only,
 * so most 512-bit loads span two cache lines; and over an off-heap segment aligned to 64 bytes, or
 * offset 16 bytes from that (as a heap array's data sits behind its header). One operation is one
 * tile: 4·4·256·2 flops. Run it again with
 * {@code -jvmArgsAppend -Djdk.incubator.vector.VECTOR_ACCESS_OOB_CHECK=0} to see what the segment's
 * bounds checks cost (a measurement only: the engine never asks users for that flag).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgs = {"--add-modules", "jdk.incubator.vector"})
public class VectorMemoryBenchmark {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private static final ByteOrder ORDER = ByteOrder.nativeOrder();
    private static final int ROWS = 256;
    private static final int COLUMNS = 8;

    private double[][] columns;

    @Setup
    public void setUp() {
        columns = values();
    }

    /** The same columns off the heap, in a state of their own so that only the segment's run takes the offset. */
    @State(Scope.Thread)
    public static class OffHeap {
        /** Bytes from a 64-byte boundary where the segment's columns start: 0 aligned, 16 as a heap array's. */
        @Param({"0", "16"})
        public int segmentOffset;

        private MemorySegment segment;

        @Setup
        public void setUp() {
            double[][] columns = values();
            segment = Arena.ofAuto().allocate(COLUMNS * ROWS * 8L + 64, 64).asSlice(segmentOffset, COLUMNS * ROWS * 8L);
            for (int j = 0; j < COLUMNS; j++) {
                MemorySegment.copy(columns[j], 0, segment, ValueLayout.JAVA_DOUBLE, (long) j * ROWS * 8, ROWS);
            }
        }
    }

    /** Eight columns of 256 Gaussian values, the same for both layouts. */
    private static double[][] values() {
        Random random = new Random(1);
        double[][] columns = new double[COLUMNS][ROWS];
        for (double[] column : columns) {
            for (int b = 0; b < ROWS; b++) column[b] = random.nextGaussian();
        }
        return columns;
    }

    @Benchmark
    public double heapArrays() {
        double[] x0 = columns[0], x1 = columns[1], x2 = columns[2], x3 = columns[3];
        double[] y0 = columns[4], y1 = columns[5], y2 = columns[6], y3 = columns[7];
        DoubleVector s00 = DoubleVector.zero(S), s01 = s00, s02 = s00, s03 = s00, s10 = s00, s11 = s00, s12 = s00, s13 = s00;
        DoubleVector s20 = s00, s21 = s00, s22 = s00, s23 = s00, s30 = s00, s31 = s00, s32 = s00, s33 = s00;
        for (int b = 0; b < ROWS; b += S.length()) {
            DoubleVector u0 = DoubleVector.fromArray(S, x0, b), u1 = DoubleVector.fromArray(S, x1, b);
            DoubleVector u2 = DoubleVector.fromArray(S, x2, b), u3 = DoubleVector.fromArray(S, x3, b);
            DoubleVector v = DoubleVector.fromArray(S, y0, b);
            s00 = u0.fma(v, s00); s10 = u1.fma(v, s10); s20 = u2.fma(v, s20); s30 = u3.fma(v, s30);
            v = DoubleVector.fromArray(S, y1, b);
            s01 = u0.fma(v, s01); s11 = u1.fma(v, s11); s21 = u2.fma(v, s21); s31 = u3.fma(v, s31);
            v = DoubleVector.fromArray(S, y2, b);
            s02 = u0.fma(v, s02); s12 = u1.fma(v, s12); s22 = u2.fma(v, s22); s32 = u3.fma(v, s32);
            v = DoubleVector.fromArray(S, y3, b);
            s03 = u0.fma(v, s03); s13 = u1.fma(v, s13); s23 = u2.fma(v, s23); s33 = u3.fma(v, s33);
        }
        return s00.add(s01).add(s02.add(s03)).add(s10.add(s11).add(s12.add(s13)))
                .add(s20.add(s21).add(s22.add(s23)).add(s30.add(s31).add(s32.add(s33)))).reduceLanes(VectorOperators.ADD);
    }

    @Benchmark
    public double offHeapSegment(OffHeap offHeap) {
        MemorySegment m = offHeap.segment;
        long c = ROWS * 8L;
        DoubleVector s00 = DoubleVector.zero(S), s01 = s00, s02 = s00, s03 = s00, s10 = s00, s11 = s00, s12 = s00, s13 = s00;
        DoubleVector s20 = s00, s21 = s00, s22 = s00, s23 = s00, s30 = s00, s31 = s00, s32 = s00, s33 = s00;
        for (int b = 0; b < ROWS; b += S.length()) {
            long o = 8L * b;
            DoubleVector u0 = DoubleVector.fromMemorySegment(S, m, o, ORDER), u1 = DoubleVector.fromMemorySegment(S, m, c + o, ORDER);
            DoubleVector u2 = DoubleVector.fromMemorySegment(S, m, 2 * c + o, ORDER), u3 = DoubleVector.fromMemorySegment(S, m, 3 * c + o, ORDER);
            DoubleVector v = DoubleVector.fromMemorySegment(S, m, 4 * c + o, ORDER);
            s00 = u0.fma(v, s00); s10 = u1.fma(v, s10); s20 = u2.fma(v, s20); s30 = u3.fma(v, s30);
            v = DoubleVector.fromMemorySegment(S, m, 5 * c + o, ORDER);
            s01 = u0.fma(v, s01); s11 = u1.fma(v, s11); s21 = u2.fma(v, s21); s31 = u3.fma(v, s31);
            v = DoubleVector.fromMemorySegment(S, m, 6 * c + o, ORDER);
            s02 = u0.fma(v, s02); s12 = u1.fma(v, s12); s22 = u2.fma(v, s22); s32 = u3.fma(v, s32);
            v = DoubleVector.fromMemorySegment(S, m, 7 * c + o, ORDER);
            s03 = u0.fma(v, s03); s13 = u1.fma(v, s13); s23 = u2.fma(v, s23); s33 = u3.fma(v, s33);
        }
        return s00.add(s01).add(s02.add(s03)).add(s10.add(s11).add(s12.add(s13)))
                .add(s20.add(s21).add(s22.add(s23)).add(s30.add(s31).add(s32.add(s33)))).reduceLanes(VectorOperators.ADD);
    }
}
