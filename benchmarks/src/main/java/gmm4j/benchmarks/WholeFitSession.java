// SPDX-License-Identifier: Apache-2.0
package gmm4j.benchmarks;

import java.util.List;
import java.util.concurrent.Callable;

/**
 * A library in this JVM that can only be timed as whole fits ({@link IterationTiming}), in one
 * covariance type: per problem, its data are converted and one fit of 1 + {@value IterationTiming#TIMED}
 * iterations runs untimed, so that the JIT has compiled its iterations before the first round (a
 * 1-iteration warm-up left round 1's short fit the slower of the two); then each round times a
 * 1-iteration and a longer fit.
 */
final class WholeFitSession implements Peer.Session {
    private final Problem problem;
    private final String library;
    private final String variant;
    private final String type;
    private final String detail;
    private final IterationTiming.Fit fit;
    private final IterationTiming.Rounds rounds;
    private String failure;

    private WholeFitSession(Problem problem, String library, String variant, String type, String detail,
                            int timed, IterationTiming.Fit fit) {
        this.problem = problem;
        this.rounds = new IterationTiming.Rounds(timed);
        this.library = library;
        this.variant = variant;
        this.type = type;
        this.detail = detail;
        this.fit = fit;
    }

    /**
     * @param detail     the note's words on the library's settings, e.g. "one thread"
     * @param timed      how many iterations more the long fit runs than the short one
     * @param conversion converts the data for the library and returns its fit
     */
    static Peer.Session prepare(Problem problem, String library, String variant, String type, String detail,
                                int timed, Callable<IterationTiming.Fit> conversion) {
        try {
            IterationTiming.Fit fit = conversion.call();
            fit.run(IterationTiming.FIRST + IterationTiming.TIMED);
            return new WholeFitSession(problem, library, variant, type, detail, timed, fit);
        } catch (Exception | OutOfMemoryError e) {
            return Peer.Session.untimed(List.of(Measurement.failed(problem, library, variant, type, "failed: " + e)));
        }
    }

    @Override
    public void round() {
        if (failure != null) return;
        try {
            rounds.time(fit);
        } catch (Exception | OutOfMemoryError e) {
            failure = "failed: " + e;
        }
    }

    @Override
    public List<Measurement> measurements() {
        return List.of(failure != null ? Measurement.failed(problem, library, variant, type, failure)
                : rounds.measurement(problem, library, variant, type, detail));
    }
}
