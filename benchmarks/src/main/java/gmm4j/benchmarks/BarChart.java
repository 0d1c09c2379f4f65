// SPDX-License-Identifier: Apache-2.0
package gmm4j.benchmarks;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * docs/images/benchmark.png: seconds per iteration, one group of bars per problem, one colour per
 * library, on a log scale (the libraries differ by orders of magnitude). Plain Java2D: no dependency.
 */
final class BarChart {
    private static final int BAR = 14, GAP = 4, GROUP_GAP = 30, LEFT = 70, TOP = 50, PLOT_HEIGHT = 360, BOTTOM = 110;
    private static final Color[] PALETTE = {new Color(0x1b9e77), new Color(0xd95f02), new Color(0x7570b3),
            new Color(0xe7298a), new Color(0x666666), new Color(0xe6ab02), new Color(0xa6761d)};

    private BarChart() {
    }

    static void write(List<Measurement> measurements, Path file) throws IOException {
        List<Measurement> shown = measurements.stream().filter(Measurement::measured).toList();
        Map<Problem, List<Measurement>> groups = new LinkedHashMap<>();
        for (Measurement m : shown) groups.computeIfAbsent(m.problem(), p -> new ArrayList<>()).add(m);
        Set<String> libraries = new LinkedHashSet<>();
        for (Measurement m : shown) libraries.add(m.library());
        List<String> legend = List.copyOf(libraries);

        double min = shown.stream().mapToDouble(Measurement::secondsPerIteration).min().orElse(1e-3);
        double max = shown.stream().mapToDouble(Measurement::secondsPerIteration).max().orElse(1);
        int lowDecade = (int) Math.floor(Math.log10(min)), highDecade = (int) Math.ceil(Math.log10(max));
        if (highDecade == lowDecade) highDecade++;

        int width = LEFT + 20;
        for (List<Measurement> g : groups.values()) width += g.size() * (BAR + GAP) + GROUP_GAP;
        width = Math.max(width, 640);
        int height = TOP + PLOT_HEIGHT + BOTTOM;
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        g.drawString("Seconds per EM iteration (log scale; Smile: per call)", LEFT, 22);

        int baseline = TOP + PLOT_HEIGHT;
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        for (int decade = lowDecade; decade <= highDecade; decade++) {
            int y = y(Math.pow(10, decade), lowDecade, highDecade, baseline);
            g.setColor(new Color(0xdddddd));
            g.drawLine(LEFT, y, width - 10, y);
            g.setColor(Color.BLACK);
            g.drawString(Report.seconds(Math.pow(10, decade)) + " s", 8, y + 4);
        }
        g.setStroke(new BasicStroke(1));
        g.drawLine(LEFT, TOP, LEFT, baseline);

        int x = LEFT + 10;
        for (var entry : groups.entrySet()) {
            int groupStart = x;
            for (Measurement m : entry.getValue()) {
                int top = y(m.secondsPerIteration(), lowDecade, highDecade, baseline);
                g.setColor(PALETTE[legend.indexOf(m.library()) % PALETTE.length]);
                g.fillRect(x, top, BAR, baseline - top);
                drawRotated(g, m.variant(), x + BAR - 3, baseline + 6);
                x += BAR + GAP;
            }
            g.setColor(Color.BLACK);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 11));
            g.drawString(entry.getKey().label(), groupStart, height - 12);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
            x += GROUP_GAP;
        }
        int lx = LEFT + 10;
        for (int i = 0; i < legend.size(); i++) {
            g.setColor(PALETTE[i % PALETTE.length]);
            g.fillRect(lx, 30, 10, 10);
            g.setColor(Color.BLACK);
            g.drawString(legend.get(i), lx + 14, 40);
            lx += g.getFontMetrics().stringWidth(legend.get(i)) + 30;
        }
        g.dispose();
        ImageIO.write(image, "png", file.toFile());
    }

    private static int y(double seconds, int lowDecade, int highDecade, int baseline) {
        double fraction = (Math.log10(seconds) - lowDecade) / (highDecade - lowDecade);
        return baseline - (int) Math.round(fraction * PLOT_HEIGHT);
    }

    private static void drawRotated(Graphics2D g, String text, int x, int y) {
        AffineTransform saved = g.getTransform();
        g.translate(x, y);
        g.rotate(Math.PI / 2);
        g.setColor(Color.DARK_GRAY);
        g.drawString(text, 0, 0);
        g.setTransform(saved);
    }
}
