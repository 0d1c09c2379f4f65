// SPDX-License-Identifier: Apache-2.0
package gmm4j.internal;

import java.io.Serial;

/**
 * Moments for spherical covariances. A spherical variance needs of the scatter only its trace, and
 * the trace around a component's mean is the weighted sum of the rows' squared distances from it,
 * which the E-step has just computed ({@link AxisAligned#sphericalLogJoint}): a block then costs one
 * product of the weights with the data (the first moments, in four-by-four register tiles) and one
 * dot product per component, where the per-axis scatter costs a subtraction, a product and two sums
 * per row, component and axis. Rows one at a time, and blocks whose distances were not kept, take the
 * per-axis moments. The trace a block adds is spread evenly over the axes' entries: the spherical
 * estimate reads only their mean.
 */
final class SphericalMoments extends AxisMoments {
    @Serial
    private static final long serialVersionUID = 1L;

    SphericalMoments(int k, int d, double[] shift) {
        super(k, d, shift);
    }

    @Override
    SphericalMoments empty() {
        return new SphericalMoments(k, d, shift);
    }

    @Override
    boolean takesSquaredDistances() {
        return true;
    }

    @Override
    void addBlock(BlockScratch s, double[] x, int count) {
        double[][] distances = s.squaredDistances(shift);
        if (distances == null) {
            super.addBlock(s, x, count);
            return;
        }
        double[] mass = s.blockMass;
        for (int c = 0; c < k; c++) {
            double[] wr = s.byComponent[c];
            mass[c] = s.dot(wr, null, count);
            this.count[c] += mass[c];
            double trace = s.dot(wr, distances[c], count) / d;
            double[] diagonal = scatter[c];
            for (int j = 0; j < d; j++) diagonal[j] += trace;
        }
        // Σ_b w_cb·(x_jb − shift_cj) as Σ_b w_cb·x_jb − shift_cj·Σ_b w_cb: the mean moves by what it rounds to
        double[] tile = s.tile;
        for (int c0 = 0; c0 < k; c0 += 4) {
            for (int j0 = 0; j0 < d; j0 += 4) {
                s.products4x4(s.byComponent, c0, k, s.xt, j0, d, count);
                for (int p = 0; p < 4 && c0 + p < k; p++) {
                    int c = c0 + p;
                    for (int q = 0; q < 4 && j0 + q < d; q++) sum[c][j0 + q] += tile[4 * p + q] - shift[c * d + j0 + q] * mass[c];
                }
            }
        }
    }
}
