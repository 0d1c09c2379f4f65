// SPDX-License-Identifier: Apache-2.0
package gmm4j.benchmarks;

import java.io.IOException;
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
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : ChildJvm.run(List.of("-Xmx" + heapLimit), MemoryCheck.class, List.of(Integer.toString(n)))) {
            String[] f = line.split(" ", 3);
            if (f.length == 3 && f[0].equals("MEMORY")) values.put(f[1], f[2]);
        }
        return new Result(n, heapLimit, values);
    }
}
