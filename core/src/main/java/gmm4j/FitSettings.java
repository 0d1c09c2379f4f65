// SPDX-License-Identifier: Apache-2.0
package gmm4j;

import java.util.Objects;

/**
 * The settings of a fit by EM, in one checked value: what {@link GaussianMixture} holds, its
 * {@link GaussianMixture.Builder} fills and {@link GaussianMixture#settings()} returns. The defaults
 * (scikit-learn's) and the range of every setting are defined here once; the Weka and Smile adapters
 * take theirs from here too, naming the value by their own option names
 * ({@code FitSettings.checkMaxIterations("maxIter", maxIter)}).
 *
 * @param components     the number of components K, at least 1
 * @param covariance     the shape of the covariance matrices
 * @param init           how each restart chooses its starting parameters (unless {@code start} gives them)
 * @param start          explicit starting parameters with {@code components} components, or {@code null}
 * @param restarts       runs from independent starts, the most likely is kept; at least 1
 * @param maxIterations  the most EM iterations per restart, at least 1
 * @param tolerance      converged when the mean per-row log-likelihood changes by less between
 *                       iterations; finite, not negative (0 runs every iteration)
 * @param regularization added to every covariance diagonal (scikit-learn's {@code reg_covar}); finite, not negative
 * @param seed           the seed of every random choice
 * @param threads        worker threads, 0 for one per core; the model does not depend on it
 * @param listener       called once per EM iteration, may cancel the fit; {@code null} for none
 * @param noise          whether the mixture has a noise component (mclust's): a uniform density over
 *                       the data's hypervolume, with its own weight, for rows no Gaussian explains
 * @param prior          a conjugate prior on the means and covariances (MAP EM, mclust's
 *                       {@code priorControl()}), or {@code null} for none (plain EM, the default); only
 *                       for the covariance models mclust has one for ({@link ConjugatePrior#supports})
 */
public record FitSettings(int components, CovarianceType covariance, Initialization init, StartingParameters start,
                          int restarts, int maxIterations, double tolerance, double regularization, long seed,
                          int threads, FitListener listener, boolean noise, ConjugatePrior prior) {
    /** The default number of components: {@value}. */
    public static final int DEFAULT_COMPONENTS = 1;
    /** The default covariance type: {@link CovarianceType#FULL}. */
    public static final CovarianceType DEFAULT_COVARIANCE = CovarianceType.FULL;
    /** The default initialisation: {@link Initialization#KMEANS}. */
    public static final Initialization DEFAULT_INIT = Initialization.KMEANS;
    /** The default number of restarts: {@value}. */
    public static final int DEFAULT_RESTARTS = 1;
    /** The default most EM iterations per restart: {@value}. */
    public static final int DEFAULT_MAX_ITERATIONS = 100;
    /** The default convergence tolerance: {@value}. */
    public static final double DEFAULT_TOLERANCE = 1e-3;
    /** The default regularisation: {@value}. */
    public static final double DEFAULT_REGULARIZATION = 1e-6;
    /** The default seed: {@value}. */
    public static final long DEFAULT_SEED = 0;
    /** The most worker threads a fit runs: {@value}, the most a {@link java.util.concurrent.ForkJoinPool} runs. */
    public static final int MAX_THREADS = 32_767;

    /** The default number of worker threads: {@value} (one per core). */
    public static final int DEFAULT_THREADS = 0;
    /** By default a mixture has no noise component. */
    public static final boolean DEFAULT_NOISE = false;

    private static final FitSettings DEFAULTS = new FitSettings(DEFAULT_COMPONENTS, DEFAULT_COVARIANCE, DEFAULT_INIT,
            null, DEFAULT_RESTARTS, DEFAULT_MAX_ITERATIONS, DEFAULT_TOLERANCE, DEFAULT_REGULARIZATION, DEFAULT_SEED,
            DEFAULT_THREADS, null, DEFAULT_NOISE, null);

    /**
     * Checks every setting.
     *
     * @throws IllegalArgumentException naming the first setting out of range, when {@code start}
     *                                  has another number of components than {@code components}, or
     *                                  when there is a prior and mclust has none for {@code covariance}
     * @throws NullPointerException     when {@code covariance} or {@code init} is null
     */
    public FitSettings {
        checkComponents("components", components);
        Objects.requireNonNull(covariance, "covariance");
        Objects.requireNonNull(init, "init");
        checkRestarts("restarts", restarts);
        checkMaxIterations("maxIterations", maxIterations);
        checkTolerance("tolerance", tolerance);
        checkRegularization("regularization", regularization);
        checkThreads("threads", threads);
        if (start != null && start.components() != components) {
            throw new IllegalArgumentException("The starting parameters have " + start.components()
                    + " components but components is " + components + ".");
        }
        if (prior != null) ConjugatePrior.checkSupports(covariance);
    }

    /** The settings without a noise component or a prior (the form before either existed). */
    public FitSettings(int components, CovarianceType covariance, Initialization init, StartingParameters start,
                       int restarts, int maxIterations, double tolerance, double regularization, long seed, int threads,
                       FitListener listener) {
        this(components, covariance, init, start, restarts, maxIterations, tolerance, regularization, seed, threads,
                listener, DEFAULT_NOISE, null);
    }

    /** @return every setting at its default: 1 component, full covariance, one k-means start, 100 iterations, tolerance 1e-3, regularisation 1e-6, seed 0, all cores, no listener, no noise component, no prior */
    public static FitSettings defaults() {
        return DEFAULTS;
    }

    /**
     * Checks a number of components.
     *
     * @param name  what the message calls the value (an adapter passes its own option name)
     * @param value the number of components
     * @return {@code value}
     * @throws IllegalArgumentException "<i>name</i> must be at least 1, not <i>value</i>."
     */
    public static int checkComponents(String name, int value) {
        return atLeastOne(name, value);
    }

    /**
     * Checks a number of restarts.
     *
     * @param name  what the message calls the value (an adapter passes its own option name)
     * @param value the number of restarts
     * @return {@code value}
     * @throws IllegalArgumentException "<i>name</i> must be at least 1, not <i>value</i>."
     */
    public static int checkRestarts(String name, int value) {
        return atLeastOne(name, value);
    }

    /**
     * Checks a most number of EM iterations.
     *
     * @param name  what the message calls the value (an adapter passes its own option name)
     * @param value the most iterations per restart
     * @return {@code value}
     * @throws IllegalArgumentException "<i>name</i> must be at least 1, not <i>value</i>."
     */
    public static int checkMaxIterations(String name, int value) {
        return atLeastOne(name, value);
    }

    /**
     * Checks a convergence tolerance.
     *
     * @param name  what the message calls the value (an adapter passes its own option name)
     * @param value the tolerance
     * @return {@code value}
     * @throws IllegalArgumentException "<i>name</i> must be finite and not negative, not <i>value</i>."
     */
    public static double checkTolerance(String name, double value) {
        return finiteNotNegative(name, value);
    }

    /**
     * Checks a regularisation.
     *
     * @param name  what the message calls the value (an adapter passes its own option name)
     * @param value what is added to every covariance diagonal
     * @return {@code value}
     * @throws IllegalArgumentException "<i>name</i> must be finite and not negative, not <i>value</i>."
     */
    public static double checkRegularization(String name, double value) {
        return finiteNotNegative(name, value);
    }

    /**
     * Checks a number of worker threads.
     *
     * @param name  what the message calls the value (an adapter passes its own option name)
     * @param value the number of threads, 0 for one per core
     * @return {@code value}
     * @throws IllegalArgumentException "<i>name</i> must be 0 (one per core) or more, not <i>value</i>.", or
     *                                  "<i>name</i> must be 0 (one per core) to 32767, not <i>value</i>." above
     *                                  {@link #MAX_THREADS}
     */
    public static int checkThreads(String name, int value) {
        if (value < 0) throw new IllegalArgumentException(name + " must be 0 (one per core) or more, not " + value + ".");
        if (value > MAX_THREADS) {
            throw new IllegalArgumentException(name + " must be 0 (one per core) to " + MAX_THREADS + ", not " + value + ".");
        }
        return value;
    }

    private static int atLeastOne(String name, int value) {
        if (value < 1) throw new IllegalArgumentException(name + " must be at least 1, not " + value + ".");
        return value;
    }

    private static double finiteNotNegative(String name, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be finite and not negative, not " + value + ".");
        }
        return value;
    }

    // The builder's steps: each a copy with one setting changed, checked by the constructor.

    FitSettings withComponents(int k) {
        return new FitSettings(k, covariance, init, start, restarts, maxIterations, tolerance, regularization, seed,
                threads, listener, noise, prior);
    }

    FitSettings withCovariance(CovarianceType type) {
        return new FitSettings(components, type, init, start, restarts, maxIterations, tolerance, regularization, seed,
                threads, listener, noise, prior);
    }

    FitSettings withInit(Initialization init) {
        return new FitSettings(components, covariance, init, start, restarts, maxIterations, tolerance, regularization,
                seed, threads, listener, noise, prior);
    }

    FitSettings withStart(StartingParameters start) {
        return new FitSettings(components, covariance, init, start, restarts, maxIterations, tolerance, regularization,
                seed, threads, listener, noise, prior);
    }

    FitSettings withRestarts(int restarts) {
        return new FitSettings(components, covariance, init, start, restarts, maxIterations, tolerance, regularization,
                seed, threads, listener, noise, prior);
    }

    FitSettings withMaxIterations(int maxIterations) {
        return new FitSettings(components, covariance, init, start, restarts, maxIterations, tolerance, regularization,
                seed, threads, listener, noise, prior);
    }

    FitSettings withTolerance(double tolerance) {
        return new FitSettings(components, covariance, init, start, restarts, maxIterations, tolerance, regularization,
                seed, threads, listener, noise, prior);
    }

    FitSettings withRegularization(double regularization) {
        return new FitSettings(components, covariance, init, start, restarts, maxIterations, tolerance, regularization,
                seed, threads, listener, noise, prior);
    }

    FitSettings withSeed(long seed) {
        return new FitSettings(components, covariance, init, start, restarts, maxIterations, tolerance, regularization,
                seed, threads, listener, noise, prior);
    }

    FitSettings withThreads(int threads) {
        return new FitSettings(components, covariance, init, start, restarts, maxIterations, tolerance, regularization,
                seed, threads, listener, noise, prior);
    }

    FitSettings withNoise(boolean noise) {
        return new FitSettings(components, covariance, init, start, restarts, maxIterations, tolerance, regularization,
                seed, threads, listener, noise, prior);
    }

    FitSettings withListener(FitListener listener) {
        return new FitSettings(components, covariance, init, start, restarts, maxIterations, tolerance, regularization,
                seed, threads, listener, noise, prior);
    }

    FitSettings withPrior(ConjugatePrior prior) {
        return new FitSettings(components, covariance, init, start, restarts, maxIterations, tolerance, regularization,
                seed, threads, listener, noise, prior);
    }
}
