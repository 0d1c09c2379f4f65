// SPDX-License-Identifier: Apache-2.0
package gmm4j.docs;

import gmm4j.CovarianceType;
import gmm4j.Criterion;
import gmm4j.Dataset;
import gmm4j.GaussianMixture;
import gmm4j.GaussianMixtureModel;
import gmm4j.ModelSelection;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Draws the documentation's figures again from real fits of the seed example, into docs/images,
 * and checks the fits they show.
 */
class FiguresTest {
    private static final Path IMAGES = Path.of(System.getProperty("gmm4j.images", "docs/images"));
    private static final Color[] POINT_COLOURS = {new Color(31, 119, 180, 70), new Color(214, 39, 40, 70),
            new Color(44, 160, 44, 70), new Color(255, 127, 14, 70)};

    /** The seed example with the fitted 1-, 2- and 3-sigma ellipses and the true ones. */
    @Test
    void seedExampleFit() throws Exception {
        double[][] rows = SeedExample.rows();
        GaussianMixtureModel model = GaussianMixture.builder()
                .components(2).covariance(CovarianceType.FULL).restarts(3).seed(42)
                .build().fit(Dataset.of(rows));
        // components come in no particular order: match each to the nearer true mean
        int first = distance(model.means()[0], SeedExample.TRUE_MEANS[0]) < distance(model.means()[1], SeedExample.TRUE_MEANS[0]) ? 0 : 1;
        for (int c = 0; c < 2; c++) {
            int fitted = c == 0 ? first : 1 - first;
            double[] mean = model.means()[fitted];
            for (int j = 0; j < 2; j++) {
                assertEquals(SeedExample.TRUE_MEANS[c][j], mean[j], 0.05, "mean " + c);
                for (int l = 0; l < 2; l++) {
                    assertEquals(SeedExample.TRUE_COVARIANCES[c][j][l], model.covariances()[fitted][j][l], 0.1, "covariance " + c);
                }
            }
            assertEquals(0.5, model.weights()[fitted], 0.02);
        }
        assertTrue(model.converged());

        Chart chart = new Chart(800, 640, -0.5, 8, 0, 8.5, "Seed example: 2000 points, two fitted Gaussians", "x", "y");
        int[] labels = model.predict(Dataset.of(rows));
        for (int i = 0; i < rows.length; i++) chart.dot(rows[i][0], rows[i][1], 2.2, POINT_COLOURS[labels[i] == first ? 0 : 1]);
        for (int c = 0; c < 2; c++) {
            int fitted = c == 0 ? first : 1 - first;
            for (int r = 1; r <= 3; r++) {
                double[][] e = Chart.ellipse(model.means()[fitted], model.covariances()[fitted], r, 200);
                chart.line(e[0], e[1], Chart.PALETTE[c], Chart.SOLID, true);
                double[][] t = Chart.ellipse(SeedExample.TRUE_MEANS[c], SeedExample.TRUE_COVARIANCES[c], r, 200);
                chart.line(t[0], t[1], Color.BLACK, Chart.DASHED, true);
            }
        }
        chart.legend("fitted 1, 2, 3 σ (component 1)", Chart.PALETTE[0], Chart.SOLID);
        chart.legend("fitted 1, 2, 3 σ (component 2)", Chart.PALETTE[1], Chart.SOLID);
        chart.legend("true 1, 2, 3 σ", Color.BLACK, Chart.DASHED);
        Path file = IMAGES.resolve("seed-example-fit.png");
        chart.write(file);
        assertDrawn(file, 800, 640);
    }

    /** BIC against K for each covariance type: the minimum is K = 2 with full covariances. */
    @Test
    void bicAgainstK() throws Exception {
        ModelSelection.Result result = ModelSelection.builder()
                .components(1, 8)
                .covariances(CovarianceType.scikitLearnTypes())
                .criterion(Criterion.BIC)
                .settings(GaussianMixture.builder().restarts(3).seed(42).build())
                .build()
                .select(Dataset.of(SeedExample.rows()));
        assertEquals(2, result.best().components());
        assertEquals(CovarianceType.FULL, result.best().covariance());

        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (ModelSelection.Score s : result.scores()) {
            assertTrue(s.scored(), s.toString()); // 2 000 rows: no candidate of K ≤ 8 is singular
            lo = Math.min(lo, s.bic());
            hi = Math.max(hi, s.bic());
        }
        Chart chart = new Chart(800, 520, 1, 8, lo, hi, "BIC of the seed example against K (lower is better)",
                "number of components K", "BIC");
        CovarianceType[] types = CovarianceType.scikitLearnTypes();
        for (int t = 0; t < types.length; t++) {
            CovarianceType type = types[t];
            List<ModelSelection.Score> line = result.scores().stream().filter(s -> s.covariance() == type).toList();
            double[] k = line.stream().mapToDouble(ModelSelection.Score::components).toArray();
            double[] bic = line.stream().mapToDouble(ModelSelection.Score::bic).toArray();
            assertEquals(8, k.length, type + " has a score for every K");
            chart.line(k, bic, Chart.PALETTE[t], Chart.SOLID, false);
            for (int i = 0; i < k.length; i++) chart.dot(k[i], bic[i], 3.5, Chart.PALETTE[t]);
            chart.legend(type.name().toLowerCase(Locale.ROOT), Chart.PALETTE[t], Chart.SOLID);
        }
        ModelSelection.Score best = result.best();
        chart.dot(best.components(), best.bic(), 8, new Color(0, 0, 0, 90));
        chart.legend("chosen: K = 2, full", new Color(0, 0, 0, 90), null);
        Path file = IMAGES.resolve("bic-vs-k.png");
        chart.write(file);
        assertDrawn(file, 800, 520);
    }

    /** The four covariance types on the seed example with K = 2: what each constraint does to the ellipses. */
    @Test
    void covarianceTypes() throws Exception {
        double[][] rows = SeedExample.rows();
        BufferedImage grid = new BufferedImage(1000, 800, BufferedImage.TYPE_INT_RGB);
        var g = grid.createGraphics();
        CovarianceType[] types = CovarianceType.scikitLearnTypes();
        for (int t = 0; t < types.length; t++) {
            GaussianMixtureModel model = GaussianMixture.builder().components(2).covariance(types[t]).restarts(3).seed(42)
                    .build().fit(Dataset.of(rows));
            assertTrue(model.converged(), types[t] + " converged");
            Chart chart = new Chart(500, 400, -0.5, 8, 0, 8.5,
                    String.format(Locale.ROOT, "%s: BIC %.0f", types[t].name().toLowerCase(Locale.ROOT), model.bic()), "x", "y");
            int[] labels = model.predict(Dataset.of(rows));
            for (int i = 0; i < rows.length; i++) chart.dot(rows[i][0], rows[i][1], 1.6, POINT_COLOURS[labels[i]]);
            for (int c = 0; c < 2; c++) {
                for (int r = 1; r <= 2; r++) {
                    double[][] e = Chart.ellipse(model.means()[c], model.covariances()[c], r, 200);
                    chart.line(e[0], e[1], Chart.PALETTE[c], Chart.SOLID, true);
                }
            }
            chart.g.dispose();
            g.drawImage(chart.image, (t % 2) * 500, (t / 2) * 400, null);
        }
        g.dispose();
        Path file = IMAGES.resolve("covariance-types.png");
        java.nio.file.Files.createDirectories(file.getParent());
        ImageIO.write(grid, "png", file.toFile());
        assertDrawn(file, 1000, 800);
    }

    private static double distance(double[] a, double[] b) {
        return Math.hypot(a[0] - b[0], a[1] - b[1]);
    }

    /** The PNG exists, has the size drawn and is not blank. */
    private static void assertDrawn(Path file, int width, int height) throws Exception {
        BufferedImage image = ImageIO.read(file.toFile());
        assertEquals(width, image.getWidth());
        assertEquals(height, image.getHeight());
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < height; y += 2) for (int x = 0; x < width; x += 2) colours.add(image.getRGB(x, y));
        assertTrue(colours.size() > 50, file + " looks blank: " + colours.size() + " colours");
    }
}
