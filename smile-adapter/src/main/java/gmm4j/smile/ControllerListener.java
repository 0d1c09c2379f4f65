package gmm4j.smile;

import gmm4j.FitListener;
import smile.util.AlgoStatus;
import smile.util.IterativeAlgorithmController;

/**
 * Reports each EM iteration to a Smile controller, as Smile's iterative algorithms do, and cancels
 * the fit once the controller is stopped.
 */
final class ControllerListener implements FitListener {
    private final IterativeAlgorithmController<AlgoStatus> controller;

    ControllerListener(IterativeAlgorithmController<AlgoStatus> controller) {
        this.controller = controller;
    }

    @Override
    public boolean onIteration(int restart, int iteration, double meanLogLikelihood) {
        controller.submit(new AlgoStatus(iteration, meanLogLikelihood, restart));
        return !controller.isInterrupted();
    }
}
