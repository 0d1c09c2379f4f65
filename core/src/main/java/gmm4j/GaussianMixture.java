// SPDX-License-Identifier: Apache-2.0
package gmm4j;

import gmm4j.internal.DataScale;
import gmm4j.internal.FitRequest;
import gmm4j.internal.Likelihood;
import gmm4j.internal.Restarts;
import gmm4j.internal.Mixture;
import gmm4j.internal.Parallel;
import gmm4j.internal.RepairLog;
import gmm4j.internal.StartCache;
import gmm4j.internal.Table;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A Gaussian mixture estimator: the settings of a fit by Expectation-Maximisation. Immutable and
 * reusable; {@link #fit(Dataset)} returns a new {@link GaussianMixtureModel} each time.
 *
 * <pre>{@code
 * GaussianMixtureModel model = GaussianMixture.builder()
 *         .components(3)
 *         .covariance(CovarianceType.FULL)
 *         .restarts(3)
 *         .seed(42)
 *         .build()
 *         .fit(Dataset.of(rows));
 * }</pre>
 */
public final class GaussianMixture {
    private final FitSettings settings;

    private GaussianMixture(FitSettings settings) {
        this.settings = settings;
    }

    /** A builder with scikit-learn's defaults ({@link FitSettings#defaults()}): 1 component, full covariance, k-means start, 100 iterations, tolerance 1e-3, regularisation 1e-6. */
    public static Builder builder() {
        return new Builder(FitSettings.defaults());
    }

    /** The estimator with these settings. */
    public static GaussianMixture of(FitSettings settings) {
        return new GaussianMixture(Objects.requireNonNull(settings, "settings"));
    }

    /** A builder holding these settings. */
    public Builder toBuilder() {
        return new Builder(settings);
    }

    /** Fits numeric rows ({@code NaN} = missing) with unit weights. */
    public GaussianMixtureModel fit(double[][] rows) {
        return fit(Dataset.of(rows));
    }

    /**
     * Fits the data by EM: {@link #restarts()} runs from independent starts, keeping the one with
     * the highest final log-likelihood.
     *
     * <p>Cancelling: a {@link FitListener} that returns false ends the fit with the best model so
     * far, marked {@link GaussianMixtureModel#cancelled()}. An interrupt of the calling thread
     * ({@link Thread#interrupt()}, {@code Future.cancel(true)}) stops the fit within one chunk of
     * {@value SufficientStatistics#CHUNK_ROWS} rows per worker: the worker threads stop, the call
     * throws a {@link java.util.concurrent.CancellationException} (there is no model to return: the
     * caller asked for none), and the thread's interrupt status stays set.
     *
     * @throws IllegalArgumentException when the data cannot support the model (fewer distinct rows
     *                                  than components, starting parameters of another dimension, or
     *                                  values too large to square and sum in double precision: about
     *                                  1e152 for a thousand rows; rescale such data)
     * @throws java.util.concurrent.CancellationException when the calling thread is interrupted
     */
    public GaussianMixtureModel fit(Dataset data) {
        try (Parallel parallel = new Parallel(settings.threads())) {
            return fit(data, parallel);
        }
    }

    GaussianMixtureModel fit(Dataset data, Parallel parallel) {
        return fit(data, parallel, null);
    }

    /** A fit that may share its k-means starts with other fits of the same data ({@code starts} may be null). */
    GaussianMixtureModel fit(Dataset data, Parallel parallel, StartCache starts) {
        Table t = fittable(data);
        Restarts.Result result = Restarts.run(t, new FitRequest(settings, startMixture(t, parallel), starts), parallel);
        return new GaussianMixtureModel(result, t.totalWeight, t.emptyRows);
    }

    /**
     * The starting parameters the first restart of {@link #fit(Dataset)} would begin from (its
     * iteration 0): the explicit start, or {@link #init()}'s from the seed. Its diagnostics say so:
     * no iterations, not converged ({@link StopReason#MAX_ITERATIONS}: a budget of none), and the log-likelihood of {@code data} under these parameters.
     * With {@link SufficientStatistics} it starts an EM run whose iterations happen elsewhere.
     *
     * @throws IllegalArgumentException as {@link #fit(Dataset)}
     */
    public GaussianMixtureModel initialize(Dataset data) {
        Table t = fittable(data);
        try (Parallel parallel = new Parallel(settings.threads())) {
            DataScale scale = DataScale.of(t, parallel);
            List<Repair> repairs = new ArrayList<>();
            FitRequest request = Restarts.resolvePrior(t, new FitRequest(settings, startMixture(t, parallel), null), scale,
                    parallel);
            Mixture start = Restarts.start(t, request, 0, parallel, scale, new Restarts.Repairs(0, repairs));
            Likelihood score = start.score(t, parallel);
            RestartSummary summary = new RestartSummary(0, 0, false, score.meanLogLikelihood(), new double[0],
                    StopReason.MAX_ITERATIONS);
            return new GaussianMixtureModel(new Restarts.Result(start, score, 0, StopReason.MAX_ITERATIONS, false, List.of(summary),
                    List.copyOf(repairs), scale, request.prior()), t.totalWeight, t.emptyRows);
        }
    }

    /** The engine's view of {@code data}, checked against these settings. */
    private Table fittable(Dataset data) {
        Objects.requireNonNull(data, "data");
        Table t = data.table();
        StartingParameters start = settings.start();
        int components = settings.components();
        if (start != null && start.dimension() != t.d) {
            throw new IllegalArgumentException("The starting means have " + start.dimension()
                    + " values but the data have " + t.d + " numeric columns.");
        }
        if (!t.hasDistinctRows(components)) {
            throw new IllegalArgumentException("Cannot fit " + components + " components: the data have fewer than "
                    + components + " distinct rows with weight. Use fewer components or more data.");
        }
        checkSquarable(t);
        checkArraySizes(t, components);
        return t;
    }

    /**
     * Refuses K × (numeric columns + categorical levels) beyond the longest array a Java VM
     * allocates: the engine holds each component's means and level probabilities in one array.
     */
    private static void checkArraySizes(Table t, int components) {
        long levels = 0;
        for (int l : t.levels) levels += l;
        long entries = (long) components * (t.d + levels);
        if (levels > 0 && entries > GaussianMixtureModel.MAX_SAMPLE) {
            throw new IllegalArgumentException("Cannot fit " + components + " components to " + t.d + " numeric column"
                    + (t.d == 1 ? "" : "s") + " and " + levels + " categorical levels: that needs " + entries
                    + " means and level probabilities, more than the longest array a Java VM allocates ("
                    + GaussianMixtureModel.MAX_SAMPLE + ").");
        }
    }

    /**
     * Refuses values whose squares, summed over the columns and rows as the engine sums squared
     * distances (4·d·max(n, W)·max|x|²), would overflow double precision: every start would fail
     * on them, each in its own way.
     */
    private static void checkSquarable(Table t) {
        double limit = Math.sqrt(Double.MAX_VALUE / (4.0 * Math.max(1, t.d) * Math.max(t.n, t.totalWeight)));
        for (int i = 0; i < t.n; i++) {
            for (int j = 0; j < t.d; j++) {
                double v = t.x[i * t.d + j];
                if (Math.abs(v) > limit) {
                    throw new IllegalArgumentException(String.format(java.util.Locale.ROOT, "Row %d, column %d holds %s: "
                            + "values this large cannot be squared and summed over %d rows in double precision (the "
                            + "limit here is about %.3g); rescale them (divide the column by a power of ten).",
                            i, j, v, t.n, limit));
                }
            }
        }
    }

    /** One EM run on {@code data} from {@code start} (on the data's levels); K and the type are {@code start}'s. */
    GaussianMixtureModel refine(Dataset data, Parallel parallel, Mixture start) {
        Table t = data.table();
        FitSettings one = settings.withStart(null).withComponents(start.k)
                .withCovariance(start.covariance.type()).withRestarts(1);
        return new GaussianMixtureModel(Restarts.run(t, new FitRequest(one, start, null), parallel),
                t.totalWeight, t.emptyRows);
    }

    /** The explicit start as the engine's mixture on the data's levels (its covariances from the data if it has none), or null. */
    private Mixture startMixture(Table t, Parallel parallel) {
        StartingParameters start = settings.start();
        if (start == null) return null;
        if (start.covariances() == null) {
            return Restarts.fromMeans(t, new FitRequest(settings, null, null), start.weights(), start.means(), parallel);
        }
        double[][] flat = new double[start.components()][];
        double[][][] covariances = start.covariances();
        for (int c = 0; c < flat.length; c++) flat[c] = Matrices.flat(covariances[c]);
        return Mixture.of(settings.covariance(), start.weights(), start.means(), flat, t.levels,
                Double.MIN_NORMAL, RepairLog.IGNORE);
    }

    /** @return all the settings as one value */
    public FitSettings settings() {
        return settings;
    }

    /** The number of mixture components K. */
    public int components() {
        return settings.components();
    }

    /** @return the shape of the covariance matrices */
    public CovarianceType covariance() {
        return settings.covariance();
    }

    /** @return how each restart chooses its starting parameters (unless {@link #start()} gives them) */
    public Initialization init() {
        return settings.init();
    }

    /** The explicit starting parameters, or {@code null} when {@link #init()} chooses them. */
    public StartingParameters start() {
        return settings.start();
    }

    /** @return the number of runs from independent starts; the most likely is kept */
    public int restarts() {
        return settings.restarts();
    }

    /** @return the most EM iterations per restart */
    public int maxIterations() {
        return settings.maxIterations();
    }

    /** @return the convergence tolerance on the change of the mean per-row log-likelihood */
    public double tolerance() {
        return settings.tolerance();
    }

    /** @return what is added to every covariance diagonal */
    public double regularization() {
        return settings.regularization();
    }

    /** @return the seed of every random choice */
    public long seed() {
        return settings.seed();
    }

    /** @return the number of worker threads, 0 for one per core */
    public int threads() {
        return settings.threads();
    }

    /** @return whether the mixture has a noise component (mclust's): see {@link Builder#noise(boolean)} */
    public boolean noise() {
        return settings.noise();
    }

    /** @return the per-iteration listener, or {@code null} */
    public FitListener listener() {
        return settings.listener();
    }

    /** @return the conjugate prior of MAP EM, or {@code null} for plain EM */
    public ConjugatePrior prior() {
        return settings.prior();
    }

    @Override
    public String toString() {
        FitSettings s = settings;
        return "GaussianMixture[components=" + s.components() + ", covariance=" + s.covariance() + ", init="
                + (s.start() != null ? "explicit" : s.init()) + ", restarts=" + s.restarts() + ", maxIterations="
                + s.maxIterations() + ", tolerance=" + s.tolerance() + ", regularization=" + s.regularization()
                + ", seed=" + s.seed() + ", threads=" + s.threads() + ", noise=" + s.noise()
                + (s.prior() == null ? "" : ", prior=" + s.prior()) + "]";
    }

    /**
     * Fills a {@link FitSettings} value; each setter checks its value at once (with the checks of
     * {@link FitSettings}).
     */
    public static final class Builder {
        /** Every setting but the start, which may disagree with {@link #components} until {@link #build()}. */
        private FitSettings settings;
        private StartingParameters start;

        private Builder(FitSettings settings) {
            this.settings = settings.withStart(null);
            this.start = settings.start();
        }

        /** The number of components K, at least 1. */
        public Builder components(int k) {
            settings = settings.withComponents(k);
            return this;
        }

        /** The shape of the covariance matrices (default {@link CovarianceType#FULL}). */
        public Builder covariance(CovarianceType type) {
            settings = settings.withCovariance(type);
            return this;
        }

        /** How each restart chooses its starting parameters (default {@link Initialization#KMEANS}). */
        public Builder init(Initialization init) {
            settings = settings.withInit(init);
            return this;
        }

        /** Explicit starting parameters (their number of components becomes K); {@code null} to use {@link #init}. */
        public Builder start(StartingParameters start) {
            this.start = start;
            if (start != null) settings = settings.withComponents(start.components());
            return this;
        }

        /**
         * Continues from a fitted model (scikit-learn's {@code warm_start}): its weights, means and
         * covariances are the start, its K and covariance type the settings', and one restart is run
         * (every restart would begin at the same place). The level probabilities of categorical
         * columns start equal again; a noise component is kept, its weight started again as
         * {@link #noise(boolean)} says. The other settings stay, so {@link #maxIterations} bounds the
         * iterations added.
         */
        public Builder warmStart(GaussianMixtureModel fitted) {
            Objects.requireNonNull(fitted, "fitted");
            settings = settings.withCovariance(fitted.covarianceType()).withRestarts(1).withNoise(fitted.hasNoise());
            return start(new StartingParameters(fitted.weights(), fitted.means(), fitted.covariances()));
        }

        /** Independent runs from different starts; the best by final log-likelihood is kept. At least 1. */
        public Builder restarts(int restarts) {
            settings = settings.withRestarts(restarts);
            return this;
        }

        /** The most EM iterations per restart, at least 1. */
        public Builder maxIterations(int maxIterations) {
            settings = settings.withMaxIterations(maxIterations);
            return this;
        }

        /** Converged when the mean per-row log-likelihood changes by less than this between iterations (≥ 0; 0 runs every iteration). */
        public Builder tolerance(double tolerance) {
            settings = settings.withTolerance(tolerance);
            return this;
        }

        /** Added to every covariance diagonal (scikit-learn's {@code reg_covar}); finite, not negative. */
        public Builder regularization(double regularization) {
            settings = settings.withRegularization(regularization);
            return this;
        }

        /** The seed of every random choice: the same seed and data give the same model. */
        public Builder seed(long seed) {
            settings = settings.withSeed(seed);
            return this;
        }

        /** Worker threads: 0 for one per core, 1 for the calling thread only. The model does not depend on it. */
        public Builder threads(int threads) {
            settings = settings.withThreads(threads);
            return this;
        }

        /**
         * Adds mclust's noise component (default off): a uniform density 1/V over the data's
         * hypervolume V (mclust's {@code hypvol}: the smaller of the bounding box and the box of the
         * principal components), with its own weight π₀, estimated by EM with the others, for rows
         * that no Gaussian explains (outliers). The model's {@link GaussianMixtureModel#posterior}
         * then has K + 1 entries, the noise last, {@link GaussianMixtureModel#predict} gives
         * {@link GaussianMixtureModel#NOISE} for a row most likely noise, and BIC counts two more
         * parameters (π₀ and V, as mclust does).
         *
         * <p>The start: the Gaussians start as without noise, except that the rows of a start
         * component too small to hold a covariance (less mass than d + 1 rows) are left out and the
         * start made again; the noise starts with the weight of those rows and of every row the start
         * Gaussians explain worse than 1/V (at least one row's, at most half).
         *
         * <p>The fit refuses data whose rows span no volume (a constant numeric column).
         */
        public Builder noise(boolean noise) {
            settings = settings.withNoise(noise);
            return this;
        }

        /** Called once per EM iteration; may cancel the fit. {@code null} for none. */
        public Builder listener(FitListener listener) {
            settings = settings.withListener(listener);
            return this;
        }

        /**
         * A conjugate prior on the means and covariances: MAP EM, as R mclust's {@code prior =
         * priorControl()} ({@link ConjugatePrior#mclustDefault()}); {@code null} for plain EM (the
         * default). The remedy for components that go singular. Only for the covariance models mclust
         * has a prior for ({@link ConjugatePrior#supports}): checked here and when the covariance
         * type is set.
         *
         * @throws IllegalArgumentException when mclust has no prior for the covariance type
         */
        public Builder prior(ConjugatePrior prior) {
            settings = settings.withPrior(prior);
            return this;
        }

        /** {@link ConjugatePrior#mclustDefault() mclust's default prior} when {@code on}, none when not. */
        public Builder prior(boolean on) {
            return prior(on ? ConjugatePrior.mclustDefault() : null);
        }

        /**
         * The estimator with these settings.
         *
         * @throws IllegalArgumentException when explicit starting parameters disagree with {@link #components}
         */
        public GaussianMixture build() {
            return new GaussianMixture(settings.withStart(start));
        }
    }
}
