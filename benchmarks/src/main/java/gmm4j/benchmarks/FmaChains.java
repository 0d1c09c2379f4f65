// SPDX-License-Identifier: Apache-2.0
package gmm4j.benchmarks;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** {@link FmaPeak}'s measurement, run in a JVM of its own with the incubator module (the harness's JVM cannot load this class). */
final class FmaChains {
    /**
     * The width, from the system property {@code gmm4j.fmaBits}: a constant for the JIT, which compiles
     * the Vector API into vector instructions only for a species it knows (else a hundred times slower).
     */
    private static final VectorSpecies<Double> S =
            Integer.getInteger("gmm4j.fmaBits", 256) == 512 ? DoubleVector.SPECIES_512 : DoubleVector.SPECIES_256;
    private static final int CHAINS = 12;
    /** Steps per call: many short calls, since the JIT compiles a called method's loop well and a long loop replaced on the stack badly. */
    private static final int STEPS = 10_000;
    private static final long CALLS = 2_000L * 256 / S.vectorBitSize();

    private FmaChains() {
    }

    /** Prints "PEAK gflops" at this JVM's width ("PEAK NaN" where it does not run vectors that wide in hardware). */
    public static void main(String[] args) throws InterruptedException {
        if (S.vectorBitSize() > DoubleVector.SPECIES_PREFERRED.vectorBitSize()) {
            System.out.println("PEAK NaN");
            return;
        }
        int threads = Runtime.getRuntime().availableProcessors();
        run(threads, CALLS / 4); // compiles the loop
        double best = 0;
        for (int r = 0; r < 3; r++) best = Math.max(best, run(threads, CALLS));
        System.out.printf(Locale.ROOT, "PEAK %.2f%n", best);
    }

    /** GFLOP/s of {@code threads} threads each calling the chains {@code calls} times. */
    private static double run(int threads, long calls) throws InterruptedException {
        List<Thread> running = new ArrayList<>();
        double[] sink = new double[threads];
        long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            int slot = t;
            Thread thread = new Thread(() -> {
                for (long i = 0; i < calls; i++) sink[slot] += chains();
            });
            thread.start();
            running.add(thread);
        }
        for (Thread thread : running) thread.join();
        double seconds = (System.nanoTime() - start) / 1e9;
        for (double s : sink) if (!(s > 0)) throw new IllegalStateException("the chains' sum is not positive: " + s);
        return threads * calls * STEPS * CHAINS * S.length() * 2.0 / seconds / 1e9;
    }

    /** Twelve chains a ← a·m + c, m just below 1 so that nothing overflows or vanishes; their sum, so the JIT keeps them. */
    private static double chains() {
        DoubleVector m = DoubleVector.broadcast(S, 0.9999999), c = DoubleVector.broadcast(S, 1e-9);
        DoubleVector a0 = DoubleVector.broadcast(S, 1), a1 = a0, a2 = a0, a3 = a0, a4 = a0, a5 = a0;
        DoubleVector a6 = a0, a7 = a0, a8 = a0, a9 = a0, a10 = a0, a11 = a0;
        for (int i = 0; i < STEPS; i++) {
            a0 = a0.fma(m, c);
            a1 = a1.fma(m, c);
            a2 = a2.fma(m, c);
            a3 = a3.fma(m, c);
            a4 = a4.fma(m, c);
            a5 = a5.fma(m, c);
            a6 = a6.fma(m, c);
            a7 = a7.fma(m, c);
            a8 = a8.fma(m, c);
            a9 = a9.fma(m, c);
            a10 = a10.fma(m, c);
            a11 = a11.fma(m, c);
        }
        DoubleVector sum = a0.add(a1).add(a2.add(a3)).add(a4.add(a5).add(a6.add(a7))).add(a8.add(a9).add(a10.add(a11)));
        return sum.reduceLanes(VectorOperators.ADD);
    }
}
