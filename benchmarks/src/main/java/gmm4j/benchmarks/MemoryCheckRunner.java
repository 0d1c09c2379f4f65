package gmm4j.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Starts {@link MemoryCheck} in a new JVM (this JVM's java, this classpath) with the given heap
 * limit, and collects what it prints.
 */
final class MemoryCheckRunner {

    /** The check's outcome: its MEMORY lines as key → value, plus the heap limit it ran under. */
    record Result(int n, String heapLimit, Map<String, String> values) {
        long bytes(String key) {
            String v = values.get(key);
            return v == null ? -1 : Long.parseLong(v);
        }

        String outcome() {
            return values.getOrDefault("outcome", "the JVM died without reporting");
        }
    }

    private MemoryCheckRunner() {
    }

    static Result run(int n, String heapLimit) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = List.of(java, "-Xmx" + heapLimit, "-cp", System.getProperty("java.class.path"),
                MemoryCheck.class.getName(), Integer.toString(n));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        Map<String, String> values = new LinkedHashMap<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
                System.out.println("    " + line);
                String[] f = line.split(" ", 3);
                if (f.length == 3 && f[0].equals("MEMORY")) values.put(f[1], f[2]);
            }
        }
        process.waitFor();
        return new Result(n, heapLimit, values);
    }
}
