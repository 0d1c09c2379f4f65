// SPDX-License-Identifier: Apache-2.0
package gmm4j;

import gmm4j.internal.FitRequest;
import gmm4j.internal.Mixture;
import gmm4j.internal.NoiseBox;
import gmm4j.internal.NoiseStarts;
import gmm4j.internal.Parallel;
import gmm4j.internal.RepairLog;
import gmm4j.internal.Restarts;
import gmm4j.internal.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The noise component against R mclust 6 (reference made by
 * {@code src/test/resources/mclust/make-noise-reference.R}): the volume V equals {@code hypvol} on
 * three data sets (two where the principal components' box is the smaller, one where the bounding
 * box is), and EM with noise from mclust's start (its M-step of responsibilities with a noise column)
 * follows {@code me(..., Vinv = 1/hypvol(data))} iteration for iteration: log-likelihoods, weights
 * (the noise's too), means and covariances to 1e-8 relatively, without regularisation; the parameter
 * count and BIC are mclust's ({@code nMclustParams(..., noise = TRUE)}, its BIC of the opposite sign).
 */
class MclustNoiseTest {
    static final Map<String, Object> ROOT = Json.resource("/mclust/mclust-noise-reference.json");

    /** faithful, iris, or faithful with the reference's outlying rows appended. */
    static double[][] rows(String dataSet) {
        if (!dataSet.equals("faithful+outliers")) return MclustReference.rows(dataSet);
        double[][] faithful = MclustReference.rows("faithful");
        double[] outliers = Json.flat(ROOT.get("outliers"));
        double[][] rows = java.util.Arrays.copyOf(faithful, faithful.length + outliers.length / 2);
        for (int o = 0; o < outliers.length / 2; o++) rows[faithful.length + o] = new double[]{outliers[2 * o], outliers[2 * o + 1]};
        return rows;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(String key) {
        return (List<Map<String, Object>>) ROOT.get(key);
    }

    @Test
    void theVolumeIsMclustsHypvol() {
        for (Map<String, Object> v : list("volumes")) {
            String dataSet = (String) v.get("data");
            NoiseBox box = NoiseStarts.box(Dataset.of(rows(dataSet)).table());
            double hypvol = scalar(v, "hypvol");
            assertEquals(hypvol, Math.exp(box.logVolume()), 1e-10 * hypvol, dataSet);
            boolean principal = scalar(v, "principal") < scalar(v, "box");
            assertEquals(principal, box.axes()[0][0] != 1, dataSet + ": the principal components' box is the smaller");
        }
    }

    static Stream<Arguments> cases() {
        return list("cases").stream().map(c -> Arguments.of(c.get("data"), c.get("model"), (int) Json.number(c, "G"), c));
    }

    @ParameterizedTest(name = "{0} {1} G={2}")
    @MethodSource("cases")
    void followsMclustIterationForIteration(String dataSet, String model, int k, Map<String, Object> reference) {
        double[][] rows = rows(dataSet);
        int n = rows.length, d = rows[0].length;
        Table t = Dataset.of(rows).table();
        CovarianceType type = CovarianceType.parse(model);
        int iterations = (int) Json.number(ROOT, "iterations");
        Map<String, Object> startValues = Json.object(reference, "start");
        double[] pro = Json.flat(startValues.get("weights"));
        StartingParameters gaussians = MclustReference.parameters(withoutNoise(startValues, k), k, d);
        double[][] flatCovariances = new double[k][];
        for (int c = 0; c < k; c++) flatCovariances[c] = MclustReference.flat(gaussians.covariances()[c]);
        Mixture start = NoiseStarts.withNoise(Mixture.of(type, gaussians.weights(), gaussians.means(), flatCovariances,
                t.levels, Double.MIN_NORMAL, RepairLog.IGNORE), t, pro[k]);
        List<Double> trajectory = new ArrayList<>();
        FitSettings settings = GaussianMixture.builder().components(k).covariance(type).noise(true)
                .maxIterations(iterations).tolerance(0).regularization(0)
                .listener((restart, iteration, meanLogLikelihood) -> trajectory.add(meanLogLikelihood * n))
                .build().settings();
        GaussianMixtureModel fit;
        try (Parallel parallel = new Parallel(1)) {
            fit = new GaussianMixtureModel(Restarts.run(t, new FitRequest(settings, start, null), parallel),
                    t.totalWeight, t.emptyRows);
        }

        assertEquals(1 / scalar(reference, "Vinv"), fit.noiseVolume(), 1e-10 / scalar(reference, "Vinv"), "V");
        double[] expected = Json.flat(reference.get("loglik"));
        assertEquals(iterations, trajectory.size());
        for (int i = 0; i < iterations; i++) {
            assertEquals(expected[i], trajectory.get(i), 1e-8 * Math.abs(expected[i]), "log-likelihood after " + (i + 1));
        }
        assertEquals(expected[iterations], fit.logLikelihood(), 1e-8 * Math.abs(expected[iterations]), "final log-likelihood");
        Map<String, Object> after = Json.object(reference, "after");
        double[] weights = Json.flat(after.get("weights"));
        StartingParameters afterGaussians = MclustReference.parameters(withoutNoise(after, k), k, d);
        MclustReference.assertClose("weights", java.util.Arrays.copyOf(weights, k), fit.weights(), 1e-8);
        assertEquals(weights[k], fit.noiseWeight(), 1e-8 * weights[k], "noise weight");
        MclustReference.assertClose("means", MclustReference.flat(afterGaussians.means()),
                MclustReference.flat(fit.means()), 1e-8);
        MclustReference.assertClose("covariances", MclustReference.flat(afterGaussians.covariances()),
                MclustReference.flat(fit.covariances()), 1e-8);
        assertEquals((long) Json.number(reference, "parameters"), fit.parameterCount(), "mclust's nMclustParams with noise");
        double bic = scalar(reference, "bic");
        assertEquals(-bic, fit.bic(), 1e-8 * Math.abs(bic), "BIC (mclust's sign is the opposite)");
    }

    /**
     * mclust's parameters with the noise's weight left out of pro, the Gaussians' weights divided by
     * 1 − π₀ (a start with noise scales them back).
     */
    private static Map<String, Object> withoutNoise(Map<String, Object> p, int k) {
        Map<String, Object> copy = new java.util.HashMap<>(p);
        double[] pro = Json.flat(p.get("weights"));
        List<Double> gaussians = new ArrayList<>();
        for (int c = 0; c < k; c++) gaussians.add(pro[c] / (1 - pro[k]));
        copy.put("weights", gaussians);
        return copy;
    }

    /** A number R wrote as a vector of one. */
    private static double scalar(Map<String, Object> o, String key) {
        return Json.flat(o.get(key))[0];
    }
}
