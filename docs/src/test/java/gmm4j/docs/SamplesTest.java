// SPDX-License-Identifier: Apache-2.0
package gmm4j.docs;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Every {@code java} block of README.md and docs/*.md is compiled and run, so the docs cannot
 * rot. A block is the body of a method that receives the seed example as {@code double[][] rows}
 * (also as {@code data}, Smile's name) and its first row as {@code double[] x}; its {@code import}
 * lines become the class's imports, after {@code gmm4j.*} and {@code java.util.*}. When an
 * {@code output} block follows it, every line of that block must appear in what the sample prints.
 */
class SamplesTest {
    /** What every sample may use without importing it. */
    private static final String DEFAULT_IMPORTS = "import gmm4j.*;\nimport java.util.*;\n";

    @TempDir
    Path work;

    @TestFactory
    List<DynamicTest> everyJavaSampleCompilesAndRuns() throws Exception {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path page : Markdown.pages()) {
            for (Markdown.Block block : Markdown.blocks(page)) {
                if (block.info().equals("java")) tests.add(DynamicTest.dynamicTest(block.toString(), () -> run(block)));
            }
        }
        return tests;
    }

    /** The docs keep their samples: a page losing all of them would pass the test above vacuously. */
    @Test
    void theDocsHaveSamplesInEveryGuide() throws Exception {
        for (var page : java.util.Map.of("README.md", 2, "docs/user-guide.md", 9, "docs/sklearn-users.md", 1).entrySet()) {
            long samples = Markdown.blocks(Markdown.root().resolve(page.getKey())).stream().filter(b -> b.info().equals("java")).count();
            assertTrue(samples >= page.getValue(), page.getKey() + " has only " + samples + " Java samples");
        }
        for (Path page : Markdown.pages()) {
            for (Markdown.Block block : Markdown.blocks(page)) {
                assertFalse(block.info().equals("output") && !isOutputOfSomeSample(page, block),
                        block + ": an output block must directly follow the java block that prints it");
            }
        }
    }

    private static boolean isOutputOfSomeSample(Path page, Markdown.Block output) throws Exception {
        return Markdown.blocks(page).stream().anyMatch(b -> b.output() != null && b.output().line() == output.line());
    }

    private void run(Markdown.Block block) throws Exception {
        String name = "Sample_" + block.file().replaceAll("\\W", "_") + "_" + block.line();
        StringBuilder imports = new StringBuilder(DEFAULT_IMPORTS);
        StringBuilder body = new StringBuilder();
        for (String line : block.text().split("\n", -1)) {
            if (line.startsWith("import ")) imports.append(line).append('\n');
            else body.append("        ").append(line).append('\n');
        }
        String header = imports + "\npublic class " + name + " {\n"
                + "    public static void run(double[][] rows, double[][] data, double[] x) throws Exception {\n";
        String source = header + body + "    }\n}\n";
        Path dir = Files.createDirectories(work.resolve(name));
        Path file = dir.resolve(name + ".java");
        Files.writeString(file, source, StandardCharsets.UTF_8);
        long importLines = imports.toString().lines().count() - DEFAULT_IMPORTS.lines().count();
        compile(block, file, dir, header.lines().count() - importLines);

        double[][] rows = SeedExample.rows();
        PrintStream console = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try (URLClassLoader loader = new URLClassLoader(new URL[]{dir.toUri().toURL()}, getClass().getClassLoader())) {
            Method main = loader.loadClass(name).getMethod("run", double[][].class, double[][].class, double[].class);
            System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
            main.invoke(null, rows, rows, rows[0].clone());
        } catch (InvocationTargetException e) {
            throw new AssertionError(block + ": the sample threw " + e.getCause(), e.getCause());
        } finally {
            System.setOut(console);
        }
        String out = printed.toString(StandardCharsets.UTF_8);
        console.print(out);
        if (block.output() != null) {
            List<String> printedLines = out.lines().map(String::strip).toList();
            for (String expected : block.output().text().split("\n")) {
                String line = expected.strip();
                if (line.isEmpty() || line.equals("...")) continue;
                assertTrue(printedLines.contains(line), block.output() + ": the sample no longer prints the line\n  " + line
                        + "\nIt printed:\n" + out);
            }
        }
    }

    /**
     * Compiles the wrapped sample; a compile error is reported at its line in the Markdown page.
     *
     * @param shift the generated line of the block's first line, minus one (its imports moved up)
     */
    private static void compile(Markdown.Block block, Path file, Path out, long shift) throws Exception {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
            List<String> options = List.of("-classpath", classPath, "-d", out.toString(), "-proc:none",
                    "-Xlint:all,-options", "-encoding", "UTF-8");
            boolean ok = javac.getTask(null, files, diagnostics, options, null,
                    files.getJavaFileObjects(file.toFile())).call();
            List<String> problems = new ArrayList<>();
            for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
                if (d.getKind() == Diagnostic.Kind.NOTE) continue;
                problems.add(block.file() + ":" + (block.line() + d.getLineNumber() - shift - 1) + ": "
                        + d.getKind() + " " + d.getMessage(Locale.ROOT));
            }
            if (!ok) fail("The sample at " + block + " does not compile:\n" + String.join("\n", problems)
                    + "\n--- generated source ---\n" + Files.readString(file));
            assertEquals(List.of(), problems, "The sample at " + block + " compiles with warnings");
        }
    }

}
