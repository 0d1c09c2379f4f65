// SPDX-License-Identifier: Apache-2.0
package gmm4j.spark;

import gmm4j.Repair;
import gmm4j.RestartSummary;
import gmm4j.SufficientStatistics;

import java.util.ArrayList;
import java.util.List;

/**
 * EM over the partitions of a DataFrame ({@link Partitions}) for one or more candidate settings,
 * each with its restarts: every run ({@link EmLoop}) that has not stopped is advanced in the same
 * pass over the rows — the current models broadcast together, each block's statistics taken for
 * every model on the executors, merged on the driver in partition order, and each run's M-step
 * taken on the driver — at most {@code runsPerPass} runs per pass. One more pass scores every
 * run's final parameters; each candidate keeps its most likely restart, as in the core.
 */
final class DistributedEm {
    private final Start start;
    private final int runsPerPass;

    /** The fitted core model (with the diagnostics of the whole fit) and the summary of the fit. */
    record Result(gmm4j.GaussianMixtureModel model, GaussianMixtureSummary summary) {
    }

    /**
     * @param start       where each run starts
     * @param runsPerPass the most runs advanced in one pass over the rows (their models and
     *                    statistics are held together on each executor)
     */
    DistributedEm(Start start, int runsPerPass) {
        this.start = start;
        this.runsPerPass = runsPerPass;
    }

    /** Fits each of {@code candidates} to the rows of {@code partitions}: a result per candidate, in order. */
    List<Result> fit(Partitions partitions, List<gmm4j.GaussianMixture> candidates) {
        List<List<EmLoop>> runs = new ArrayList<>();
        List<EmLoop> all = new ArrayList<>();
        for (gmm4j.GaussianMixture settings : candidates) {
            List<EmLoop> restarts = new ArrayList<>();
            for (int r = 0; r < settings.restarts(); r++) restarts.add(new EmLoop(settings, r, start.of(partitions, settings, r)));
            runs.add(restarts);
            all.addAll(restarts);
        }
        advance(partitions, all);
        List<Partitions.Score> scores = new ArrayList<>();
        for (int from = 0; from < all.size(); from += runsPerPass) {
            scores.addAll(partitions.scores(all.subList(from, Math.min(all.size(), from + runsPerPass)).stream()
                    .map(EmLoop::model).toList()));
        }
        List<Result> results = new ArrayList<>();
        int offset = 0;
        for (List<EmLoop> restarts : runs) {
            results.add(kept(restarts, scores.subList(offset, offset + restarts.size())));
            offset += restarts.size();
        }
        return results;
    }

    /** Advances {@code runs} until each has stopped, the first {@code runsPerPass} that have not in each pass. */
    private void advance(Partitions partitions, List<EmLoop> runs) {
        List<EmLoop> active = runs.stream().filter(r -> !r.done()).limit(runsPerPass).toList();
        while (!active.isEmpty()) {
            List<SufficientStatistics> statistics = partitions.statistics(active.stream().map(EmLoop::model).toList());
            for (int i = 0; i < active.size(); i++) active.get(i).step(statistics.get(i));
            active = runs.stream().filter(r -> !r.done()).limit(runsPerPass).toList();
        }
    }

    /** The most likely of one candidate's restarts (the first of equals; a NaN never kept over a number), as a result. */
    private static Result kept(List<EmLoop> restarts, List<Partitions.Score> scores) {
        List<RestartSummary> summaries = new ArrayList<>();
        List<Repair> repairs = new ArrayList<>();
        int best = 0;
        for (int r = 0; r < restarts.size(); r++) {
            summaries.add(restarts.get(r).summary(scores.get(r)));
            repairs.addAll(restarts.get(r).repairs());
            double ll = scores.get(r).statistics().logLikelihood();
            double bestLl = scores.get(best).statistics().logLikelihood();
            if (ll > bestLl || Double.isNaN(bestLl)) best = r;
        }
        Partitions.Score score = scores.get(best);
        gmm4j.GaussianMixtureModel model = restarts.get(best).fitted(score, summaries, repairs);
        return new Result(model, new GaussianMixtureSummary(model, score.statistics().totalWeight(), score.clusterSizes()));
    }
}
