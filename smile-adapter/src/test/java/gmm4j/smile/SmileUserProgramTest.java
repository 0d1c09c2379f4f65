// SPDX-License-Identifier: Apache-2.0
package gmm4j.smile;

import gmm4j.CovarianceType;
import gmm4j.Criterion;
import gmm4j.Initialization;
import org.junit.jupiter.api.Test;
import smile.clustering.Clustering;
import smile.math.MathEx;
import smile.stat.distribution.MultivariateGaussianMixture;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a Smile user writes, as the README shows it: fit, predict, keep the options as properties,
 * take the best of ten runs, and get a better fit than Smile's own Gaussian mixture.
 */
class SmileUserProgramTest {

    @Test
    void seedExample() {
        userProgram(TestData.seedExample(), 2);
    }

    @Test
    void iris() {
        userProgram(TestData.iris(), 3);
    }

    /** The README's Smile example, line for line, with the assertions that make it a test. */
    private static void userProgram(double[][] data, int k) {
        double[] x = data[0];

        MathEx.setSeed(42);
        List<GaussianMixtureClustering> runs = new ArrayList<>();
        var model = Clustering.run(10, () -> record(runs, GaussianMixtureClustering.fit(data, k)));
        int[] labels = model.group();
        double[] posteriori = new double[model.k()];
        int label = model.predict(x, posteriori);

        assertEquals(10, runs.size());
        assertSame(runs.stream().max(Comparator.comparingDouble(GaussianMixtureClustering::logLikelihood)).orElseThrow(),
                model, "Clustering.run keeps the fit of highest log-likelihood");
        assertTrue(model.converged(), "EM runs until the log-likelihood settles");
        assertEquals(data.length, labels.length);
        assertEquals(labels[0], label);
        assertEquals(1, Arrays.stream(posteriori).sum(), 1E-12);
        assertEquals(Arrays.stream(posteriori).max().orElseThrow(), posteriori[label]);

        MultivariateGaussianMixture smiles = MultivariateGaussianMixture.fit(k, data);
        double smilesLogLikelihood = Arrays.stream(data).mapToDouble(smiles::logp).sum();
        assertTrue(model.logLikelihood() > smilesLogLikelihood,
                "gmm4j " + model.logLikelihood() + " must beat Smile's " + smilesLogLikelihood);

        var options = new GaussianMixtureClustering.Options(k, CovarianceType.DIAGONAL, 200, 1e-4, 1e-6,
                5 /* restarts */, Initialization.KMEANS, 7 /* seed */, 0 /* threads: all cores */, null /* controller */);
        Properties props = options.toProperties();
        var fromProps = GaussianMixtureClustering.fit(data, GaussianMixtureClustering.Options.of(props));

        assertEquals(options, GaussianMixtureClustering.Options.of(props));
        assertArrayEquals(GaussianMixtureClustering.fit(data, options).means(), fromProps.means());
        assertEquals(CovarianceType.DIAGONAL, fromProps.covarianceType());

        var selection = GaussianMixtureClustering.select(data, 1, 8, Criterion.BIC, options, CovarianceType.scikitLearnTypes());

        assertEquals(8 * CovarianceType.scikitLearnTypes().length, selection.scores().size());
        assertTrue(selection.model().logLikelihood() > smilesLogLikelihood);
        assertTrue(selection.toString().contains("chosen by BIC"));
    }

    private static <T> T record(List<T> runs, T fit) {
        synchronized (runs) {
            runs.add(fit);
        }
        return fit;
    }
}
