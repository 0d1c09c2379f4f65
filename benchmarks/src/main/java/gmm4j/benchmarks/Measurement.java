// SPDX-License-Identifier: Apache-2.0
package gmm4j.benchmarks;

import java.util.List;

/**
 * One library's time on one problem.
 *
 * @param variant            the covariance type in the library's own words ("full", "VVV", "diagonal")
 * @param type               the covariance type it corresponds to, for ratios: full, tied, diag, spherical
 * @param secondsPerIteration seconds per EM iteration (the median over the rounds), or NaN when it could not be measured
 * @param note               what the time includes, or why it is missing
 * @param rounds             each round's own time, in round order, to show how steady it and its ratios are
 * @param nonCut             gmm4j only: the share of (row, component) pairs whose responsibility is above the E-step's
 *                           cut under the fitted model, the work the engine cannot skip; NaN elsewhere
 * @param wholeDistances     gmm4j's full covariance only: the share of (row, component) pairs whose distance the E-step
 *                           computes whole under the fitted model ({@link Gmm4jPeer#wholeDistanceShare}); NaN elsewhere
 */
public record Measurement(Problem problem, String library, String variant, String type,
                          double secondsPerIteration, String note, List<Double> rounds, double nonCut,
                          double wholeDistances) {

    public Measurement {
        rounds = List.copyOf(rounds);
    }

    public Measurement(Problem problem, String library, String variant, String type,
                       double secondsPerIteration, String note, List<Double> rounds) {
        this(problem, library, variant, type, secondsPerIteration, note, rounds, Double.NaN, Double.NaN);
    }

    public static Measurement failed(Problem problem, String library, String variant, String type, String why) {
        return new Measurement(problem, library, variant, type, Double.NaN, why, List.of());
    }

    public boolean measured() {
        return Double.isFinite(secondsPerIteration) && secondsPerIteration > 0;
    }
}
