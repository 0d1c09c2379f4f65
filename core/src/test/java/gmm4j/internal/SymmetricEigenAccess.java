// SPDX-License-Identifier: Apache-2.0
package gmm4j.internal;

/** The engine's eigenvalues for tests outside this package. */
public final class SymmetricEigenAccess {
    private SymmetricEigenAccess() {
    }

    /** The eigenvalues of the symmetric row-major d×d matrix, largest first. */
    public static double[] values(double[] matrix, int d) {
        return SymmetricEigen.of(matrix, d).values.clone();
    }
}
