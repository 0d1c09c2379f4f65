// SPDX-License-Identifier: Apache-2.0
package gmm4j.smile;

import gmm4j.CovarianceType;
import gmm4j.Criterion;
import gmm4j.Initialization;
import gmm4j.smile.GaussianMixtureClustering.Options;
import org.junit.jupiter.api.Test;
import smile.util.AlgoStatus;
import smile.util.IterativeAlgorithmController;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Progress and cancellation through Smile's {@link IterativeAlgorithmController}, as Smile's own algorithms offer. */
class ControllerTest {
    private static final double[][] IRIS = TestData.iris();

    private static Options options(int restarts, double tol, IterativeAlgorithmController<AlgoStatus> controller) {
        return new Options(3, CovarianceType.FULL, 100, tol, 1E-6, restarts, Initialization.KMEANS, 42, 1, controller);
    }

    @Test
    void subscribersSeeEveryIterationWithTheMeanLogLikelihood() throws Exception {
        List<AlgoStatus> seen = new CopyOnWriteArrayList<>();
        CompletableFuture<Void> done = new CompletableFuture<>();
        GaussianMixtureClustering model;
        try (var controller = new IterativeAlgorithmController<AlgoStatus>()) {
            controller.subscribe(new Collector(seen, done));
            model = GaussianMixtureClustering.fit(IRIS, options(1, 1E-3, controller));
        }
        done.get(30, TimeUnit.SECONDS);   // closing the controller delivers what is pending, then completes

        assertEquals(model.iterations(), seen.size());
        for (int i = 0; i < seen.size(); i++) {
            assertEquals(i + 1, seen.get(i).iteration());
            assertEquals(0, seen.get(i).state(), "the restart");
            // EM never lowers the likelihood.
            if (i > 0) assertTrue(seen.get(i).objective() >= seen.get(i - 1).objective() - 1E-12);
        }
        double last = seen.get(seen.size() - 1).objective();
        assertTrue(model.logLikelihood() / IRIS.length >= last - 1E-12);
        assertEquals(model.logLikelihood() / IRIS.length, last, 1E-3, "converged: the last step changed it by less than tol");
    }

    @Test
    void stoppingTheControllerEndsTheFitWithTheModelSoFar() {
        var controller = new IterativeAlgorithmController<AlgoStatus>() {
            @Override
            public void submit(AlgoStatus status) {
                super.submit(status);
                if (status.iteration() == 3) stop();
            }
        };
        try (controller) {
            var model = GaussianMixtureClustering.fit(IRIS, options(5, 0, controller));
            assertEquals(3, model.iterations());
            assertFalse(model.converged());
            assertTrue(model.model().cancelled());
            assertEquals(1, model.model().restarts().size(), "no restart runs after the stop");
            assertEquals(IRIS.length, model.group().length);
        }
    }

    @Test
    void stoppingTheControllerDuringSelectEndsTheSelectionAndSaysSo() {
        List<AlgoStatus> seen = new CopyOnWriteArrayList<>();
        var controller = new IterativeAlgorithmController<AlgoStatus>() {
            private int firstIterations;

            @Override
            public void submit(AlgoStatus status) {
                super.submit(status);
                seen.add(status);
                if (status.iteration() == 1 && ++firstIterations == 2) stop();
            }
        };
        try (controller) {
            // one thread: K = 1 (two iterations), then K = 2, stopped at its first
            var selection = GaussianMixtureClustering.select(IRIS, 1, 4, Criterion.BIC, options(1, 1E-3, controller));
            assertTrue(selection.cancelled());
            assertEquals(1, selection.scores().size(), "the candidates after the stop are not fitted: " + selection.scores());
            assertEquals(1, selection.model().k());
            assertEquals(3, seen.size(), "no iteration after the stop: " + seen);
            assertTrue(selection.toString().contains("cancelled"), selection.toString());
        }
    }

    /** Collects what a controller publishes. */
    private record Collector(List<AlgoStatus> seen, CompletableFuture<Void> done) implements Flow.Subscriber<AlgoStatus> {
        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(AlgoStatus status) {
            seen.add(status);
        }

        @Override
        public void onError(Throwable error) {
            done.completeExceptionally(error);
        }

        @Override
        public void onComplete() {
            done.complete(null);
        }
    }
}
