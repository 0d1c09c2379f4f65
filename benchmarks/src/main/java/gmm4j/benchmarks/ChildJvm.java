// SPDX-License-Identifier: Apache-2.0
package gmm4j.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs other processes for the harness: their output lines are echoed, indented, and returned; stderr goes to ours. */
final class ChildJvm {
    private static final long TIMEOUT_MINUTES = 30;

    private ChildJvm() {
    }

    /** A class of this module in a new JVM: this JVM's java, this classpath. */
    static List<String> run(List<String> jvmOptions, Class<?> main, List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(args);
        return run(command);
    }

    /** Any command, stopped if it runs longer than half an hour. */
    static List<String> run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        List<String> lines = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
                System.out.println("    " + line);
                lines.add(line);
            }
        }
        if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IOException("timed out: " + command);
        }
        return lines;
    }
}
