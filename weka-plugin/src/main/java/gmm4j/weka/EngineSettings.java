// SPDX-License-Identifier: Apache-2.0
package gmm4j.weka;

import gmm4j.CovarianceType;
import gmm4j.Criterion;
import gmm4j.FitSettings;
import gmm4j.GaussianMixture;
import gmm4j.Initialization;
import gmm4j.ModelSelection;

import java.io.Serial;
import java.io.Serializable;
import java.util.List;

/**
 * The clusterer's options as engine settings: either one fit ({@link #estimator}) or, when the
 * number of clusters is -1 or the covariance type is to be chosen, a model selection.
 *
 * @param components     fixed K, or -1 to choose it in {@code [minComponents, maxComponents]}
 * @param minComponents  the smallest K tried when choosing
 * @param maxComponents  the largest K tried when choosing
 * @param covariance     the covariance type, or {@code null} to choose it too
 * @param models         the covariance types chosen among when {@code covariance} is null
 * @param criterion      how candidates are ranked when choosing
 * @param folds          folds of the cross-validation criterion
 * @param screeningRows  the sample the candidates of a selection are fitted on, 0 for all the data
 * @param init           how each restart starts, or {@code null} for the engine's default of what runs:
 *                       {@link FitSettings#DEFAULT_INIT} for one fit, {@link ModelSelection#DEFAULT_INIT}
 *                       when choosing
 * @param restarts       runs from different starts
 * @param maxIterations  the most EM iterations per restart
 * @param tolerance      the convergence tolerance
 * @param regularization what is added to covariance diagonals
 * @param seed           the seed of every random choice
 * @param threads        worker threads, 0 for all cores
 * @param noise          whether the mixture has a noise component (an extra cluster for outliers)
 * @param prior          whether to fit under mclust's default conjugate prior (MAP EM)
 */
public record EngineSettings(int components, int minComponents, int maxComponents, CovarianceType covariance,
                             List<CovarianceType> models, Criterion criterion, int folds, int screeningRows,
                             Initialization init, int restarts, int maxIterations, double tolerance,
                             double regularization, long seed, int threads, boolean noise, boolean prior)
        implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    /** These settings with a fixed K. */
    public EngineSettings withComponents(int k) {
        return new EngineSettings(k, minComponents, maxComponents, covariance, models, criterion, folds, screeningRows,
                init, restarts, maxIterations, tolerance, regularization, seed, threads, noise, prior);
    }

    /** Whether the fit chooses K or the covariance type. */
    public boolean selects() {
        return components < 0 || covariance == null;
    }

    /** How each restart starts: {@code init}, or when it is null the engine's default for a selection or a fit. */
    public Initialization start() {
        if (init != null) return init;
        return selects() ? ModelSelection.DEFAULT_INIT : FitSettings.DEFAULT_INIT;
    }

    /**
     * The single-fit estimator (for a fixed K and type; when they are chosen, the core's defaults
     * stand in for them, to be replaced by the selection); {@code progress} may be null.
     */
    public GaussianMixture estimator(ProgressLog progress) {
        return GaussianMixture.builder()
                .components(components < 0 ? FitSettings.DEFAULT_COMPONENTS : components)
                .covariance(covariance == null ? FitSettings.DEFAULT_COVARIANCE : covariance)
                .init(start())
                .restarts(restarts)
                .maxIterations(maxIterations)
                .tolerance(tolerance)
                .regularization(regularization)
                .seed(seed)
                .threads(threads)
                .listener(progress)
                .noise(noise)
                .prior(prior)
                .build();
    }

    /**
     * The model selection over the K range and the covariance type, or the {@code models} when the
     * type is chosen too. Candidates run in parallel, so each logged iteration names its candidate.
     */
    public ModelSelection selection(ProgressLog progress) {
        ModelSelection.Builder b = ModelSelection.builder()
                .components(firstK(), lastK())
                .covariances(covariance == null ? models.toArray(CovarianceType[]::new) : new CovarianceType[]{covariance})
                .criterion(criterion)
                .screeningRows(screeningRows)
                .settings(estimator(null));
        if (criterion == Criterion.CROSS_VALIDATION) b.folds(folds);
        if (progress != null) b.listener(progress::candidate).iterationListener(progress::candidateIteration);
        return b.build();
    }

    /** @return the smallest K these settings fit */
    public int firstK() {
        return components < 0 ? minComponents : components;
    }

    /** @return the largest K these settings fit */
    public int lastK() {
        return components < 0 ? maxComponents : components;
    }
}
