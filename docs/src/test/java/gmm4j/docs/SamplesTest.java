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
import java.io.File;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Every {@code java} block of README.md and docs/*.md is compiled and run as pasted, so the docs
 * cannot rot. The convention, stated at the top of the user guide: a block that declares a class is
 * a source file of its own (the samples' helper {@code SeedData}); any other block is its imports
 * followed by the body of a {@code main(String[] args) throws Exception} method. Nothing is
 * imported or declared for a sample: what it uses, it imports or declares. The samples run from the
 * repository's root, with the helpers on the class path. When an {@code output} block follows a
 * sample, every line of that block must appear in what the sample prints.
 */
class SamplesTest {
    /** A block that is a source file: it declares a top-level class or record. */
    private static final Pattern TYPE_DECLARATION =
            Pattern.compile("^(?:public )?(?:final )?(?:class|record) (\\w+)", Pattern.MULTILINE);

    @TempDir
    Path work;

    @TestFactory
    List<DynamicTest> everyJavaSampleCompilesAndRuns() throws Exception {
        Path helpers = Files.createDirectories(work.resolve("helpers"));
        List<Markdown.Block> samples = new ArrayList<>();
        for (Path page : Markdown.pages()) {
            for (Markdown.Block block : Markdown.blocks(page)) {
                if (!block.info().equals("java")) continue;
                Matcher type = TYPE_DECLARATION.matcher(block.text());
                if (type.find()) compile(block, write(helpers, type.group(1), block.text()), helpers, "");
                else samples.add(block);
            }
        }
        assertTrue(Files.exists(helpers.resolve("SeedData.class")), "the user guide no longer shows SeedData");
        List<DynamicTest> tests = new ArrayList<>();
        for (Markdown.Block sample : samples) tests.add(DynamicTest.dynamicTest(sample.toString(), () -> run(sample, helpers)));
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

    private static Path write(Path dir, String className, String source) throws Exception {
        return Files.writeString(dir.resolve(className + ".java"), source, StandardCharsets.UTF_8);
    }

    /**
     * The sample as a class: its lines unchanged and in place, the class and {@code main} opened on
     * the line of its first statement, so javac's line numbers are the block's.
     */
    static String asClass(Markdown.Block block, String name) {
        StringBuilder source = new StringBuilder();
        boolean inMain = false;
        for (String line : block.text().split("\n", -1)) {
            boolean preamble = line.isBlank() || line.startsWith("import ");
            if (!inMain && !preamble) {
                source.append("public class ").append(name).append(" { public static void main(String[] args) throws Exception { ");
                inMain = true;
            } else if (inMain && line.startsWith("import ")) {
                throw new AssertionError(block + ": imports come first in a sample, not after its statements:\n  " + line);
            }
            source.append(line).append('\n');
        }
        return source.append("}}\n").toString();
    }

    private void run(Markdown.Block block, Path helpers) throws Exception {
        String name = "Sample_" + block.file().replaceAll("\\W", "_") + "_" + block.line();
        Path dir = Files.createDirectories(work.resolve(name));
        compile(block, write(dir, name, asClass(block, name)), dir, File.pathSeparator + helpers);

        PrintStream console = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        URL[] classPath = {dir.toUri().toURL(), helpers.toUri().toURL()};
        try (URLClassLoader loader = new URLClassLoader(classPath, getClass().getClassLoader())) {
            Method main = loader.loadClass(name).getMethod("main", String[].class);
            System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
            main.invoke(null, (Object) new String[0]);
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
     * Compiles a block's source file into {@code out}; a problem is reported at its line in the
     * Markdown page, and a warning fails as an error does.
     *
     * @param extraClassPath appended to the test's class path (the helpers), or empty
     */
    private static void compile(Markdown.Block block, Path file, Path out, String extraClassPath) throws Exception {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")) + extraClassPath;
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
            List<String> options = List.of("-classpath", classPath, "-d", out.toString(), "-proc:none",
                    "-Xlint:all,-options", "-encoding", "UTF-8");
            boolean ok = javac.getTask(null, files, diagnostics, options, null,
                    files.getJavaFileObjects(file.toFile())).call();
            List<String> problems = new ArrayList<>();
            for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
                if (d.getKind() == Diagnostic.Kind.NOTE) continue;
                problems.add(block.file() + ":" + (block.line() + d.getLineNumber() - 1) + ": "
                        + d.getKind() + " " + d.getMessage(Locale.ROOT));
            }
            if (!ok) fail("The sample at " + block + " does not compile as pasted:\n" + String.join("\n", problems)
                    + "\n--- generated source ---\n" + Files.readString(file));
            assertEquals(List.of(), problems, "The sample at " + block + " compiles with warnings");
        }
    }
}
