// SPDX-License-Identifier: Apache-2.0
package gmm4j.smile;

import gmm4j.FitListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import smile.util.AlgoStatus;
import smile.util.IterativeAlgorithmController;

/**
 * Reports each EM iteration as Smile's iterative algorithms do: a log line, and an
 * {@link AlgoStatus} to the controller if there is one; cancels the fit once the controller is stopped.
 */
final class IterationReporter implements FitListener {
    private static final Logger logger = LoggerFactory.getLogger(GaussianMixtureClustering.class);

    private final IterativeAlgorithmController<AlgoStatus> controller;

    /** @param controller may be null: then the iterations are only logged */
    IterationReporter(IterativeAlgorithmController<AlgoStatus> controller) {
        this.controller = controller;
    }

    @Override
    public boolean onIteration(int restart, int iteration, double meanLogLikelihood) {
        logger.info("Restart {}, iteration {}: mean log-likelihood = {}", restart, iteration, meanLogLikelihood);
        if (controller == null) return true;
        controller.submit(new AlgoStatus(iteration, meanLogLikelihood, restart));
        return !controller.isInterrupted();
    }
}
