// SPDX-License-Identifier: Apache-2.0
package gmm4j.spark;

import gmm4j.Criterion;
import gmm4j.ModelSelection;

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

    /**
     * The score of a fitted candidate, as the core's {@link ModelSelection} scores it: BIC, AIC and
     * ICL on all the rows, and the value of {@code criterion} (lower is better), +∞ for a candidate
     * with as many free parameters as the rows' total weight or more (the likelihood can grow
     * without bound: it is never chosen).
     */
    static ModelSelection.Score score(Criterion criterion, gmm4j.GaussianMixtureModel fitted, double totalWeight) {
        double value = switch (criterion) {
            case BIC -> fitted.bic();
            case AIC -> fitted.aic();
            case ICL -> fitted.icl();
            case CROSS_VALIDATION -> throw new IllegalArgumentException("criterion must be BIC, AIC or ICL on Spark.");
        };
        long p = fitted.parameterCount();
        if (p >= totalWeight) value = Double.POSITIVE_INFINITY;
        return new ModelSelection.Score(fitted.components(), fitted.covarianceType(), fitted.logLikelihood(), p,
                fitted.bic(), fitted.aic(), fitted.icl(), Double.NaN, value);
    }
}
