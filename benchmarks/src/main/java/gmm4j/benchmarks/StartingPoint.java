// SPDX-License-Identifier: Apache-2.0
package gmm4j.benchmarks;

import gmm4j.StartingParameters;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The fixed starting parameters given to every library: weights, means and one covariance shared by
 * all components (each library derives its covariance type's start from it, as gmm4j does: the
 * diagonal, the mean of the diagonal, or the matrix itself).
 */
public record StartingPoint(double[] weights, double[][] means, double[][] covariance) {

    public int k() {
        return weights.length;
    }

    public int d() {
        return covariance.length;
    }

    public StartingParameters toStartingParameters() {
        double[][][] covariances = new double[k()][][];
        java.util.Arrays.fill(covariances, covariance);
        return new StartingParameters(weights, means, covariances);
    }

    /** Writes weights (k), means (k×d, row-major), covariance (d×d) as little-endian doubles, for the Python and R scripts. */
    public void write(Path file) throws IOException {
        int k = k(), d = d();
        double[] flat = new double[k + k * d + d * d];
        System.arraycopy(weights, 0, flat, 0, k);
        for (int c = 0; c < k; c++) System.arraycopy(means[c], 0, flat, k + c * d, d);
        for (int j = 0; j < d; j++) System.arraycopy(covariance[j], 0, flat, k + k * d + j * d, d);
        BinaryDoubles.write(flat, file);
    }
}
