package gmm4j.benchmarks;

import java.util.List;
import java.util.concurrent.Callable;

/**
 * A library in this JVM that can only be timed as whole fits ({@link IterationTiming}), in one
 * covariance type: per problem, its data are converted and one 1-iteration fit runs untimed, to
 * warm up; then each round times a 1- and an 11-iteration fit.
 */
final class WholeFitSession implements Peer.Session {
    private final Problem problem;
    private final String library;
    private final String variant;
    private final String type;
    private final String detail;
    private final IterationTiming.Fit fit;
    private final IterationTiming.Rounds rounds = new IterationTiming.Rounds();
    private String failure;

    private WholeFitSession(Problem problem, String library, String variant, String type, String detail,
                            IterationTiming.Fit fit) {
        this.problem = problem;
        this.library = library;
        this.variant = variant;
        this.type = type;
        this.detail = detail;
        this.fit = fit;
    }

    /**
     * @param detail     the note's words on the library's settings, e.g. "one thread"
     * @param conversion converts the data for the library and returns its fit
     */
    static Peer.Session prepare(Problem problem, String library, String variant, String type, String detail,
                                Callable<IterationTiming.Fit> conversion) {
        try {
            IterationTiming.Fit fit = conversion.call();
            fit.run(IterationTiming.FIRST);
            return new WholeFitSession(problem, library, variant, type, detail, fit);
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
