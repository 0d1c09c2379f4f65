// SPDX-License-Identifier: Apache-2.0
package gmm4j;

import java.io.Serial;
import java.io.Serializable;

/**
 * How one restart of a fit went.
 *
 * @param restart           the restart, from 0
 * @param iterations        EM iterations run
 * @param converged         whether the log-likelihood settled within the tolerance
 * @param meanLogLikelihood mean per-row log-likelihood of the restart's final parameters
 * @param trace             the mean per-row log-likelihood at each iteration's start
 * @param stopReason        why the restart's EM run stopped ({@code converged} is whether it is {@link StopReason#CONVERGED})
 */
public record RestartSummary(int restart, int iterations, boolean converged, double meanLogLikelihood, double[] trace,
                             StopReason stopReason)
        implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    /** Copies the trace. */
    public RestartSummary {
        trace = trace.clone();
    }

    /** @return a copy of the mean per-row log-likelihood at each iteration's start */
    @Override
    public double[] trace() {
        return trace.clone();
    }
}
