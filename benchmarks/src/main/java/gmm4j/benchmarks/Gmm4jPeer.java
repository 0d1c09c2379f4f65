// SPDX-License-Identifier: Apache-2.0
package gmm4j.benchmarks;

import gmm4j.CovarianceType;
import gmm4j.Dataset;
import gmm4j.GaussianMixture;
import gmm4j.GaussianMixtureModel;

import java.util.ArrayList;
import java.util.Arrays;
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
 *
 * <p>Like JMH's forks, each type is measured in a fresh JVM each round, the median over the rounds
 * reported: one JVM's times came out 20 to 40% apart from another's for the same code and data (the
 * JIT's choices and where the work arrays land vary from run to run), and types measured one after
 * another in one JVM were slower than each alone.
 */
final class Gmm4jPeer implements Peer {
    static final String NAME = "gmm4j";
    private static final int WARM_UP_FITS = 3;
    private static final double WARM_UP_SECONDS = 3;
    private static final int TIMED_FITS = 5;

    /** The engine's fast path, its Vector API kernels: off unless the JVM has the incubator module (see the user guide). */
    static final List<String> VECTOR_API = List.of("--add-modules", "jdk.incubator.vector");

    private final int threads;

    /** @param threads 0 for all cores */
    Gmm4jPeer(int threads) {
        this.threads = threads;
    }

    /**
     * In a fresh JVM: {@code problem type threads} ({@link Problem#parse}'s form) measures one type on
     * the harness's data and prints {@code FORK seconds nonCut wholeDistances note}.
     */
    public static void main(String[] args) {
        Problem problem = Problem.parse(args[0]);
        ClusterData data = ClusterData.generate(problem, Comparison.SEED);
        Measurement m = new Gmm4jPeer(Integer.parseInt(args[2]))
                .measure(data.dataset(), data.startingPoint(), CovarianceType.valueOf(args[1]), problem);
        System.out.println(!m.measured() ? "FAILED " + m.note()
                : "FORK " + m.secondsPerIteration() + " " + m.nonCut() + " " + m.wholeDistances() + " " + m.note());
    }

    @Override
    public String name() {
        return NAME;
    }

    /** Nothing to prepare: each round's JVMs generate the problem's data from the harness's seed. */
    @Override
    public Session prepare(ClusterData data, StartingPoint start) {
        return Session.of(Arrays.stream(CovarianceType.scikitLearnTypes()).map(type -> new Forks(data.problem(), type)).toList());
    }

    /** One type on one problem: a fresh JVM a round. */
    private final class Forks implements Session.Part {
        private final Problem problem;
        private final CovarianceType type;
        private final List<Double> seconds = new ArrayList<>();
        private String note = "";
        private double nonCut = Double.NaN;
        private double wholeDistances = Double.NaN;
        private String failure;

        Forks(Problem problem, CovarianceType type) {
            this.problem = problem;
            this.type = type;
        }

        @Override
        public void round() {
            if (failure != null) return;
            try {
                List<String> lines = ChildJvm.run(VECTOR_API, Gmm4jPeer.class, List.of(problem.spec(), type.name(),
                        Integer.toString(threads)));
                String result = lines.stream().filter(l -> l.startsWith("FORK ")).findFirst().orElse(null);
                if (result == null) {
                    failure = "fork: " + String.join("; ", lines);
                    return;
                }
                String[] parts = result.split(" ", 5);
                seconds.add(Double.parseDouble(parts[1]));
                nonCut = Double.parseDouble(parts[2]);
                wholeDistances = Double.parseDouble(parts[3]);
                note = parts[4];
            } catch (java.io.IOException e) {
                failure = "fork failed: " + e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure = "interrupted";
            }
        }

        @Override
        public Measurement measurement() {
            String variant = typeName(type);
            if (failure != null) return Measurement.failed(problem, NAME, variant, variant, failure);
            return new Measurement(problem, NAME, variant, variant, IterationTiming.median(seconds),
                    "median of " + seconds.size() + " rounds, each a fresh JVM: " + note, seconds, nonCut, wholeDistances);
        }
    }

    private Measurement measure(Dataset dataset, StartingPoint start, CovarianceType type, Problem problem) {
        String variant = typeName(type);
        try {
            int warmUps = warmUp(dataset, start, type, threads);
            double[] seconds = new double[TIMED_FITS];
            GaussianMixtureModel model = null;
            for (int f = 0; f < TIMED_FITS; f++) {
                TimedFit timed = timedFit(dataset, start, type, threads);
                seconds[f] = timed.secondsPerIteration();
                model = timed.model();
            }
            double nonCut = nonCutShare(model, dataset);
            double wholeDistances = type == CovarianceType.FULL ? wholeDistanceShare(model, dataset) : Double.NaN;
            String note = "iterations 2–11 inside one fit, median of " + TIMED_FITS + " fits after " + warmUps + " warm-up fits"
                    + String.format(java.util.Locale.ROOT, "; %.1f%% of (row, component) pairs above the cut", 100 * nonCut)
                    + (type == CovarianceType.FULL
                    ? String.format(java.util.Locale.ROOT, ", %.1f%% with their distance computed whole", 100 * wholeDistances) : "")
                    + (model.repairs().isEmpty() ? "" : "; " + model.repairs().size() + " repairs");
            return new Measurement(problem, NAME, variant, variant, IterationTiming.median(seconds), note, List.of(), nonCut,
                    wholeDistances);
        } catch (RuntimeException e) {
            return Measurement.failed(problem, NAME, variant, variant, "failed: " + e);
        }
    }

    /** Untimed fits until the JIT has settled; returns how many ran. */
    static int warmUp(Dataset dataset, StartingPoint start, CovarianceType type, int threads) {
        long warmUpStart = System.nanoTime();
        int warmUps = 0;
        while (warmUps < WARM_UP_FITS || System.nanoTime() - warmUpStart < WARM_UP_SECONDS * 1e9) {
            fit(dataset, start, type, threads, IterationTiming.FIRST + IterationTiming.TIMED, (restart, iteration, ll) -> true);
            warmUps++;
        }
        return warmUps;
    }

    /** One fit's seconds per iteration over iterations 2–11, and the model it fitted. */
    record TimedFit(double secondsPerIteration, GaussianMixtureModel model) {
    }

    /** Times one fit; throws if the fit stopped before its last iteration (then there is no 10-iteration span). */
    static TimedFit timedFit(Dataset dataset, StartingPoint start, CovarianceType type, int threads) {
        int iterations = IterationTiming.FIRST + IterationTiming.TIMED;
        long[] endOfIteration = new long[iterations + 1];
        GaussianMixtureModel model = fit(dataset, start, type, threads, iterations, (restart, iteration, ll) -> {
            endOfIteration[iteration] = System.nanoTime();
            return true;
        });
        if (model.iterations() != iterations) throw new IllegalStateException("ran " + model.iterations() + " iterations");
        return new TimedFit((endOfIteration[iterations] - endOfIteration[IterationTiming.FIRST]) * 1e-9 / IterationTiming.TIMED, model);
    }

    /**
     * The share of (row, component) pairs with a posterior above 0 under the fitted model: the engine
     * gives exactly 0 to a pair more than 50 below its row's best log-joint and skips its work, so
     * this is the share of the work it performs, under the model after the timed iterations (a
     * proxy: each iteration's own share is not recorded).
     */
    private static double nonCutShare(GaussianMixtureModel model, Dataset dataset) {
        long nonZero = 0, pairs = 0;
        for (double[] posterior : model.posterior(dataset)) {
            for (double r : posterior) if (r > 0) nonZero++;
            pairs += posterior.length;
        }
        return (double) nonZero / pairs;
    }

    private static GaussianMixtureModel fit(Dataset dataset, StartingPoint start, CovarianceType type, int threads, int iterations,
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

    /** The neutral type names used in the tables: full, tied, diag, spherical, and mclust's names for the others. */
    static String typeName(CovarianceType type) {
        return switch (type) {
            case FULL -> "full";
            case TIED -> "tied";
            case DIAGONAL -> "diag";
            case SPHERICAL -> "spherical";
            case EII, EEI, VEI, EVI, VEE, EVE, VVE, EEV, VEV, EVV -> type.mclustName();
        };
    }
    /** From this dimension the full-covariance E-step bounds a distance before computing it whole ({@code FullCovariance.logJoint}). */
    private static final int BOUNDED_FROM_D = 32;
    /** The bound's squares: the first eight coordinates of z = U·(x − μ). */
    private static final int BOUND_ROWS = 8;
    /** How far below a row's lower bound of its best log-joint a bounded one is skipped: the exponential's cut, 50, and 1 more. */
    private static final double REACH = -51;

    /** The E-step's blocks: consecutive rows, this many ({@code Kernels.TILE_ROWS}). */
    private static final int BLOCK_ROWS = 256;
    /**
     * A block whose bounds leave fewer than one pair in this many out of reach of their row's highest
     * bound has every distance computed whole ({@code FullCovariance.FEW_OUT_OF_REACH}).
     */
    private static final int FEW_OUT_OF_REACH = 32;

    /**
     * The share of (row, component) pairs whose distance the full-covariance E-step computes whole,
     * its rule replayed under the fitted model (a proxy, like {@link #nonCutShare}: each iteration's
     * own share is not recorded): below d = 32 every pair; from d = 32, block by block, every pair of
     * a block where fewer than one in 32 has its bound (the log-joint with only the first eight
     * squares of its distance) more than 51 below its row's highest; in the other blocks each row's
     * component of highest bound and every other whose bound is within 51 of that one's whole
     * log-joint. (The engine computes a few more: a component picked on most of a block's rows gets
     * the whole block.)
     */
    static double wholeDistanceShare(GaussianMixtureModel model, Dataset dataset) {
        int n = dataset.size(), d = model.dimension(), k = model.components();
        if (d < BOUNDED_FROM_D || k < 2) return 1;
        double[][] means = model.means();
        double[][][] p = model.precisionCholesky();
        double[] constant = new double[k];
        for (int c = 0; c < k; c++) {
            double logDet = 0;
            for (int i = 0; i < d; i++) logDet += Math.log(p[c][i][i]);
            constant[c] = Math.log(model.weights()[c]) - 0.5 * d * Math.log(2 * Math.PI) + logDet;
        }
        long whole = 0;
        double[][] bound = new double[BLOCK_ROWS][k];
        int[] best = new int[BLOCK_ROWS];
        for (int r0 = 0; r0 < n; r0 += BLOCK_ROWS) {
            int rows = Math.min(BLOCK_ROWS, n - r0), outOfReach = 0;
            for (int b = 0; b < rows; b++) {
                double[] x = dataset.row(r0 + b);
                best[b] = 0;
                for (int c = 0; c < k; c++) {
                    bound[b][c] = constant[c] - 0.5 * squares(p[c], means[c], x, BOUND_ROWS);
                    if (bound[b][c] > bound[b][best[b]]) best[b] = c;
                }
                for (int c = 0; c < k; c++) if (bound[b][c] - bound[b][best[b]] < REACH) outOfReach++;
            }
            if ((long) FEW_OUT_OF_REACH * outOfReach < (long) rows * k) {
                whole += (long) rows * k;
                continue;
            }
            for (int b = 0; b < rows; b++) {
                int top = best[b];
                double floor = constant[top] - 0.5 * squares(p[top], means[top], dataset.row(r0 + b), d);
                whole++;
                for (int c = 0; c < k; c++) if (c != top && bound[b][c] - floor >= REACH) whole++;
            }
        }
        return (double) whole / ((double) n * k);
    }

    /** Σ_{i<to} z_i² with z = Pᵀ·(x − μ), P the precision's upper Cholesky factor: z_i needs the first i + 1 coordinates alone. */
    private static double squares(double[][] p, double[] mean, double[] x, int to) {
        double sum = 0;
        for (int i = 0; i < to; i++) {
            double z = 0;
            for (int j = 0; j <= i; j++) z += p[j][i] * (x[j] - mean[j]);
            sum += z * z;
        }
        return sum;
    }
}
