// SPDX-License-Identifier: Apache-2.0
package gmm4j.spark;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * A Spark standalone cluster on loopback made of separate JVMs started from the jars of the test's
 * own class path: one {@code Master} and two {@code Worker}s, no Spark distribution downloaded. A
 * worker launches its executors with {@code java -cp $SPARK_HOME/jars/*}, so {@code SPARK_HOME} is
 * a directory under {@code target/} whose {@code jars/} links to every jar of the class path but
 * gmm4j's (those reach the executors through {@code spark.jars}, as in an application);
 * {@code SPARK_SCALA_VERSION} spares the launcher a search for a Spark build. {@link #close()}
 * kills every process it started, executors included, and waits until they are gone.
 */
final class StandaloneCluster implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);

    private final Path home;
    private final List<String> jvmFlags;
    private final List<Process> daemons = new ArrayList<>();
    private final List<ProcessHandle> seen = new ArrayList<>();
    private final int masterPort;

    /**
     * Starts the master and {@code workers} workers of one core each.
     *
     * @param dir      a fresh directory for the cluster's home, logs and work directories
     * @param jvmFlags extra flags of every JVM (Spark 3.5 on Java 17 needs {@code --add-opens})
     */
    StandaloneCluster(Path dir, int workers, List<String> jvmFlags) throws IOException, InterruptedException {
        this.home = dir.toAbsolutePath();
        this.jvmFlags = jvmFlags;
        Files.createDirectories(home.resolve("jars"));
        for (String entry : classPath()) {
            Path jar = Path.of(entry);
            if (entry.endsWith(".jar") && !isGmm4j(jar)) {
                Files.createSymbolicLink(home.resolve("jars").resolve(jar.getFileName()), jar.toAbsolutePath());
            }
        }
        masterPort = freePort();
        try {
            start("org.apache.spark.deploy.master.Master", home.resolve("master.log"),
                    "--host", "127.0.0.1", "--port", String.valueOf(masterPort), "--webui-port", String.valueOf(freePort()));
            awaitPort(masterPort);
            for (int w = 0; w < workers; w++) {
                Path work = Files.createDirectories(home.resolve("work-" + w));
                start("org.apache.spark.deploy.worker.Worker", home.resolve("worker-" + w + ".log"), "--host", "127.0.0.1",
                        "--port", "0", "--webui-port", String.valueOf(freePort()), "--cores", "1", "--memory", "1g",
                        "--work-dir", work.toString(), masterUrl());
            }
        } catch (IOException | InterruptedException | RuntimeException e) {
            close();
            throw e;
        }
    }

    /** @return the master's URL, spark://127.0.0.1:port */
    String masterUrl() {
        return "spark://127.0.0.1:" + masterPort;
    }

    /**
     * The gmm4j jars of the class path, to ship with {@code spark.jars}; a class directory (a build
     * that has not packaged yet) is packed into a jar under the cluster's home first.
     */
    List<String> gmm4jJars() throws IOException {
        List<String> jars = new ArrayList<>();
        for (String entry : classPath()) {
            Path path = Path.of(entry);
            if (!isGmm4j(path) || path.endsWith("test-classes")) continue;
            jars.add(Files.isDirectory(path) ? pack(path).toString() : path.toAbsolutePath().toString());
        }
        return jars;
    }

    /** @return the executor processes the workers run now (children of the worker JVMs) */
    List<ProcessHandle> executors() {
        recordDescendants();
        List<ProcessHandle> executors = new ArrayList<>();
        for (Process daemon : daemons) {
            daemon.children().filter(p -> p.info().commandLine().orElse("").contains("CoarseGrainedExecutorBackend"))
                    .forEach(executors::add);
        }
        return executors;
    }

    /** @return every process the cluster has started or seen started, executors included */
    List<ProcessHandle> processes() {
        recordDescendants();
        return List.copyOf(seen);
    }

    /** Kills the workers' executors, the workers and the master, and waits until each is gone. */
    @Override
    public void close() {
        recordDescendants();
        for (int i = seen.size() - 1; i >= 0; i--) seen.get(i).destroy();
        for (ProcessHandle p : seen) {
            try {
                p.onExit().get(20, java.util.concurrent.TimeUnit.SECONDS);
            } catch (Exception e) {
                p.destroyForcibly();
            }
        }
        for (ProcessHandle p : seen) p.onExit().join();
    }

    private void recordDescendants() {
        for (Process daemon : daemons) {
            daemon.descendants().filter(p -> !seen.contains(p)).forEach(seen::add);
        }
    }

    private void start(String mainClass, Path log, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx256m");
        command.addAll(jvmFlags);
        command.add("-cp");
        command.add(home.resolve("jars") + File.separator + "*");
        command.add(mainClass);
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("SPARK_HOME", home.toString());
        builder.environment().put("SPARK_SCALA_VERSION", scalaBinaryVersion());
        builder.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        builder.environment().put("SPARK_LOG_DIR", home.toString());
        builder.environment().put("SPARK_LOCAL_DIRS", home.resolve("tmp").toString());
        Process process = builder.start();
        daemons.add(process);
        seen.add(process.toHandle());
    }

    /**
     * Waits until the master accepts connections on {@code port} (its log cannot tell: which logging
     * binding a JVM finds in {@code jars/*} depends on the directory's order).
     */
    private void awaitPort(int port) throws IOException, InterruptedException {
        Process process = daemons.get(daemons.size() - 1);
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            try (java.net.Socket socket = new java.net.Socket(InetAddress.getLoopbackAddress(), port)) {
                return;
            } catch (IOException notYet) {
                if (!process.isAlive()) throw new IllegalStateException("The master died:\n" + logs());
                Thread.sleep(200);
            }
        }
        throw new IllegalStateException("The master does not listen on port " + port + " after " + START_TIMEOUT + ":\n" + logs());
    }

    /** @return the logs of the master and the workers, for a failure's message */
    String logs() throws IOException {
        StringBuilder text = new StringBuilder();
        try (Stream<Path> files = Files.list(home)) {
            for (Path log : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".log")).sorted()::iterator) {
                text.append("---- ").append(log.getFileName()).append('\n').append(Files.readString(log, StandardCharsets.UTF_8));
            }
        }
        return text.toString();
    }

    /** Packs a class directory into a jar under the cluster's home. */
    private Path pack(Path classes) throws IOException {
        Path jar = home.resolve(classes.getParent().getParent().getFileName() + "-classes.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar)); Stream<Path> files = Files.walk(classes)) {
            for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                out.putNextEntry(new JarEntry(classes.relativize(file).toString().replace(File.separatorChar, '/')));
                out.write(Files.readAllBytes(file));
                out.closeEntry();
            }
        }
        return jar;
    }

    /** A gmm4j module's jar or class directory (a module's {@code target/…} or a {@code gmm4j-*.jar}). */
    private static boolean isGmm4j(Path entry) {
        String name = entry.getFileName().toString();
        return name.startsWith("gmm4j-") || (Files.isDirectory(entry) && entry.getParent().endsWith("target"));
    }

    private static List<String> classPath() {
        return List.of(System.getProperty("java.class.path").split(File.pathSeparator));
    }

    /** "2.13" or "2.12": the Scala of the class path's Spark. */
    private static String scalaBinaryVersion() {
        String version = scala.util.Properties.versionNumberString();
        return version.substring(0, version.lastIndexOf('.'));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
