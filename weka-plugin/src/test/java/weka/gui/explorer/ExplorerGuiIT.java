// SPDX-License-Identifier: Apache-2.0
package weka.gui.explorer;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import weka.clusterers.ChildJvm;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The real Explorer on a display: the current one ({@code DISPLAY}), else a private Xvfb this test
 * starts. Skipped, saying why, only when neither exists. The Explorer runs in a child JVM with a
 * time limit, so a stuck GUI fails the test instead of hanging the build.
 */
class ExplorerGuiIT {
    private static Process xvfb;
    private static String display;

    @BeforeAll
    static void findDisplay() throws Exception {
        display = System.getenv("DISPLAY");
        if (display != null && !display.isBlank()) return;
        Path binary = Path.of("/usr/bin/Xvfb");
        Assumptions.assumeTrue(Files.isExecutable(binary),
                "Skipped: no DISPLAY and no Xvfb (install Debian's xvfb package; .ci/run does) - the Explorer cannot be shown.");
        // -displayfd: Xvfb picks a free display and prints its number once it accepts clients.
        xvfb = new ProcessBuilder(binary.toString(), "-displayfd", "1", "-screen", "0", "1280x1024x24", "-nolisten", "tcp")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        CompletableFuture<String> number = CompletableFuture.supplyAsync(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(xvfb.getInputStream(), StandardCharsets.UTF_8))) {
                return r.readLine();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        String line = number.get(30, TimeUnit.SECONDS);
        Assumptions.assumeTrue(line != null && line.strip().matches("\\d+"),
                "Skipped: Xvfb did not start a display (it printed '" + line + "').");
        display = ":" + line.strip();
    }

    @AfterAll
    static void stopXvfb() throws InterruptedException {
        if (xvfb != null) {
            xvfb.destroy();
            if (!xvfb.waitFor(10, TimeUnit.SECONDS)) xvfb.destroyForcibly();
        }
    }

    @Test
    void clustersIrisInTheExplorersClusterTab(@TempDir Path dir) throws Exception {
        Path output = dir.resolve("output.txt");
        Path screenshot = Path.of(System.getProperty("gmm4j.screenshot"));
        Files.createDirectories(screenshot.getParent());
        Files.deleteIfExists(screenshot);
        Map<String, String> environment = new HashMap<>();
        environment.put("DISPLAY", display);
        environment.put("WEKA_HOME", dir.resolve("wekafiles").toString());
        ChildJvm.Result run = ChildJvm.run(ChildJvm.testClassPath(), environment, 240,
                ExplorerDriver.class.getName(), Path.of(System.getProperty("gmm4j.data"), "iris.arff").toString(),
                output.toString(), screenshot.toString());
        assertEquals(0, run.exitCode(), run.output());

        String text = Files.readString(output, StandardCharsets.UTF_8);
        assertTrue(text.contains("Scheme:       weka.clusterers.GaussianMixture -N 3 -min 1 -max 10 -C full"), text);
        assertTrue(text.contains("-n-init 2"), text);
        assertTrue(text.contains("Number of clusters: 3"), text);
        assertTrue(text.contains("Classes to Clusters:"), text);
        assertTrue(text.contains("Incorrectly clustered instances :\t5.0"), text);

        BufferedImage image = ImageIO.read(screenshot.toFile());
        assertEquals(1200, image.getWidth());
        assertEquals(850, image.getHeight());
        assertTrue(distinctColours(image) > 20, "the screenshot is blank");
    }

    private static long distinctColours(BufferedImage image) {
        java.util.Set<Integer> colours = new java.util.HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 4) {
            for (int x = 0; x < image.getWidth(); x += 4) colours.add(image.getRGB(x, y));
        }
        return colours.size();
    }
}
