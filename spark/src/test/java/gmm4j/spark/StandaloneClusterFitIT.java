// SPDX-License-Identifier: Apache-2.0
package gmm4j.spark;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A fit on a real multi-JVM Spark: a standalone master and two workers, each its own JVM on
 * loopback ({@link StandaloneCluster}), each worker running one executor JVM; the driver is this
 * JVM, the gmm4j jars are shipped with {@code spark.jars}. The fitted model equals the core's fit
 * of the same rows from the same start to 1e-10 relative, and no process is left afterwards.
 */
class StandaloneClusterFitIT {
    @Test
    void aFitOnTwoWorkerJvmsEqualsTheCoreFit() throws Exception {
        Path dir = Files.createTempDirectory(Path.of(System.getProperty("gmm4j.it.dir", "target")).toAbsolutePath(),
                "standalone-cluster");
        List<String> flags = Arrays.stream(System.getProperty("spark.test.argLine", "").trim().split("\\s+"))
                .filter(s -> !s.isEmpty()).toList();
        List<ProcessHandle> processes;
        try (StandaloneCluster cluster = new StandaloneCluster(dir, 2, flags)) {
            SparkSession spark = SparkSession.builder()
                    .appName("StandaloneClusterFitIT")
                    .master(cluster.masterUrl())
                    .config("spark.jars", String.join(",", cluster.gmm4jJars()))
                    .config("spark.executor.memory", "512m")
                    .config("spark.executor.extraJavaOptions", String.join(" ", flags))
                    .config("spark.cores.max", "2")
                    .config("spark.ui.enabled", "false")
                    .config("spark.driver.host", "127.0.0.1")
                    .config("spark.driver.bindAddress", "127.0.0.1")
                    .getOrCreate();
            try {
                awaitExecutors(spark, 2, cluster);
                assertEquals(2, cluster.executors().size(), "one executor JVM per worker");

                LocalSpark.Rows rows = LocalSpark.clusters(2000, 3, 3, 0.05, 17);
                GaussianMixture estimator = new GaussianMixture().setK(3).setCovarianceType("full").setTol(1e-6)
                        .setMaxIter(50).setSeed(3).setWeightCol("weight");
                GaussianMixtureModel model = estimator.fit(LocalSpark.frame(spark, rows, 4));
                gmm4j.GaussianMixtureModel core = estimator.toCoreSettings().fit(rows.core(true));

                FitAssertions.assertSameFit(core, model);
                assertTrue(core.iterations() > 2, "a fit of several iterations: " + core.iterations());
            } finally {
                spark.stop();
            }
            processes = cluster.processes();
            assertTrue(processes.size() >= 5, "master, two workers, two executors: " + processes.size());
        }
        for (ProcessHandle p : processes) assertFalse(p.isAlive(), "process " + p.pid() + " is still alive");
    }

    /** Waits until {@code n} executors besides the driver have registered. */
    private static void awaitExecutors(SparkSession spark, int n, StandaloneCluster cluster) throws Exception {
        long deadline = System.nanoTime() + 180_000_000_000L;
        while (spark.sparkContext().statusTracker().getExecutorInfos().length < n + 1) {
            if (System.nanoTime() > deadline) throw new IllegalStateException("fewer than " + n + " executors after 180 s:\n" + cluster.logs());
            Thread.sleep(200);
        }
    }
}
