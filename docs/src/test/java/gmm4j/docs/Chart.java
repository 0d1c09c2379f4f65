// SPDX-License-Identifier: Apache-2.0
package gmm4j.docs;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.geom.AffineTransform;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A minimal x–y chart drawn with Java2D (no dependency): axes with round ticks, a title, axis
 * labels, polylines, dots and a legend, written as a PNG.
 */
final class Chart {
    static final Color[] PALETTE = {new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c),
            new Color(0xff7f0e), new Color(0x9467bd)};
    static final Stroke SOLID = new BasicStroke(2f);
    static final Stroke DASHED = new BasicStroke(1.6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[]{7f, 5f}, 0f);

    private static final int LEFT = 80;
    private static final int RIGHT = 30;
    private static final int TOP = 50;
    private static final int BOTTOM = 60;

    final BufferedImage image;
    final Graphics2D g;
    private final double x0;
    private final double x1;
    private final double y0;
    private final double y1;
    private int legendRow;

    /** A chart of the data range [x0, x1] × [y0, y1], widened to round ticks. */
    Chart(int width, int height, double x0, double x1, double y0, double y1, String title, String xLabel, String yLabel) {
        this.image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        this.g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        double xStep = step(x1 - x0);
        double yStep = step(y1 - y0);
        this.x0 = Math.floor(x0 / xStep) * xStep;
        this.x1 = Math.ceil(x1 / xStep) * xStep;
        this.y0 = Math.floor(y0 / yStep) * yStep;
        this.y1 = Math.ceil(y1 / yStep) * yStep;
        axes(xStep, yStep, title, xLabel, yLabel);
    }

    /** A round tick spacing giving four to ten ticks. */
    static double step(double range) {
        double raw = range / 6;
        double power = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double m : new double[]{1, 2, 2.5, 5, 10}) if (m * power >= raw) return m * power;
        return 10 * power;
    }

    int px(double x) {
        return (int) Math.round(LEFT + (x - x0) / (x1 - x0) * (image.getWidth() - LEFT - RIGHT));
    }

    int py(double y) {
        return (int) Math.round(image.getHeight() - BOTTOM - (y - y0) / (y1 - y0) * (image.getHeight() - TOP - BOTTOM));
    }

    private void axes(double xStep, double yStep, String title, String xLabel, String yLabel) {
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        FontMetrics fm = g.getFontMetrics();
        g.setStroke(new BasicStroke(1f));
        for (double x = x0; x <= x1 + xStep / 2; x += xStep) {
            g.setColor(new Color(0xeeeeee));
            g.drawLine(px(x), py(y0), px(x), py(y1));
            g.setColor(Color.DARK_GRAY);
            String label = tick(x, xStep);
            g.drawString(label, px(x) - fm.stringWidth(label) / 2, py(y0) + fm.getAscent() + 6);
        }
        for (double y = y0; y <= y1 + yStep / 2; y += yStep) {
            g.setColor(new Color(0xeeeeee));
            g.drawLine(px(x0), py(y), px(x1), py(y));
            g.setColor(Color.DARK_GRAY);
            String label = tick(y, yStep);
            g.drawString(label, px(x0) - fm.stringWidth(label) - 8, py(y) + fm.getAscent() / 2 - 1);
        }
        g.setColor(Color.GRAY);
        g.drawRect(px(x0), py(y1), px(x1) - px(x0), py(y0) - py(y1));
        g.setColor(Color.BLACK);
        g.drawString(xLabel, (px(x0) + px(x1) - fm.stringWidth(xLabel)) / 2, image.getHeight() - 15);
        AffineTransform saved = g.getTransform();
        g.rotate(-Math.PI / 2);
        g.drawString(yLabel, -(py(y0) + py(y1) + fm.stringWidth(yLabel)) / 2, 22);
        g.setTransform(saved);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        g.drawString(title, (image.getWidth() - g.getFontMetrics().stringWidth(title)) / 2, 30);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
    }

    private static String tick(double v, double step) {
        if (Math.abs(v) < step * 1e-9) v = 0;
        return step >= 1 && Math.rint(v) == v ? String.valueOf((long) v) : String.format(java.util.Locale.ROOT, "%.1f", v);
    }

    /** A filled dot of radius r pixels. */
    void dot(double x, double y, double r, Color colour) {
        g.setColor(colour);
        g.fill(new java.awt.geom.Ellipse2D.Double(px(x) - r, py(y) - r, 2 * r, 2 * r));
    }

    /** A polyline through the points (closed when asked). */
    void line(double[] xs, double[] ys, Color colour, Stroke stroke, boolean closed) {
        Path2D.Double path = new Path2D.Double();
        path.moveTo(px(xs[0]), py(ys[0]));
        for (int i = 1; i < xs.length; i++) path.lineTo(px(xs[i]), py(ys[i]));
        if (closed) path.closePath();
        draw(path, colour, stroke);
    }

    private void draw(Shape shape, Color colour, Stroke stroke) {
        Shape clip = g.getClip();
        g.clipRect(px(x0), py(y1), px(x1) - px(x0), py(y0) - py(y1));
        g.setColor(colour);
        g.setStroke(stroke);
        g.draw(shape);
        g.setClip(clip);
    }

    /** A legend entry in the top-right corner: a line sample (or a dot when stroke is null) and a label. */
    void legend(String label, Color colour, Stroke stroke) {
        FontMetrics fm = g.getFontMetrics();
        int x = px(x1) - 230;
        int y = py(y1) + 20 + 20 * legendRow++;
        g.setColor(new Color(255, 255, 255, 220));
        g.fillRect(x - 6, y - 12, 226, 20);
        g.setColor(colour);
        if (stroke == null) {
            g.fillOval(x + 11, y - 5, 8, 8);
        } else {
            g.setStroke(stroke);
            g.draw(new Line2D.Double(x, y - 1, x + 30, y - 1));
        }
        g.setColor(Color.BLACK);
        g.drawString(label, x + 40, y + fm.getAscent() / 2 - 2);
    }

    /** Writes the chart as a PNG. */
    void write(Path file) throws IOException {
        g.dispose();
        Files.createDirectories(file.getParent());
        if (!ImageIO.write(image, "png", file.toFile())) throw new IOException("No PNG writer");
    }

    /**
     * The points of the ellipse {x : (x − μ)ᵀ Σ⁻¹ (x − μ) = r²}, for a 2×2 covariance: the r-sigma
     * contour of a 2-D Gaussian.
     */
    static double[][] ellipse(double[] mean, double[][] cov, double r, int points) {
        double a = cov[0][0], b = cov[0][1], d = cov[1][1];
        double half = (a + d) / 2;
        double root = Math.sqrt(Math.max(0, (a - d) * (a - d) / 4 + b * b));
        double l1 = half + root, l2 = Math.max(0, half - root);
        double angle = Math.atan2(l1 - a, b);
        if (b == 0) angle = a >= d ? 0 : Math.PI / 2;
        double c = Math.cos(angle), s = Math.sin(angle);
        double[][] xy = new double[2][points];
        for (int i = 0; i < points; i++) {
            double t = 2 * Math.PI * i / points;
            double u = r * Math.sqrt(l1) * Math.cos(t), v = r * Math.sqrt(l2) * Math.sin(t);
            xy[0][i] = mean[0] + c * u - s * v;
            xy[1][i] = mean[1] + s * u + c * v;
        }
        return xy;
    }
}
