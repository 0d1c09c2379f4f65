// SPDX-License-Identifier: Apache-2.0
package gmm4j.spark;

import gmm4j.Repair;
import gmm4j.RestartSummary;
import org.apache.spark.sql.Dataset;

import java.util.ArrayList;
import java.util.List;

/**
 * EM over the partitions of a DataFrame ({@link Partitions}): per iteration the current model is
 * broadcast, each block's statistics taken on the executors and merged on the driver in partition
 * order, and the M-step taken on the driver ({@link EmLoop}). Restarts from seeds
 * {@code seed + r·GOLDEN}, the most likely kept, as in the core.
 */
final class DistributedEm {
    private final gmm4j.GaussianMixture settings;
    private final Start start;

    /** The fitted core model (with the diagnostics of the whole fit) and the summary of the fit. */
    record Result(gmm4j.GaussianMixtureModel model, GaussianMixtureSummary summary) {
    }

    DistributedEm(gmm4j.GaussianMixture settings, Start start) {
        this.settings = settings;
        this.start = start;
    }

    /**
     * Fits the vectors of column {@code features}, weighted by column {@code weight} (null for unit weights).
     *
     * @throws IllegalArgumentException for a bad row, naming the column and the row's index
     */
    Result fit(Dataset<?> data, String features, String weight) {
        try (Partitions partitions = Partitions.of(data, features, weight)) {
            List<EmLoop> runs = new ArrayList<>();
            List<Partitions.Score> scores = new ArrayList<>();
            List<RestartSummary> summaries = new ArrayList<>();
            List<Repair> repairs = new ArrayList<>();
            int best = 0;
            for (int restart = 0; restart < settings.restarts(); restart++) {
                EmLoop run = new EmLoop(settings, restart, start.of(partitions, settings, restart));
                run(partitions, List.of(run));
                Partitions.Score score = partitions.scores(List.of(run.model())).get(0);
                runs.add(run);
                scores.add(score);
                summaries.add(run.summary(score));
                repairs.addAll(run.repairs());
                double ll = score.statistics().logLikelihood();
                double bestLl = scores.get(best).statistics().logLikelihood();
                if (ll > bestLl || Double.isNaN(bestLl)) best = restart;
            }
            gmm4j.GaussianMixtureModel model = runs.get(best).fitted(scores.get(best), summaries, repairs);
            return new Result(model, new GaussianMixtureSummary(model,
                    scores.get(best).statistics().totalWeight(), scores.get(best).clusterSizes()));
        }
    }

    /** Advances {@code runs} together, one pass over the rows per iteration for all that have not stopped. */
    static void run(Partitions partitions, List<EmLoop> runs) {
        List<EmLoop> active = runs.stream().filter(r -> !r.done()).toList();
        while (!active.isEmpty()) {
            List<gmm4j.SufficientStatistics> statistics = partitions.statistics(active.stream().map(EmLoop::model).toList());
            for (int i = 0; i < active.size(); i++) active.get(i).step(statistics.get(i));
            active = active.stream().filter(r -> !r.done()).toList();
        }
    }
}
