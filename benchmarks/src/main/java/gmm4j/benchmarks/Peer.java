// SPDX-License-Identifier: Apache-2.0
package gmm4j.benchmarks;

import java.util.List;

/** A library under comparison. */
interface Peer {
    /** Its name in the table, with its version where known. */
    String name();

    /**
     * Readies it for one problem: converts the data, writes files, warms up, all untimed. Failures
     * become failed measurements of the session, never exceptions.
     */
    Session prepare(ClusterData data, StartingPoint start);

    /**
     * One library on one problem, timed a round at a time so that the libraries' rounds can take
     * turns (see {@link Comparison#compare}).
     */
    interface Session {
        /** One timed round: each covariance type the library offers, once. */
        void round();

        /** The rounds so far combined, one measurement per covariance type. */
        List<Measurement> measurements();

        /** Frees what the problem needed (temporary files). */
        default void close() {
        }

        /** One covariance type's share of a session. */
        interface Part {
            void round();

            Measurement measurement();
        }

        /** A session whose parts, one per covariance type, are timed one after another in each round. */
        static Session of(List<? extends Part> parts) {
            return new Session() {
                @Override
                public void round() {
                    for (Part part : parts) part.round();
                }

                @Override
                public List<Measurement> measurements() {
                    return parts.stream().map(Part::measurement).toList();
                }
            };
        }

        /** Nothing to time: the library does not run on the problem, or could not be readied for it. */
        static Session untimed(List<Measurement> measurements) {
            return new Session() {
                @Override
                public void round() {
                }

                @Override
                public List<Measurement> measurements() {
                    return measurements;
                }
            };
        }
    }
}
