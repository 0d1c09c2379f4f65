// SPDX-License-Identifier: Apache-2.0
package gmm4j;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.spi.ToolProvider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Core as a named module: a program of its own module, {@code requires gmm4j.core}, compiles against
 * and runs from a jar of core's classes on the module path; fits, saves and reads a model there; and
 * cannot use the engine's package, neither when compiled nor by reflection.
 */
class ModulePathTest {
    private static final String PROGRAM = """
            package demo;

            import gmm4j.*;
            import java.io.*;

            public class Main {
                public static void main(String[] args) throws Exception {
                    double[][] rows = new double[200][];
                    for (int i = 0; i < rows.length; i++) {
                        rows[i] = new double[]{(i % 2) * 10 + Math.sin(i), (i % 2) * 10 + Math.cos(3 * i)};
                    }
                    GaussianMixtureModel model = GaussianMixture.builder().components(2).seed(1).build().fit(rows);
                    System.out.println("module " + GaussianMixtureModel.class.getModule().getName());
                    System.out.println("components " + model.components());

                    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
                        out.writeObject(model);
                    }
                    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
                        in.setObjectInputFilter(GaussianMixtureModel.SERIAL_FILTER);
                        GaussianMixtureModel copy = (GaussianMixtureModel) in.readObject();
                        System.out.println("read back " + (copy.logDensity(rows[0]) == model.logDensity(rows[0])));
                    }

                    try {
                        Class.forName("gmm4j.internal.Cholesky")
                                .getMethod("factor", double[].class, int.class, double[].class)
                                .invoke(null, new double[]{1}, 1, new double[1]);
                        System.out.println("engine reachable");
                    } catch (IllegalAccessException e) {
                        System.out.println("engine not accessible");
                    }
                }
            }
            """;

    @Test
    void aProgramOnTheModulePathUsesTheApiAndNotTheEngine(@TempDir Path dir) throws Exception {
        Path jar = coreJar(dir);
        Path sources = dir.resolve("src");
        write(sources.resolve("module-info.java"), "module demo { requires gmm4j.core; }");
        write(sources.resolve("demo/Main.java"), PROGRAM);
        Path classes = dir.resolve("classes");
        String compiled = run("javac", "--module-path", jar.toString(), "-d", classes.toString(),
                sources.resolve("module-info.java").toString(), sources.resolve("demo/Main.java").toString());
        assertEquals("", compiled);

        Path launcher = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(launcher.toString(), "--module-path", jar + File.pathSeparator + classes,
                "-m", "demo/demo.Main").redirectErrorStream(true).start();
        // a safety net against a hung child, not a measurement
        assertTrue(process.waitFor(5, TimeUnit.MINUTES), "the program ended");
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.exitValue(), output);
        assertEquals(List.of("module gmm4j.core", "components 2", "read back true", "engine not accessible"),
                output.lines().toList());
    }

    @Test
    void aProgramCannotCompileAgainstTheEngine(@TempDir Path dir) throws Exception {
        Path jar = coreJar(dir);
        Path sources = dir.resolve("src");
        write(sources.resolve("module-info.java"), "module demo { requires gmm4j.core; }");
        write(sources.resolve("demo/Main.java"),
                "package demo; public class Main { gmm4j.internal.Cholesky reach; }");
        String errors = run("javac", "--module-path", jar.toString(), "-d", dir.resolve("classes").toString(),
                sources.resolve("module-info.java").toString(), sources.resolve("demo/Main.java").toString());
        assertTrue(errors.contains("package gmm4j.internal is declared in module gmm4j.core, which does not export it"),
                errors);
    }

    /** A jar of core's compiled classes, module-info included, as Maven packages it. */
    private static Path coreJar(Path dir) throws Exception {
        Path classes = Path.of(GaussianMixtureModel.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        assertTrue(Files.exists(classes.resolve("module-info.class")), classes + " holds core's module descriptor");
        Path jar = dir.resolve("gmm4j-core.jar");
        assertEquals("", run("jar", "--create", "--file", jar.toString(), "-C", classes.toString(), "."));
        return jar;
    }

    /** Runs a JDK tool in this JVM; returns what it printed, failing on a non-zero exit only when it printed nothing. */
    private static String run(String tool, String... args) {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);
        int exit = ToolProvider.findFirst(tool).orElseThrow().run(out, out, args);
        String text = printed.toString(StandardCharsets.UTF_8);
        if (exit != 0) assertNotEquals("", text, tool + " failed without a message");
        return text;
    }

    private static void write(Path file, String text) throws Exception {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
