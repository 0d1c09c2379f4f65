// SPDX-License-Identifier: Apache-2.0
package gmm4j;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** scikit-learn 1.2.1's results on the reference data sets (see sklearn-reference.json's README). */
final class SklearnReference {
    static final Map<String, Object> ROOT = load();

    private SklearnReference() {
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> load() {
        try (InputStream in = SklearnReference.class.getResourceAsStream("/sklearn-reference.json")) {
            return (Map<String, Object>) Json.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String file(String dataSet) {
        return dataSet + ".csv";
    }

    static Map<String, Object> dataSet(String name) {
        return Json.object(ROOT, name);
    }

    static Map<String, Object> type(String dataSet, CovarianceType type) {
        return Json.object(Json.object(dataSet(dataSet), "types"), key(type));
    }

    static String key(CovarianceType type) {
        return switch (type) {
            case FULL -> "full";
            case TIED -> "tied";
            case DIAGONAL -> "diag";
            case SPHERICAL -> "spherical";
            default -> throw new IllegalArgumentException(type + " is not one of scikit-learn's types");
        };
    }

    static double[][] rows(String dataSet) {
        int d = (int) Json.number(dataSet(dataSet), "d");
        return Csv.resource(file(dataSet), d);
    }

    /** The starting parameters of the reference trajectories: equal weights, the listed rows as means, scaled identity precisions. */
    static StartingParameters start(String dataSet) {
        Map<String, Object> ds = dataSet(dataSet);
        double[][] rows = rows(dataSet);
        double[] startRows = Json.flat(ds.get("start_rows"));
        double scale = Json.number(ds, "start_precision_scale");
        int k = startRows.length;
        int d = rows[0].length;
        double[] weights = new double[k];
        double[][] means = new double[k][];
        double[][][] precisions = new double[k][d][d];
        for (int c = 0; c < k; c++) {
            weights[c] = 1.0 / k;
            means[c] = rows[(int) startRows[c]].clone();
            for (int j = 0; j < d; j++) precisions[c][j][j] = scale;
        }
        return StartingParameters.ofPrecisions(weights, means, precisions);
    }
}
