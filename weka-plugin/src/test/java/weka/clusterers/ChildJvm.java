// SPDX-License-Identifier: Apache-2.0
package weka.clusterers;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/** Runs a class in a separate JVM with a time limit, as a user would from a shell. */
public final class ChildJvm {
    /** What a run printed (stdout and stderr together) and how it ended. */
    public record Result(int exitCode, String output) {
    }

    private ChildJvm() {
    }

    /** The test class path as it is. */
    public static String testClassPath() {
        return System.getProperty("java.class.path");
    }

    /**
     * Weka and its libraries only: the entries of the test class path that come from the local
     * Maven repository, less gmm4j's own artifacts and the test frameworks — what a user's
     * {@code weka.jar} provides, so that the clusterer can only come from an installed package.
     */
    public static String wekaOnlyClassPath() {
        return Arrays.stream(testClassPath().split(File.pathSeparator))
                .filter(entry -> entry.contains(File.separator + "repository" + File.separator))
                .filter(entry -> !entry.contains("gmm4j") && !entry.contains("junit") && !entry.contains("opentest4j")
                        && !entry.contains("apiguardian") && !entry.contains("-tests.jar"))
                .collect(Collectors.joining(File.pathSeparator));
    }

    public static Result run(String classPath, Map<String, String> environment, long timeoutSeconds, String... mainAndArgs)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Dweka.packageManager.offline=true");
        command.add("-cp");
        command.add(classPath);
        command.addAll(List.of(mainAndArgs));
        Path log = Files.createTempFile("child-jvm", ".log");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().putAll(environment);
            Process process = builder.start();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                throw new AssertionError("Timed out after " + timeoutSeconds + " s: " + String.join(" ", mainAndArgs)
                        + "\n" + Files.readString(log, StandardCharsets.UTF_8));
            }
            return new Result(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
