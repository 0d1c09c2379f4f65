package gmm4j.benchmarks;

import java.util.List;

/** A library under comparison. */
interface Peer {
    /** Its name in the table, with its version where known. */
    String name();

    /** Its measurements on one problem, each covariance type it offers; failures become measurements with a note, never exceptions. */
    List<Measurement> measure(ClusterData data, StartingPoint start);
}
