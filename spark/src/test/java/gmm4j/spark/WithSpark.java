// SPDX-License-Identifier: Apache-2.0
package gmm4j.spark;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInfo;

/** A test class with its own local[2] Spark session ({@link LocalSpark#start}), stopped after its last test. */
abstract class WithSpark {
    /** The session of the class whose tests are running. */
    static SparkSession spark;

    @BeforeAll
    static void startSpark(TestInfo test) {
        spark = LocalSpark.start(test.getDisplayName());
    }

    @AfterAll
    static void stopSpark() {
        if (spark != null) spark.stop();
        spark = null;
    }
}
