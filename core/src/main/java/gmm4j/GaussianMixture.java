package gmm4j;

import gmm4j.internal.DataScale;
import gmm4j.internal.FitSettings;
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
    private final int components;
    private final CovarianceType covariance;
    private final Initialization init;
    private final StartingParameters start;
    private final int restarts;
    private final int maxIterations;
    private final double tolerance;
    private final double regularization;
    private final long seed;
    private final int threads;
    private final FitListener listener;

    private GaussianMixture(Builder b) {
        this.components = b.components;
        this.covariance = b.covariance;
        this.init = b.init;
        this.start = b.start;
        this.restarts = b.restarts;
        this.maxIterations = b.maxIterations;
        this.tolerance = b.tolerance;
        this.regularization = b.regularization;
        this.seed = b.seed;
        this.threads = b.threads;
        this.listener = b.listener;
    }

    /** A builder with scikit-learn's defaults: 1 component, full covariance, k-means start, 100 iterations, tolerance 1e-3, regularisation 1e-6. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding these settings. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.components = components;
        b.covariance = covariance;
        b.init = init;
        b.start = start;
        b.restarts = restarts;
        b.maxIterations = maxIterations;
        b.tolerance = tolerance;
        b.regularization = regularization;
        b.seed = seed;
        b.threads = threads;
        b.listener = listener;
        return b;
    }

    /** Fits numeric rows ({@code NaN} = missing) with unit weights. */
    public GaussianMixtureModel fit(double[][] rows) {
        return fit(Dataset.of(rows));
    }

    /**
     * Fits the data by EM: {@link #restarts()} runs from independent starts, keeping the one with
     * the highest final log-likelihood.
     *
     * @throws IllegalArgumentException when the data cannot support the model (fewer distinct rows
     *                                  than components, or starting parameters of another dimension)
     */
    public GaussianMixtureModel fit(Dataset data) {
        try (Parallel parallel = new Parallel(threads)) {
            return fit(data, parallel);
        }
    }

    GaussianMixtureModel fit(Dataset data, Parallel parallel) {
        return fit(data, parallel, null);
    }

    /** A fit that may share its k-means starts with other fits of the same data ({@code starts} may be null). */
    GaussianMixtureModel fit(Dataset data, Parallel parallel, StartCache starts) {
        Table t = fittable(data);
        Restarts.Result result = Restarts.run(t, settings(t, starts), parallel);
        return new GaussianMixtureModel(result, t.totalWeight, t.emptyRows);
    }

    /**
     * The starting parameters the first restart of {@link #fit(Dataset)} would begin from (its
     * iteration 0): the explicit start, or {@link #init()}'s from the seed. Its diagnostics say so:
     * no iterations, not converged, and the log-likelihood of {@code data} under these parameters.
     * With {@link SufficientStatistics} it starts an EM run whose iterations happen elsewhere.
     *
     * @throws IllegalArgumentException as {@link #fit(Dataset)}
     */
    public GaussianMixtureModel initialize(Dataset data) {
        Table t = fittable(data);
        try (Parallel parallel = new Parallel(threads)) {
            DataScale scale = DataScale.of(t, parallel);
            List<Repair> repairs = new ArrayList<>();
            Mixture start = Restarts.start(t, settings(t, null), 0, parallel, scale, new Restarts.Repairs(0, repairs));
            Likelihood score = start.score(t, parallel);
            RestartSummary summary = new RestartSummary(0, 0, false, score.meanLogLikelihood(), new double[0]);
            return new GaussianMixtureModel(new Restarts.Result(start, score, 0, false, false, List.of(summary),
                    List.copyOf(repairs), scale), t.totalWeight, t.emptyRows);
        }
    }

    /** The engine's view of {@code data}, checked against these settings. */
    private Table fittable(Dataset data) {
        Objects.requireNonNull(data, "data");
        Table t = data.table();
        if (start != null && start.dimension() != t.d) {
            throw new IllegalArgumentException("The starting means have " + start.dimension()
                    + " values but the data have " + t.d + " numeric columns.");
        }
        if (!t.hasDistinctRows(components)) {
            throw new IllegalArgumentException("Cannot fit " + components + " components: the data have fewer than "
                    + components + " distinct rows with weight. Use fewer components or more data.");
        }
        return t;
    }

    /** One EM run on {@code data} from {@code from}'s parameters (its levels too); K and the type are {@code from}'s. */
    GaussianMixtureModel refine(Dataset data, Parallel parallel, GaussianMixtureModel from) {
        Table t = data.table();
        FitSettings s = new FitSettings(from.components(), from.covarianceType(), init, from.mixture(), 1, maxIterations,
                tolerance, regularization, seed, listener, null);
        return new GaussianMixtureModel(Restarts.run(t, s, parallel), t.totalWeight, t.emptyRows);
    }

    private FitSettings settings(Table t, StartCache starts) {
        Mixture startMixture = null;
        if (start != null) {
            double[][] flat = new double[start.components()][];
            double[][][] covariances = start.covariances();
            for (int c = 0; c < flat.length; c++) flat[c] = Matrices.flat(covariances[c]);
            startMixture = Mixture.of(covariance, start.weights(), start.means(), flat, t.levels,
                    Double.MIN_NORMAL, RepairLog.IGNORE);
        }
        return new FitSettings(components, covariance, init, startMixture, restarts, maxIterations, tolerance,
                regularization, seed, listener, starts);
    }

    /** The number of mixture components K. */
    public int components() {
        return components;
    }

    /** @return the shape of the covariance matrices */
    public CovarianceType covariance() {
        return covariance;
    }

    /** @return how each restart chooses its starting parameters (unless {@link #start()} gives them) */
    public Initialization init() {
        return init;
    }

    /** The explicit starting parameters, or {@code null} when {@link #init()} chooses them. */
    public StartingParameters start() {
        return start;
    }

    /** @return the number of runs from independent starts; the most likely is kept */
    public int restarts() {
        return restarts;
    }

    /** @return the most EM iterations per restart */
    public int maxIterations() {
        return maxIterations;
    }

    /** @return the convergence tolerance on the change of the mean per-row log-likelihood */
    public double tolerance() {
        return tolerance;
    }

    /** @return what is added to every covariance diagonal */
    public double regularization() {
        return regularization;
    }

    /** @return the seed of every random choice */
    public long seed() {
        return seed;
    }

    /** @return the number of worker threads, 0 for one per core */
    public int threads() {
        return threads;
    }

    /** @return the per-iteration listener, or {@code null} */
    public FitListener listener() {
        return listener;
    }

    @Override
    public String toString() {
        return "GaussianMixture[components=" + components + ", covariance=" + covariance + ", init="
                + (start != null ? "explicit" : init) + ", restarts=" + restarts + ", maxIterations=" + maxIterations
                + ", tolerance=" + tolerance + ", regularization=" + regularization + ", seed=" + seed
                + ", threads=" + threads + "]";
    }

    /** Settings of a {@link GaussianMixture}; each setter checks its value at once. */
    public static final class Builder {
        private int components = 1;
        private CovarianceType covariance = CovarianceType.FULL;
        private Initialization init = Initialization.KMEANS;
        private StartingParameters start;
        private int restarts = 1;
        private int maxIterations = 100;
        private double tolerance = 1e-3;
        private double regularization = 1e-6;
        private long seed = 0;
        private int threads = 0;
        private FitListener listener;

        private Builder() {
        }

        /** The number of components K, at least 1. */
        public Builder components(int k) {
            if (k < 1) throw new IllegalArgumentException("components must be at least 1, not " + k + ".");
            this.components = k;
            return this;
        }

        /** The shape of the covariance matrices (default {@link CovarianceType#FULL}). */
        public Builder covariance(CovarianceType type) {
            this.covariance = Objects.requireNonNull(type, "covariance");
            return this;
        }

        /** How each restart chooses its starting parameters (default {@link Initialization#KMEANS}). */
        public Builder init(Initialization init) {
            this.init = Objects.requireNonNull(init, "init");
            return this;
        }

        /** Explicit starting parameters (their number of components becomes K); {@code null} to use {@link #init}. */
        public Builder start(StartingParameters start) {
            this.start = start;
            if (start != null) this.components = start.components();
            return this;
        }

        /** Independent runs from different starts; the best by final log-likelihood is kept. At least 1. */
        public Builder restarts(int restarts) {
            if (restarts < 1) throw new IllegalArgumentException("restarts must be at least 1, not " + restarts + ".");
            this.restarts = restarts;
            return this;
        }

        /** The most EM iterations per restart, at least 1. */
        public Builder maxIterations(int maxIterations) {
            if (maxIterations < 1) throw new IllegalArgumentException("maxIterations must be at least 1, not " + maxIterations + ".");
            this.maxIterations = maxIterations;
            return this;
        }

        /** Converged when the mean per-row log-likelihood changes by less than this between iterations (≥ 0; 0 runs every iteration). */
        public Builder tolerance(double tolerance) {
            if (!(tolerance >= 0) || Double.isInfinite(tolerance)) {
                throw new IllegalArgumentException("tolerance must be finite and not negative, not " + tolerance + ".");
            }
            this.tolerance = tolerance;
            return this;
        }

        /** Added to every covariance diagonal (scikit-learn's {@code reg_covar}); finite, not negative. */
        public Builder regularization(double regularization) {
            if (!(regularization >= 0) || Double.isInfinite(regularization)) {
                throw new IllegalArgumentException("regularization must be finite and not negative, not " + regularization + ".");
            }
            this.regularization = regularization;
            return this;
        }

        /** The seed of every random choice: the same seed and data give the same model. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Worker threads: 0 for one per core, 1 for the calling thread only. The model does not depend on it. */
        public Builder threads(int threads) {
            if (threads < 0) throw new IllegalArgumentException("threads must be 0 (all cores) or more, not " + threads + ".");
            this.threads = threads;
            return this;
        }

        /** Called once per EM iteration; may cancel the fit. {@code null} for none. */
        public Builder listener(FitListener listener) {
            this.listener = listener;
            return this;
        }

        /**
         * The estimator with these settings.
         *
         * @throws IllegalArgumentException when explicit starting parameters disagree with {@link #components}
         */
        public GaussianMixture build() {
            if (start != null && start.components() != components) {
                throw new IllegalArgumentException("The starting parameters have " + start.components()
                        + " components but components is " + components + ".");
            }
            return new GaussianMixture(this);
        }
    }
}
