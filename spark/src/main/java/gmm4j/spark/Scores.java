// SPDX-License-Identifier: Apache-2.0
package gmm4j.spark;

import gmm4j.Criterion;
import gmm4j.ModelSelection;

/**
 * How a fitted model is scored, in one place so that it follows the core: the criteria are the
 * core model's own ({@link gmm4j.GaussianMixtureModel#bic()}, {@code aic()}, {@code icl()}), of the
 * model that {@link gmm4j.SufficientStatistics#fitted} makes from the final pass over all the rows
 * ({@link gmm4j.SufficientStatistics#scoreOf}, which computes the MAP log-loss ICL adds).
 */
final class Scores {
    private Scores() {
    }

    /**
     * The score of a fitted candidate, as the core's {@link ModelSelection} scores it: BIC, AIC and
     * ICL on all the rows, and the value of {@code criterion} (lower is better). Unlike the core's
     * selection it does not yet tell singular candidates (no score there), see docs/spark.md.
     */
    static ModelSelection.Score score(Criterion criterion, gmm4j.GaussianMixtureModel fitted) {
        double value = switch (criterion) {
            case BIC -> fitted.bic();
            case AIC -> fitted.aic();
            case ICL -> fitted.icl();
            case CROSS_VALIDATION -> throw new IllegalArgumentException("criterion must be BIC, AIC or ICL on Spark.");
        };
        return new ModelSelection.Score(fitted.components(), fitted.covarianceType(), fitted.logLikelihood(),
                fitted.parameterCount(), fitted.bic(), fitted.aic(), fitted.icl(), Double.NaN, value, null);
    }
}
