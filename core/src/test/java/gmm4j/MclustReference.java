// SPDX-License-Identifier: Apache-2.0
package gmm4j;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** R mclust's EM trajectories of its 14 models (made by src/test/resources/mclust/make-reference.R). */
final class MclustReference {
    static final Map<String, Object> ROOT = load("/mclust/mclust-reference.json");

    private MclustReference() {
    }

    /** A JSON reference file among the test resources. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> load(String resource) {
        try (InputStream in = MclustReference.class.getResourceAsStream(resource)) {
            return (Map<String, Object>) Json.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> cases() {
        return (List<Map<String, Object>>) ROOT.get("cases");
    }

    static int iterations() {
        return (int) Json.number(ROOT, "iterations");
    }

    static double[][] rows(String dataSet) {
        return Csv.resource(dataSet + ".csv", dataSet.equals("iris") ? 4 : 2);
    }

    /** mclust's parameters (weights, means, covariances) as gmm4j's starting parameters. */
    static StartingParameters parameters(Map<String, Object> p, int k, int d) {
        double[] means = Json.flat(p.get("means"));
        double[] covariances = Json.flat(p.get("covariances"));
        double[][] m = new double[k][d];
        double[][][] s = new double[k][d][d];
        for (int c = 0; c < k; c++) {
            for (int i = 0; i < d; i++) {
                m[c][i] = means[c * d + i];
                for (int j = 0; j < d; j++) s[c][i][j] = covariances[(c * d + i) * d + j];
            }
        }
        return new StartingParameters(Json.flat(p.get("weights")), m, s);
    }
}
