// SPDX-License-Identifier: Apache-2.0
package gmm4j.internal;

import gmm4j.FitSettings;

/**
 * One fit as the engine is asked to run it: the user's settings, plus what only the engine adds.
 *
 * @param settings the fit settings (the engine reads the explicit start from {@code start}, not from here)
 * @param start    explicit starting parameters on the data's levels, or null to initialise with
 *                 {@code settings.init()}
 * @param starts   k-means centers shared with other fits of the same data, or null
 * @param prior    the settings' prior resolved on the data ({@link Restarts#resolvePrior}), or null for
 *                 none or not yet resolved
 */
public record FitRequest(FitSettings settings, Mixture start, StartCache starts, Prior prior) {
    /** A request whose prior, if the settings have one, is still to be resolved on the data. */
    public FitRequest(FitSettings settings, Mixture start, StartCache starts) {
        this(settings, start, starts, null);
    }
}
