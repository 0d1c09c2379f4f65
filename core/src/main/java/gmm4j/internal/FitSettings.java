package gmm4j.internal;

import gmm4j.CovarianceType;
import gmm4j.FitListener;
import gmm4j.Initialization;

/**
 * What one fit needs to know, as the engine sees it.
 *
 * @param start  explicit starting parameters, or null to initialise with {@code init}
 * @param starts k-means centers shared with other fits of the same data, or null
 */
public record FitSettings(int k, CovarianceType type, Initialization init, Mixture start, int restarts,
                          int maxIterations, double tolerance, double regularization, long seed,
                          FitListener listener, StartCache starts) {
}
