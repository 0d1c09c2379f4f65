// SPDX-License-Identifier: Apache-2.0
package weka.gui.explorer;

import weka.clusterers.GaussianMixture;
import weka.core.Instances;
import weka.core.SelectedTag;
import weka.core.converters.ConverterUtils.DataSource;

import javax.imageio.ImageIO;
import javax.swing.JFrame;
import javax.swing.SwingUtilities;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.beans.Introspector;
import java.beans.PropertyDescriptor;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Drives a real Weka Explorer (run in its own JVM by {@link ExplorerGuiIT}, on a display): loads
 * an ARFF file, picks GaussianMixture in the Cluster tab's editor with options set through its
 * JavaBean properties (as the editor's property sheet does), chooses classes-to-clusters
 * evaluation, presses Start, waits for the run, and writes the output text and a PNG of the window.
 * Lives in {@code weka.gui.explorer} to reach the panel's protected widgets.
 *
 * <p>Arguments: the ARFF file, the file for the output text, the PNG file.
 */
public final class ExplorerDriver {
    private static final long RUN_TIMEOUT_MS = 120_000;

    private ExplorerDriver() {
    }

    public static void main(String[] args) throws Exception {
        Instances data = DataSource.read(args[0]);
        AtomicReference<JFrame> frame = new AtomicReference<>();
        AtomicReference<ClustererPanel> panel = new AtomicReference<>();
        SwingUtilities.invokeAndWait(() -> {
            Explorer explorer = new Explorer();
            JFrame window = new JFrame("Weka Explorer");
            window.getContentPane().add(explorer);
            window.setSize(1200, 850);
            window.setVisible(true);
            explorer.getPreprocessPanel().setInstances(data);
            for (Explorer.ExplorerPanel p : explorer.getPanels()) {
                if (p instanceof ClustererPanel c) panel.set(c);
            }
            explorer.getTabbedPane().setSelectedComponent(panel.get());
            frame.set(window);
        });
        ClustererPanel clusterers = panel.get();
        if (clusterers == null) throw new IllegalStateException("The Explorer has no Cluster tab.");

        GaussianMixture clusterer = new GaussianMixture();
        setProperty(clusterer, "numClusters", 3);
        setProperty(clusterer, "covarianceType", new SelectedTag(GaussianMixture.COVARIANCE_FULL, GaussianMixture.TAGS_COVARIANCE));
        setProperty(clusterer, "numRestarts", 2);
        SwingUtilities.invokeAndWait(() -> {
            clusterers.m_ClustererEditor.setValue(clusterer);
            clusterers.m_ClassesToClustersBut.doClick();
            clusterers.m_ClassCombo.setSelectedIndex(data.numAttributes() - 1);
            clusterers.m_StartBut.doClick();
        });
        waitForRun(clusterers);

        AtomicReference<String> output = new AtomicReference<>();
        AtomicReference<BufferedImage> image = new AtomicReference<>();
        Thread.sleep(500); // let the last repaint of the output area land before the capture
        SwingUtilities.invokeAndWait(() -> {
            output.set(clusterers.m_OutText.getText());
            JFrame window = frame.get();
            BufferedImage png = new BufferedImage(window.getWidth(), window.getHeight(), BufferedImage.TYPE_INT_RGB);
            Graphics2D g = png.createGraphics();
            window.paint(g);
            g.dispose();
            image.set(png);
        });
        Files.writeString(Path.of(args[1]), output.get(), StandardCharsets.UTF_8);
        ImageIO.write(image.get(), "png", Path.of(args[2]).toFile());
        System.out.println("Explorer run done: " + clusterers.m_CLPanel.getToolTipText());
        System.exit(0); // the Explorer keeps non-daemon threads alive
    }

    /** Sets a bean property the way the GenericObjectEditor's property sheet does: through its write method. */
    private static void setProperty(Object bean, String name, Object value) throws Exception {
        for (PropertyDescriptor p : Introspector.getBeanInfo(bean.getClass()).getPropertyDescriptors()) {
            if (p.getName().equals(name) && p.getWriteMethod() != null) {
                p.getWriteMethod().invoke(bean, value);
                return;
            }
        }
        throw new IllegalArgumentException("No writable property '" + name + "' on " + bean.getClass().getName());
    }

    private static void waitForRun(ClustererPanel panel) throws Exception {
        long deadline = System.currentTimeMillis() + RUN_TIMEOUT_MS;
        Thread.sleep(200);
        while (true) {
            AtomicReference<Boolean> running = new AtomicReference<>();
            SwingUtilities.invokeAndWait(() -> running.set(panel.m_RunThread != null || !panel.m_StartBut.isEnabled()));
            if (!running.get()) return;
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("The clusterer run did not finish within " + RUN_TIMEOUT_MS + " ms.");
            }
            Thread.sleep(100);
        }
    }
}
