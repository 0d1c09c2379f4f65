// SPDX-License-Identifier: Apache-2.0
package gmm4j;

import gmm4j.internal.Mixture;

import java.util.List;

/**
 * Makes the log-likelihood of a selection's candidates never fall as K grows within a covariance
 * type. A fit of K components is as good as its start: EM stopped by the tolerance on a slow climb,
 * or a poorer local optimum, can end below the fit of fewer components, which no larger K can truly
 * be (K components can always do what fewer do). So wherever a scored candidate's log-likelihood is
 * below that of the last scored one of its type with fewer components (K' < K), the K' model is
 * warm-started: its heaviest component is split along its widest axis (K − K' times) and EM runs
 * from there; the better of that fit and the candidate's own is kept. Should both still be lower,
 * the K' model with its heaviest component duplicated (halves of the same Gaussian: the same
 * density) is kept: its log-likelihood is the K' one, to rounding. So the log-likelihood never falls
 * by more than rounding, whatever EM does.
 */
final class SplitWarmStart {
    /** How the selection fits and scores a candidate from given parameters. */
    interface Fits {
        /** The candidate fitted by EM from {@code start}, scored as {@code was} (the cross-validation value kept). */
        ModelSelection.Candidate fromStart(Mixture start, ModelSelection.Score was);

        /** {@code parameters} of {@code base}'s data as they are, scored as {@code was}. */
        ModelSelection.Candidate asThey(GaussianMixtureModel base, Mixture parameters, ModelSelection.Score was);
    }

    private SplitWarmStart() {
    }

    /**
     * Raises, in place, the candidates whose log-likelihood falls below a smaller K's of their type;
     * {@code candidates} are in grid order (types outer, K inner). Without {@code splitting}, by the
     * duplicate alone: after a screened selection's winner was refined on all the rows, a split fit
     * could beat it and would need refining in turn, while a duplicate (the same likelihood, more
     * parameters) never can.
     */
    static void raise(List<ModelSelection.Candidate> candidates, Fits fits, boolean splitting) {
        ModelSelection.Candidate previous = null;
        for (int i = 0; i < candidates.size(); i++) {
            ModelSelection.Candidate current = candidates.get(i);
            if (previous != null && previous.score().covariance() != current.score().covariance()) previous = null;
            if (!current.score().scored()) continue;
            if (previous != null && current.score().logLikelihood() < previous.score().logLikelihood()) {
                current = atLeast(previous, current, fits, splitting);
                candidates.set(i, current);
            }
            if (current.score().scored()) previous = current;
        }
    }

    /** The better of {@code current} and a warm start from {@code previous}, never below {@code previous}'s log-likelihood. */
    private static ModelSelection.Candidate atLeast(ModelSelection.Candidate previous, ModelSelection.Candidate current,
                                                    Fits fits, boolean splitting) {
        double floor = previous.model().scale().floor();
        int extra = current.score().components() - previous.score().components();
        ModelSelection.Candidate best = current;
        if (splitting) {
            Mixture split = previous.model().mixture();
            for (int e = 0; e < extra; e++) split = split.split(split.heaviest(), floor, gmm4j.internal.RepairLog.IGNORE);
            best = better(current, fits.fromStart(split, current.score()));
        }
        Mixture duplicated = previous.model().mixture();
        for (int e = 0; e < extra; e++) duplicated = duplicated.duplicated(duplicated.heaviest());
        if (best.score().logLikelihood() >= previous.score().logLikelihood()) return best;
        return better(best, fits.asThey(previous.model(), duplicated, current.score()));
    }

    /** {@code challenger} if it is scored and more likely than {@code current}, else {@code current}. */
    private static ModelSelection.Candidate better(ModelSelection.Candidate current, ModelSelection.Candidate challenger) {
        boolean wins = challenger.score().scored() && challenger.score().logLikelihood() > current.score().logLikelihood();
        return wins ? challenger : current;
    }
}
