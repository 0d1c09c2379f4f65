// SPDX-License-Identifier: Apache-2.0
package gmm4j;

/** Copies between the engine's flat row-major matrices and the public API's nested arrays. */
final class Matrices {
    private Matrices() {
    }

    static double[][] copy(double[][] m) {
        double[][] out = new double[m.length][];
        for (int i = 0; i < m.length; i++) out[i] = m[i].clone();
        return out;
    }

    static double[][] square(double[] flat, int d) {
        double[][] out = new double[d][d];
        for (int i = 0; i < d; i++) System.arraycopy(flat, i * d, out[i], 0, d);
        return out;
    }

    static double[] flat(double[][] m) {
        int d = m.length;
        double[] out = new double[d * d];
        for (int i = 0; i < d; i++) System.arraycopy(m[i], 0, out, i * d, d);
        return out;
    }
}
