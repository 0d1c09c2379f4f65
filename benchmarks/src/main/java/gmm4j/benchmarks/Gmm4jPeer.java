package gmm4j.benchmarks;

import gmm4j.CovarianceType;
import gmm4j.Dataset;
import gmm4j.GaussianMixture;
import gmm4j.GaussianMixtureModel;

import java.util.ArrayList;
import java.util.List;

/**
 * gmm4j, every covariance type, all cores. Timed from inside one fit: the fit's listener is called
 * at the end of each iteration, so the clock reads at the end of iteration 1 and of iteration 11
 * bracket exactly 10 iterations (E-step and statistics, M-step), without the data copy, the start
 * or the final scoring pass. Like a JMH warm-up, untimed fits run first until the JIT has settled:
 * at least {@value #WARM_UP_FITS} fits and {@value #WARM_UP_SECONDS} seconds for each type (two short
 * fits were not enough: measured, a d = 64 fit took 10 to 25% longer in fits 3 to 5 than from the
 * sixth on, on two cores the compiler threads share); the time is the median of
 * {@value #TIMED_FITS} timed fits.
 */
final class Gmm4jPeer implements Peer {
    static final String NAME = "gmm4j";
    private static final int WARM_UP_FITS = 3;
    private static final double WARM_UP_SECONDS = 3;
    private static final int TIMED_FITS = 5;

    private final int threads;

    /** @param threads 0 for all cores */
    Gmm4jPeer(int threads) {
        this.threads = threads;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Measurement> measure(ClusterData data, StartingPoint start) {
        Dataset dataset = data.dataset();
        List<Measurement> out = new ArrayList<>();
        for (CovarianceType type : CovarianceType.values()) {
            out.add(measure(dataset, start, type, data.problem()));
        }
        return out;
    }

    private Measurement measure(Dataset dataset, StartingPoint start, CovarianceType type, Problem problem) {
        String variant = typeName(type);
        try {
            int iterations = IterationTiming.FIRST + IterationTiming.TIMED;
            long warmUpStart = System.nanoTime();
            int warmUps = 0;
            while (warmUps < WARM_UP_FITS || System.nanoTime() - warmUpStart < WARM_UP_SECONDS * 1e9) {
                fit(dataset, start, type, iterations, (restart, iteration, ll) -> true);
                warmUps++;
            }
            double[] seconds = new double[TIMED_FITS];
            GaussianMixtureModel model = null;
            for (int f = 0; f < TIMED_FITS; f++) {
                long[] endOfIteration = new long[iterations + 1];
                model = fit(dataset, start, type, iterations, (restart, iteration, ll) -> {
                    endOfIteration[iteration] = System.nanoTime();
                    return true;
                });
                if (model.iterations() != iterations) {
                    return Measurement.failed(problem, NAME, variant, variant, "ran " + model.iterations() + " iterations");
                }
                seconds[f] = (endOfIteration[iterations] - endOfIteration[IterationTiming.FIRST]) * 1e-9 / IterationTiming.TIMED;
            }
            java.util.Arrays.sort(seconds);
            String note = "iterations 2–11 inside one fit, median of " + TIMED_FITS + " fits after " + warmUps + " warm-up fits"
                    + (model.repairs().isEmpty() ? "" : "; " + model.repairs().size() + " repairs");
            return new Measurement(problem, NAME, variant, variant, seconds[TIMED_FITS / 2], note);
        } catch (RuntimeException e) {
            return Measurement.failed(problem, NAME, variant, variant, "failed: " + e);
        }
    }

    private GaussianMixtureModel fit(Dataset dataset, StartingPoint start, CovarianceType type, int iterations,
                                     gmm4j.FitListener listener) {
        return GaussianMixture.builder()
                .covariance(type)
                .start(start.toStartingParameters())
                .tolerance(0)
                .maxIterations(iterations)
                .threads(threads)
                .listener(listener)
                .build()
                .fit(dataset);
    }

    /** The neutral type names used in the tables: full, tied, diag, spherical. */
    static String typeName(CovarianceType type) {
        return switch (type) {
            case FULL -> "full";
            case TIED -> "tied";
            case DIAGONAL -> "diag";
            case SPHERICAL -> "spherical";
        };
    }
}
