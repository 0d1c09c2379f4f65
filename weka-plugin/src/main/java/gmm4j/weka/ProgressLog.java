// SPDX-License-Identifier: Apache-2.0
package gmm4j.weka;

import gmm4j.CovarianceType;
import gmm4j.FitListener;
import gmm4j.ModelSelection;

import java.io.PrintStream;
import java.util.Locale;

/** The clusterer's debug output: one line per restart, EM iteration and candidate model. */
public final class ProgressLog implements FitListener {
    private final PrintStream out;

    /** @param out where the lines go (Weka's debug output is standard error) */
    public ProgressLog(PrintStream out) {
        this.out = out;
    }

    @Override
    public boolean onIteration(int restart, int iteration, double meanLogLikelihood) {
        if (iteration == 1) out.println("GaussianMixture: restart " + (restart + 1));
        out.println(String.format(Locale.ROOT, "GaussianMixture: restart %d, iteration %d, mean log-likelihood %.6f",
                restart + 1, iteration, meanLogLikelihood));
        return true;
    }

    /** Reports one EM iteration of a candidate of a model selection (from worker threads; println is atomic). */
    public void candidateIteration(int components, CovarianceType covariance, int restart, int iteration, double meanLogLikelihood) {
        out.println(String.format(Locale.ROOT, "GaussianMixture: candidate K=%d %s, restart %d, iteration %d, mean log-likelihood %.6f",
                components, covariance.name().toLowerCase(Locale.ROOT), restart + 1, iteration, meanLogLikelihood));
    }

    /** Reports one scored candidate of a model selection (called from worker threads; println is atomic). */
    public void candidate(ModelSelection.Score score) {
        out.println(String.format(Locale.ROOT, "GaussianMixture: candidate K=%d %s, log-likelihood %.4f, %s",
                score.components(), score.covariance().name().toLowerCase(Locale.ROOT), score.logLikelihood(),
                score.scored() ? String.format(Locale.ROOT, "criterion %.4f", score.value()) : "no score (" + score.unscored() + ")"));
    }
}
