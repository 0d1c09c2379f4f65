package gmm4j.smile;

import gmm4j.CovarianceType;
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

    private static void userProgram(double[][] data, int k) {
        MathEx.setSeed(19650218);

        var options = new GaussianMixtureClustering.Options(k, CovarianceType.FULL, 200, 1E-4, 1E-6, 1,
                Initialization.KMEANS, MathEx.randomLong(), 0, null);
        Properties saved = options.toProperties();
        var restored = GaussianMixtureClustering.Options.of(saved);
        assertEquals(options, restored);

        var once = GaussianMixtureClustering.fit(data, restored);
        assertEquals(k, once.k());
        assertTrue(once.converged(), "EM runs until the log-likelihood settles");
        assertEquals(Arrays.stream(once.weights()).sum(), 1, 1E-12);

        double[] posteriori = new double[k];
        int label = once.predict(data[0], posteriori);
        assertEquals(once.group(0), label);
        assertEquals(Arrays.stream(posteriori).sum(), 1, 1E-12);
        assertTrue(posteriori[label] >= Arrays.stream(posteriori).max().orElseThrow());

        List<GaussianMixtureClustering> runs = new ArrayList<>();
        var best = Clustering.run(10, () -> {
            var fit = GaussianMixtureClustering.fit(data, k);
            synchronized (runs) {
                runs.add(fit);
            }
            return fit;
        });
        assertEquals(10, runs.size());
        assertSame(runs.stream().max(Comparator.comparingDouble(GaussianMixtureClustering::logLikelihood)).orElseThrow(),
                best, "Clustering.run keeps the fit of highest log-likelihood");

        MultivariateGaussianMixture smiles = MultivariateGaussianMixture.fit(k, data);
        double smilesLogLikelihood = Arrays.stream(data).mapToDouble(smiles::logp).sum();
        assertTrue(best.logLikelihood() > smilesLogLikelihood,
                "gmm4j " + best.logLikelihood() + " must beat Smile's " + smilesLogLikelihood);
        assertTrue(once.logLikelihood() > smilesLogLikelihood,
                "a single gmm4j fit " + once.logLikelihood() + " must beat Smile's " + smilesLogLikelihood);
    }
}
