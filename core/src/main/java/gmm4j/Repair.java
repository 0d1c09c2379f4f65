// SPDX-License-Identifier: Apache-2.0
package gmm4j;

import java.io.Serial;
import java.io.Serializable;

/**
 * Something a fit had to repair to keep going instead of failing.
 *
 * @param kind      what was repaired
 * @param restart   the restart, from 0
 * @param iteration the EM iteration, from 1 (0: while initialising)
 * @param component the component concerned, or -1 for one shared by all (a tied covariance)
 * @param value     the jitter added to a covariance diagonal, or the responsibility mass a
 *                  re-seeded component had left
 * @param row       the row a component was re-seeded at (or could not be), or -1 when unknown (statistics
 *                  merged from parts know the row's values, not its index)
 */
public record Repair(Kind kind, int restart, int iteration, int component, double value, int row)
        implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    /** The kinds of repair. */
    public enum Kind {
        /** A covariance was not numerically positive definite; its diagonal was raised by {@code value}. */
        JITTER_RAISED,
        /** A component had collapsed (responsibility mass below one and a half average rows); it was moved to the worst-explained row. */
        COMPONENT_RESEEDED,
        /**
         * A component had collapsed ({@code value} is its mass) but re-seeding it could not help: the
         * worst-explained row ({@code row}) is the one it collapsed onto, or a place this run had
         * re-seeded at before (a loop). It was left as the M-step made it; reported once per
         * component and restart. See {@link StopReason#COMPONENT_COLLAPSED}.
         */
        COLLAPSE_NOT_REPAIRED
    }

    @Override
    public String toString() {
        return switch (kind) {
            case JITTER_RAISED -> String.format("restart %d, iteration %d: covariance %s raised by %.3g on its diagonal",
                    restart, iteration, component < 0 ? "(tied)" : "of component " + component, value);
            case COMPONENT_RESEEDED -> String.format("restart %d, iteration %d: component %d (mass %.3g) re-seeded at row %d",
                    restart, iteration, component, value, row);
            case COLLAPSE_NOT_REPAIRED -> String.format("restart %d, iteration %d: component %d (mass %.3g) collapsed and "
                    + "was not re-seeded: the worst-explained row %d is where it sits or had been tried", restart,
                    iteration, component, value, row);
        };
    }
}
