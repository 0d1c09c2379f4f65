package gmm4j.internal;

import gmm4j.Repair;
import gmm4j.RestartSummary;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Runs the restarts of a fit and keeps the one with the best final log-likelihood. */
public final class Fitter {
    private Fitter() {
    }

    /**
     * The result of a fit.
     *
     * @param mixture   the best restart's parameters
     * @param score     the log-likelihood, entropy and weight of the data under {@code mixture}
     * @param columnMeans the data's weighted column means over observed values
     * @param covarianceFloor the smallest diagonal a covariance repair raises to (the data's own scale)
     */
    public record Result(Mixture mixture, Statistics score, int iterations, boolean converged, boolean cancelled,
                         List<RestartSummary> restarts, List<Repair> repairs, double[] columnMeans,
                         double covarianceFloor) {
    }

    public static Result fit(Table t, FitSettings s, Parallel parallel) {
        double[] columnMeans = columnMeans(t, parallel);
        double[] variances = columnVariances(t, columnMeans, parallel);
        double largest = 0, mean = 0;
        for (double v : variances) {
            largest = Math.max(largest, v);
            mean += v / variances.length;
        }
        double floor = largest * 1e-12 > 0 && Double.isFinite(largest * 1e-12) ? largest * 1e-12 : Double.MIN_NORMAL;
        double meanVariance = variances.length == 0 || !(mean > 0) || !Double.isFinite(mean) ? 1 : mean;
        List<RestartSummary> summaries = new ArrayList<>();
        List<Repair> repairs = new ArrayList<>();
        EmRun best = null;
        boolean cancelled = false;
        for (int restart = 0; restart < s.restarts(); restart++) {
            SplittableRandom random = new SplittableRandom(s.seed() + restart * 0x9E3779B97F4A7C15L);
            Repairs log = new Repairs(restart, repairs);
            Mixture start = s.start() != null ? s.start()
                    : Initializer.initialize(t, s, restart, random, parallel, columnMeans, meanVariance, floor, log);
            EmRun run = new EmRun(t, s, restart, parallel, floor, columnMeans, log);
            run.run(start);
            summaries.add(new RestartSummary(restart, run.iterations, run.converged,
                    run.score.meanLogLikelihood(), run.trace()));
            if (best == null || run.score.logLikelihood > best.score.logLikelihood
                    || Double.isNaN(best.score.logLikelihood)) {
                best = run;
            }
            if (run.cancelled) {
                cancelled = true;
                break;
            }
        }
        return new Result(best.mixture, best.score, best.iterations, best.converged, cancelled,
                List.copyOf(summaries), List.copyOf(repairs), columnMeans, floor);
    }

    /** Weighted mean of each numeric column over its observed values (0 where none is observed). */
    static double[] columnMeans(Table t, Parallel parallel) {
        return columnAverages(t, new double[t.d], false, parallel);
    }

    /**
     * Weighted variance of each numeric column over its observed values. The largest sets the
     * floor of a covariance repair (the data's own scale): a covariance whose factor fails is raised
     * at least by 1e-12 of it.
     */
    static double[] columnVariances(Table t, double[] columnMeans, Parallel parallel) {
        return columnAverages(t, columnMeans, true, parallel);
    }

    /**
     * Per column, the weighted average over observed values of x − shift, or of its square; 0 where
     * none is observed. Row by row (the data are row-major), chunks in parallel.
     */
    private static double[] columnAverages(Table t, double[] shift, boolean squares, Parallel parallel) {
        int d = t.d;
        double[][] sums = parallel.reduce(t.n, (from, to) -> {
            double[] sum = new double[d], weight = new double[d];
            for (int i = from; i < to; i++) {
                double w = t.weight(i);
                for (int j = 0; j < d; j++) {
                    double v = t.x[i * d + j];
                    if (Double.isNaN(v)) continue;
                    double diff = v - shift[j];
                    sum[j] += w * (squares ? diff * diff : diff);
                    weight[j] += w;
                }
            }
            return new double[][] {sum, weight};
        }, (x, y) -> {
            for (int j = 0; j < d; j++) {
                x[0][j] += y[0][j];
                x[1][j] += y[1][j];
            }
            return x;
        });
        double[] average = new double[d];
        for (int j = 0; j < d; j++) average[j] = sums[1][j] > 0 ? sums[0][j] / sums[1][j] : 0;
        return average;
    }

    /** Collects repairs, stamping the restart and the current iteration. */
    static final class Repairs implements RepairLog {
        private final int restart;
        private final List<Repair> into;
        int iteration;

        Repairs(int restart, List<Repair> into) {
            this.restart = restart;
            this.into = into;
        }

        @Override
        public void jitter(int component, double amount) {
            into.add(new Repair(Repair.Kind.JITTER_RAISED, restart, iteration, component, amount, -1));
        }

        @Override
        public void reseeded(int component, int row, double mass) {
            into.add(new Repair(Repair.Kind.COMPONENT_RESEEDED, restart, iteration, component, mass, row));
        }
    }
}
