// SPDX-License-Identifier: Apache-2.0
package gmm4j.spark;

import gmm4j.Criterion;

/**
 * How a fitted model is scored, in one place so that it follows the core: the criteria are the
 * core model's own ({@link gmm4j.GaussianMixtureModel#bic()}, {@code aic()}, {@code icl()}), of the
 * model that {@link gmm4j.SufficientStatistics#fitted} makes from the final pass over all the rows;
 * that pass computes the entropy ICL adds ({@link #entropy}).
 */
final class Scores {
    private Scores() {
    }

    /** −Σ p·log p of a row's posterior: its share of the entropy of the responsibilities. */
    static double entropy(double[] posterior) {
        double h = 0;
        for (double p : posterior) if (p > 0) h -= p * Math.log(p);
        return h;
    }

    /** The value of {@code criterion} for a fitted model (lower is better). */
    static double value(Criterion criterion, gmm4j.GaussianMixtureModel fitted) {
        return switch (criterion) {
            case BIC -> fitted.bic();
            case AIC -> fitted.aic();
            case ICL -> fitted.icl();
            case CROSS_VALIDATION -> throw new IllegalArgumentException("criterion must be BIC, AIC or ICL on Spark.");
        };
    }
}
