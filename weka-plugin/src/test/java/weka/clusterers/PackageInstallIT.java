// SPDX-License-Identifier: Apache-2.0
package weka.clusterers;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.DataInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The built package zip, installed offline into a fresh WEKA_HOME with Weka's package manager,
 * then used through {@code weka.Run} by a JVM that has only Weka on its class path.
 */
class PackageInstallIT {
    @TempDir
    static Path wekaHome;
    private static Path zip;
    private static Map<String, String> environment;
    private static ChildJvm.Result install;

    @BeforeAll
    static void install() throws Exception {
        zip = Path.of(System.getProperty("gmm4j.weka.zip"));
        assertTrue(Files.isRegularFile(zip), "the build made no package zip at " + zip);
        environment = Map.of("WEKA_HOME", wekaHome.toString());
        install = ChildJvm.run(ChildJvm.wekaOnlyClassPath(), environment, 180,
                "weka.core.WekaPackageManager", "-offline", "-install-package", zip.toString());
    }

    @Test
    void zipIsAFlatWekaPackage() throws Exception {
        try (ZipFile z = new ZipFile(zip.toFile())) {
            for (String entry : List.of("Description.props", "gmm4j.jar", "LICENSE", "NOTICE", "doc/README.txt",
                    "doc/index.html", "doc/weka/clusterers/GaussianMixture.html",
                    "src/main/java/weka/clusterers/GaussianMixture.java")) {
                assertNotNull(z.getEntry(entry), "no " + entry + " in the package zip");
            }
            assertTrue(z.stream().map(ZipEntry::getName).anyMatch(n -> n.matches("lib/gmm4j-core-.*\\.jar")), "core in lib/");
        }
        try (JarFile j = new JarFile(extract("gmm4j.jar").toFile())) {
            assertNotNull(j.getEntry("weka/clusterers/GaussianMixture.class"));
        }
    }

    /** Every key Weka's package repository expects, filled in by the build. */
    @Test
    void descriptionHasEveryKeyFilledIn() throws Exception {
        Properties props = new Properties();
        try (ZipFile z = new ZipFile(zip.toFile()); var in = z.getInputStream(z.getEntry("Description.props"))) {
            props.load(in);
        }
        for (String key : List.of("PackageName", "Version", "Date", "Title", "Category", "Author", "Maintainer",
                "License", "Description", "Changes", "URL", "PackageURL", "Depends", "JVMVersion")) {
            String value = props.getProperty(key);
            assertNotNull(value, "Description.props has no " + key);
            assertFalse(value.isBlank() || value.contains("${"), key + " not filled in: " + value);
        }
        String zipName = zip.getFileName().toString();
        assertEquals(zipName, props.getProperty("PackageName") + "-" + props.getProperty("Version") + ".zip");
        assertEquals("Apache-2.0", props.getProperty("License"));
        LocalDate built = LocalDate.parse(props.getProperty("Date"));
        assertTrue(Math.abs(ChronoUnit.DAYS.between(built, LocalDate.now(ZoneOffset.UTC))) <= 1, "Date " + built);
        for (String key : List.of("Author", "Maintainer")) {
            assertTrue(props.getProperty(key).matches(".+ <[^@<>\\s]+@[^@<>\\s]+>"), key + " has no contact: " + props.getProperty(key));
        }
        assertTrue(props.getProperty("URL").startsWith("https://"), props.getProperty("URL"));
        assertTrue(props.getProperty("PackageURL").matches("https://.+/releases/download/v"
                + Pattern.quote(props.getProperty("Version") + "/" + zipName)), props.getProperty("PackageURL"));
        assertTrue(props.getProperty("Changes").startsWith(props.getProperty("Version") + ": "), props.getProperty("Changes"));
        assertTrue(props.getProperty("Depends").matches("weka \\(>=3\\.8\\.\\d+\\)"), props.getProperty("Depends"));
        // Weka loads the package only on a JVM newer than JVMVersion: the one before the classes' target.
        int javaOfClasses;
        try (JarFile j = new JarFile(extract("gmm4j.jar").toFile());
             var in = new DataInputStream(j.getInputStream(j.getEntry("weka/clusterers/GaussianMixture.class")))) {
            in.readInt();
            in.readUnsignedShort();
            javaOfClasses = in.readUnsignedShort() - 44;
        }
        assertEquals(">" + (javaOfClasses - 1), props.getProperty("JVMVersion"));
    }

    /** The README tells users the name of the zip this build makes. */
    @Test
    void readmeNamesTheZip() throws Exception {
        String readme = Files.readString(Path.of(System.getProperty("gmm4j.data"), "..", "README.md"));
        assertTrue(readme.contains("weka-plugin/target/" + zip.getFileName()), "README.md does not name " + zip.getFileName());
    }

    private static Path extract(String entry) throws Exception {
        Path file = Files.createTempFile("gmm4j-package-", "-" + entry.replace('/', '_'));
        try (ZipFile z = new ZipFile(zip.toFile())) {
            Files.copy(z.getInputStream(z.getEntry(entry)), file, StandardCopyOption.REPLACE_EXISTING);
        }
        file.toFile().deleteOnExit();
        return file;
    }

    @Test
    void installsOfflineAndIsListed() throws Exception {
        assertEquals(0, install.exitCode(), install.output());
        Path installed = wekaHome.resolve("packages").resolve("gmm4j");
        assertTrue(Files.isRegularFile(installed.resolve("gmm4j.jar")), install.output());
        assertTrue(Files.isRegularFile(installed.resolve("Description.props")), install.output());
        ChildJvm.Result list = ChildJvm.run(ChildJvm.wekaOnlyClassPath(), environment, 120,
                "weka.core.WekaPackageManager", "-offline", "-list-packages", "installed");
        assertEquals(0, list.exitCode(), list.output());
        assertTrue(list.output().lines().anyMatch(l -> l.contains("gmm4j")), list.output());
    }

    @Test
    void runsThroughWekaRunFromThePackage() throws Exception {
        assertEquals(0, install.exitCode(), install.output());
        ChildJvm.Result run = ChildJvm.run(ChildJvm.wekaOnlyClassPath(), environment, 180,
                "weka.Run", "GaussianMixture", "-t", Path.of(System.getProperty("gmm4j.data"), "seed-example.arff").toString());
        assertEquals(0, run.exitCode(), run.output());
        String out = run.output();
        assertTrue(out.contains("Number of clusters: 2 (chosen by BIC among K = 1..10)"), out);
        assertTrue(out.contains("=== Clustering stats for training data ==="), out);
        assertTrue(out.contains("0      1000 ( 50%)") && out.contains("1      1000 ( 50%)"), out);
    }

    /**
     * Weka's -x makes each fold's clusterer with Class.forName, which does not see the packages: through
     * weka.Run it fails (as the docs say), and with the package's jars on the class path it works.
     */
    @Test
    void crossValidationWorksWithThePackagesJarsOnTheClassPath() throws Exception {
        assertEquals(0, install.exitCode(), install.output());
        String faithful = Path.of(System.getProperty("gmm4j.data"), "faithful.arff").toString();
        ChildJvm.Result throughRun = ChildJvm.run(ChildJvm.wekaOnlyClassPath(), environment, 180,
                "weka.Run", "GaussianMixture", "-t", faithful, "-N", "2", "-x", "5");
        assertTrue(throughRun.output().contains("Can't find class with name weka.clusterers.GaussianMixture"),
                "weka.Run -x works now: update docs/user-guide.md and doc/README.txt\n" + throughRun.output());

        Path installed = wekaHome.resolve("packages").resolve("gmm4j");
        String classPath = String.join(java.io.File.pathSeparator, ChildJvm.wekaOnlyClassPath(),
                installed.resolve("gmm4j.jar").toString(), installed.resolve("lib").resolve("*").toString());
        ChildJvm.Result direct = ChildJvm.run(classPath, environment, 180,
                "weka.clusterers.GaussianMixture", "-t", faithful, "-N", "2", "-x", "5");
        assertEquals(0, direct.exitCode(), direct.output());
        assertTrue(direct.output().matches("(?s).*5 fold CV Log Likelihood: -4\\.\\d+.*"), direct.output());
    }

    @Test
    void explorersClassListHasTheClusterer(@TempDir Path classes) throws Exception {
        assertEquals(0, install.exitCode(), install.output());
        // Only the lister class joins Weka on the class path: Weka's class discovery would load
        // every test class, and the clusterer must come from the installed package.
        String lister = ClustererChoices.class.getName().replace('.', '/') + ".class";
        Path copy = classes.resolve(lister);
        Files.createDirectories(copy.getParent());
        try (var in = ClustererChoices.class.getClassLoader().getResourceAsStream(lister)) {
            Files.copy(in, copy);
        }
        ChildJvm.Result list = ChildJvm.run(ChildJvm.wekaOnlyClassPath() + java.io.File.pathSeparator + classes,
                environment, 120, "-Djava.awt.headless=true", ClustererChoices.class.getName());
        assertEquals(0, list.exitCode(), list.output());
        assertTrue(List.of(list.output().split("\\R")).contains("weka.clusterers.GaussianMixture"), list.output());
    }
}
