// SPDX-License-Identifier: Apache-2.0
package gmm4j.benchmarks;

import java.util.ArrayList;
import java.util.List;

/**
 * Seconds per EM iteration of a library that can only be run as a whole fit with a maximum number
 * of iterations: the time of an 11-iteration fit minus that of a 1-iteration fit, over 10 (or a
 * longer fit where a library's fixed cost dwarfs 10 iterations). The fixed costs (data conversion,
 * initialisation, final scoring) are in both runs and cancel; what remains is exactly the extra
 * iterations. Each round of the comparison times one fit of each length
 * ({@link Rounds}), and the median of each length over the rounds is used: a single pair moved by
 * 30% from run to run (a collection or the other core's load landing in one of the two fits), the
 * medians far less. When the library reports how many iterations it really ran (mclust stops once
 * the likelihood is exactly unchanged), the difference is divided by the difference of those counts
 * instead.
 */
final class IterationTiming {
    static final int FIRST = 1;
    static final int TIMED = 10;

    /** A fit of the library with at most this many iterations; returns the iterations it actually ran, or -1 if it cannot tell. */
    @FunctionalInterface
    interface Fit {
        int run(int maxIterations) throws Exception;
    }

    /**
     * The result: seconds per iteration and the fixed cost of a fit (the one-iteration time minus one
     * iteration); {@code timed} iterations more were asked of the long fit than of the short one.
     */
    record Result(double secondsPerIteration, double fixedSeconds, int timed, int iterationsRanShort, int iterationsRanLong) {
    }

    /** One library's rounds on one problem and covariance type: a 1-iteration and a longer fit each. */
    static final class Rounds {
        private final int timed;
        private final List<Double> shortSeconds = new ArrayList<>();
        private final List<Double> longSeconds = new ArrayList<>();
        private int ranShort = -1;
        private int ranLong = -1;

        /** Long fits of 1 + {@value IterationTiming#TIMED} iterations. */
        Rounds() {
            this(TIMED);
        }

        /** Long fits of 1 + {@code timed} iterations. */
        Rounds(int timed) {
            this.timed = timed;
        }

        /**
         * Times one round in this JVM, each fit after a collection: the garbage of the fits before
         * (and of the other libraries in the harness's heap) is no fit's fixed cost.
         */
        void time(Fit fit) throws Exception {
            System.gc();
            long start = System.nanoTime();
            int ranShort = fit.run(FIRST);
            double shortSeconds = (System.nanoTime() - start) * 1e-9;
            System.gc();
            start = System.nanoTime();
            int ranLong = fit.run(FIRST + timed);
            add(shortSeconds, (System.nanoTime() - start) * 1e-9, ranShort, ranLong);
        }

        /** One round's times, however taken; the iteration counts kept are the latest round's. */
        void add(double shortSeconds, double longSeconds, int ranShort, int ranLong) {
            this.shortSeconds.add(shortSeconds);
            this.longSeconds.add(longSeconds);
            this.ranShort = ranShort;
            this.ranLong = ranLong;
        }

        /**
         * From the median of the 1-iteration times and, on its own, that of the 11-iteration times:
         * a pair is not kept together, so one slow fit of either length is outvoted.
         */
        Result result() {
            return fromTimes(median(shortSeconds), median(longSeconds), timed, ranShort, ranLong);
        }

        /** The cell: {@link #result()}, with each round's own difference alongside, and a note of how it was taken. */
        Measurement measurement(Problem problem, String library, String variant, String type, String detail) {
            Result r = result();
            List<Double> perRound = new ArrayList<>();
            for (int i = 0; i < shortSeconds.size(); i++) {
                perRound.add(fromTimes(shortSeconds.get(i), longSeconds.get(i), timed, ranShort, ranLong).secondsPerIteration());
            }
            String note = warnings(r) + String.format(java.util.Locale.ROOT,
                    "median %d − median 1 iteration fit / %d over %d rounds (fixed cost %.3f s); %s",
                    FIRST + timed, timed, shortSeconds.size(), r.fixedSeconds(), detail);
            return new Measurement(problem, library, variant, type, r.secondsPerIteration(), note, perRound);
        }
    }

    private IterationTiming() {
    }

    /** The middle value (the upper one of the two middle values for an even count); sorts a copy. */
    static double median(double[] values) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    static double median(List<Double> values) {
        return median(values.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** Kept apart from the clock so it can be tested. */
    static Result fromTimes(double shortSeconds, double longSeconds, int timed, int ranShort, int ranLong) {
        boolean counted = ranShort >= 0 && ranLong > ranShort;
        int iterations = counted ? ranLong - ranShort : timed;
        double perIteration = (longSeconds - shortSeconds) / iterations;
        return new Result(perIteration, shortSeconds - perIteration * (counted ? ranShort : FIRST), timed, ranShort, ranLong);
    }

    /** A note for the table when the library did not run the iterations asked for, or the difference drowned in noise. */
    static String warnings(Result r) {
        StringBuilder s = new StringBuilder();
        if (r.iterationsRanLong() >= 0 && r.iterationsRanLong() != FIRST + r.timed()) {
            s.append("stopped after ").append(r.iterationsRanLong()).append(" of ").append(FIRST + r.timed())
                    .append(" iterations (timed over the ").append(r.iterationsRanLong() - r.iterationsRanShort())
                    .append(" extra); ");
        }
        if (!(r.secondsPerIteration() > 0)) s.append("difference below timing noise; ");
        return s.toString();
    }
}
