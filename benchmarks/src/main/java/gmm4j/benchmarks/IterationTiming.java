package gmm4j.benchmarks;

/**
 * Seconds per EM iteration of a library that can only be run as a whole fit with a maximum number
 * of iterations: the time of an 11-iteration fit minus that of a 1-iteration fit, over 10. The
 * fixed costs (data conversion, initialisation, final scoring) are in both runs and cancel; what
 * remains is exactly 10 iterations. One 1-iteration fit runs first, untimed, to warm up; then
 * {@value #ROUNDS} rounds of a 1- and an 11-iteration fit, and the median of each length is used: a
 * single pair moved by 30% from run to run (a collection or the other core's load landing in one of
 * the two fits), the medians far less. When the library reports how many iterations it really ran
 * (mclust stops once the likelihood is exactly unchanged), the difference is divided by the
 * difference of those counts instead.
 */
final class IterationTiming {
    static final int FIRST = 1;
    static final int TIMED = 10;
    static final int ROUNDS = 3;
    /** How a cell was measured, for the report's notes. */
    static final String METHOD = "median 11 − median 1 iteration fit / 10, " + ROUNDS + " rounds";

    /** A fit of the library with at most this many iterations; returns the iterations it actually ran, or -1 if it cannot tell. */
    @FunctionalInterface
    interface Fit {
        int run(int maxIterations) throws Exception;
    }

    /** The result: seconds per iteration and the fixed cost of a fit (the one-iteration time minus one iteration). */
    record Result(double secondsPerIteration, double fixedSeconds, int iterationsRanShort, int iterationsRanLong) {
    }

    private IterationTiming() {
    }

    static Result measure(Fit fit) throws Exception {
        fit.run(FIRST);
        double[] shortSeconds = new double[ROUNDS], longSeconds = new double[ROUNDS];
        int ranShort = 0, ranLong = 0;
        for (int r = 0; r < ROUNDS; r++) {
            long start = System.nanoTime();
            ranShort = fit.run(FIRST);
            shortSeconds[r] = (System.nanoTime() - start) * 1e-9;
            start = System.nanoTime();
            ranLong = fit.run(FIRST + TIMED);
            longSeconds[r] = (System.nanoTime() - start) * 1e-9;
        }
        return fromTimes(median(shortSeconds), median(longSeconds), ranShort, ranLong);
    }

    /** The middle value (the upper one of the two middle values for an even count); sorts a copy. */
    static double median(double[] values) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    /** Kept apart from the clock so it can be tested. */
    static Result fromTimes(double shortSeconds, double longSeconds, int ranShort, int ranLong) {
        boolean counted = ranShort >= 0 && ranLong > ranShort;
        int iterations = counted ? ranLong - ranShort : TIMED;
        double perIteration = (longSeconds - shortSeconds) / iterations;
        return new Result(perIteration, shortSeconds - perIteration * (counted ? ranShort : FIRST), ranShort, ranLong);
    }

    /** A note for the table when the library did not run the iterations asked for, or the difference drowned in noise. */
    static String warnings(Result r) {
        StringBuilder s = new StringBuilder();
        if (r.iterationsRanLong() >= 0 && r.iterationsRanLong() != FIRST + TIMED) {
            s.append("stopped after ").append(r.iterationsRanLong()).append(" of ").append(FIRST + TIMED)
                    .append(" iterations (timed over the ").append(r.iterationsRanLong() - r.iterationsRanShort())
                    .append(" extra); ");
        }
        if (!(r.secondsPerIteration() > 0)) s.append("difference below timing noise; ");
        return s.toString();
    }
}
