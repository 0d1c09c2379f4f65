// SPDX-License-Identifier: Apache-2.0
package gmm4j.internal;

/** Receives what the engine had to repair to keep a fit going, and what it could not. */
public interface RepairLog {
    /** A covariance was not positive definite: {@code amount} was added to its diagonal. */
    void jitter(int component, double amount);

    /** A collapsed component was re-seeded at row {@code row} (-1: unknown). */
    void reseeded(int component, int row, double mass);

    /** A collapsed component was left as it was: re-seeding it at row {@code row} (-1: unknown) could not help. */
    void notReseeded(int component, int row, double mass);

    RepairLog IGNORE = new RepairLog() {
        @Override
        public void jitter(int component, double amount) {
        }

        @Override
        public void reseeded(int component, int row, double mass) {
        }

        @Override
        public void notReseeded(int component, int row, double mass) {
        }
    };
}
