// SPDX-License-Identifier: Apache-2.0
package gmm4j;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * ICL is mclust's (Biernacki, Celeux and Govaert): for the parameters of mclust 6's fits of iris and
 * faithful (7 models, G = 2, 3), gmm4j's ICL of the same parameters is minus mclust's, to 1e-8
 * (reference made by src/test/resources/mclust/make-icl-reference.R).
 */
class MclustIclTest {
    @Test
    void iclOfFixedParametersIsMclusts() {
        List<Map<String, Object>> cases = cases();
        assertEquals(28, cases.size());
        for (Map<String, Object> c : cases) {
            String set = (String) c.get("data");
            CovarianceType type = CovarianceType.parse((String) c.get("model"));
            int k = (int) Json.number(c, "G");
            double[][] rows = MclustReference.rows(set);
            Dataset data = Dataset.of(rows);
            GaussianMixtureModel model = GaussianMixture.builder().components(k).covariance(type)
                    .start(MclustReference.parameters(Json.object(c, "fit"), k, rows[0].length)).build().initialize(data);
            String what = set + " " + type + " G=" + k;
            assertEquals((long) Json.number(c, "parameters"), model.parameterCount(), what);
            double loglik = Json.number(c, "loglik"), bic = Json.number(c, "bic"), icl = Json.number(c, "icl");
            assertEquals(loglik, model.logLikelihood(data), 1e-8 * Math.abs(loglik), what);
            assertEquals(-bic, model.bic(data), 1e-8 * Math.abs(bic), what);
            assertEquals(-icl, model.icl(data), 1e-8 * Math.abs(icl), what);
            assertEquals(-icl, model.icl(), 1e-8 * Math.abs(icl), what + ": the model's own");
            if (k == 3) assertTrue(icl < bic - 1, what + ": the MAP labels cost something");
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> cases() {
        try (InputStream in = MclustIclTest.class.getResourceAsStream("/mclust/mclust-icl-reference.json")) {
            Map<String, Object> root = (Map<String, Object>) Json.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            return (List<Map<String, Object>>) root.get("cases");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
