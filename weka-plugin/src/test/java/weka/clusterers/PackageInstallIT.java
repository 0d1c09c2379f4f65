package weka.clusterers;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
            assertNotNull(z.getEntry("Description.props"));
            assertNotNull(z.getEntry("gmm4j.jar"));
            assertTrue(z.stream().map(ZipEntry::getName).anyMatch(n -> n.matches("lib/gmm4j-core-.*\\.jar")), "core in lib/");
            assertNotNull(z.getEntry("doc/README.txt"));
        }
        Path jar = Files.createTempFile("gmm4j", ".jar");
        try (ZipFile z = new ZipFile(zip.toFile())) {
            Files.copy(z.getInputStream(z.getEntry("gmm4j.jar")), jar, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        try (JarFile j = new JarFile(jar.toFile())) {
            assertNotNull(j.getEntry("weka/clusterers/GaussianMixture.class"));
        } finally {
            Files.delete(jar);
        }
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
