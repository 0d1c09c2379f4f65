// SPDX-License-Identifier: Apache-2.0
package gmm4j.benchmarks;

import java.util.ArrayList;
import java.util.List;

/**
 * This machine's fused multiply-add peak, measured: every core runs twelve independent chains of
 * vector FMAs held in registers (more than the units' latency times their number, so the units, not
 * the chains, bound it: {@link FmaChains}, in a JVM of its own with the incubator module), in 256-bit
 * vectors and, where the JVM runs them, 512-bit ones; the best of three runs of about a quarter of a
 * second, in GFLOP/s for all cores together. A shared machine's speed swings by a factor of two within
 * minutes (its cores lent out, its clock lowered): measured next to each problem, the peak says how
 * fast the machine was when the problem's fits ran.
 */
final class FmaPeak {
    /** The peak at 256 and 512 bits (NaN where the JVM has no 512-bit vectors), GFLOP/s. */
    record Result(double bits256, double bits512) {
    }

    private FmaPeak() {
    }

    /** The peak at both widths, each measured in a JVM of its own (the harness's has no incubator module). */
    static Result measure() throws Exception {
        return new Result(measureAt(256), measureAt(512));
    }

    /** GFLOP/s at {@code bits} (NaN where this machine's JVM does not run vectors that wide). */
    private static double measureAt(int bits) throws Exception {
        List<String> options = new ArrayList<>(Gmm4jPeer.VECTOR_API);
        options.add("-Dgmm4j.fmaBits=" + bits);
        for (String line : ChildJvm.run(options, FmaChains.class, List.of())) {
            String[] f = line.trim().split(" ");
            if (f.length == 2 && f[0].equals("PEAK")) return Double.parseDouble(f[1]);
        }
        throw new IllegalStateException("the FMA peak's JVM printed no PEAK line");
    }
}
