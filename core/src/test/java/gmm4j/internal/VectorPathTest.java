// SPDX-License-Identifier: Apache-2.0
package gmm4j.internal;

import gmm4j.CovarianceType;
import gmm4j.FitSettings;
import gmm4j.Initialization;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Vector API's kernels against the scalar loops, in one JVM: whole fits of every covariance
 * type agree to 1e-12 relative, with weights and missing values, and the vector path's fits are the
 * same to the bit for any number of threads. Run by surefire's second execution, with
 * {@code --add-modules jdk.incubator.vector}: without the module this test fails, it does not skip.
 */
class VectorPathTest {
    private static final double RELATIVE = 1e-12;

    @Test
    void theVectorKernelsAreOnWithTheIncubatorModule() {
        assertNotNull(Parallel.VECTOR, "run with --add-modules jdk.incubator.vector: the vector path must be chosen");
        try (Parallel parallel = new Parallel(1)) {
            assertNotNull(parallel.vector, "a Parallel made without kernels takes the vector path");
        }
    }

    static List<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        // d = 3, every model: moments by columns; 16 and 37, the kernels' own shapes (the constrained
        // models' iterative M-steps are slow there and use the same passes): tiles, and strips with
        // a ragged end and the bounded E-step
        for (CovarianceType type : CovarianceType.values()) cases.add(Arguments.of(type, 3));
        for (int d : new int[]{16, 37}) {
            for (CovarianceType type : CovarianceType.scikitLearnTypes()) cases.add(Arguments.of(type, d));
        }
        // 53, full: at 512 bits every component's scatter from its rows (scatterByRows), with ragged tiles
        cases.add(Arguments.of(CovarianceType.FULL, 53));
        return cases;
    }

    @ParameterizedTest(name = "{0}, d = {1}")
    @MethodSource("cases")
    void scalarAndVectorFitsAgree(CovarianceType type, int d) {
        Table t = table(d, 7);
        FitRequest request = request(type);
        Restarts.Result scalar, vector;
        try (Parallel parallel = new Parallel(1, null)) {
            scalar = Restarts.run(t, request, parallel);
        }
        try (Parallel parallel = new Parallel(1, Parallel.VECTOR)) {
            vector = Restarts.run(t, request, parallel);
        }
        assertEquals(scalar.iterations(), vector.iterations());
        assertClose(scalar.score().logLikelihood(), vector.score().logLikelihood(), "log-likelihood");
        Mixture a = scalar.mixture(), b = vector.mixture();
        for (int c = 0; c < a.k; c++) {
            assertClose(a.weight(c), b.weight(c), "weight " + c);
            double[] ma = a.mean(c), mb = b.mean(c);
            for (int j = 0; j < d; j++) assertClose(ma[j], mb[j], "mean " + c + ", " + j);
            double[] ca = a.covariance.matrix(c), cb = b.covariance.matrix(c);
            for (int i = 0; i < d * d; i++) assertClose(ca[i], cb[i], "covariance " + c + ", " + i);
        }
    }

    @ParameterizedTest(name = "{0}, d = {1}")
    @MethodSource("cases")
    void theVectorPathIsBitIdenticalForAnyThreadCount(CovarianceType type, int d) {
        Table t = table(d, 8);
        FitRequest request = request(type);
        Restarts.Result one;
        try (Parallel parallel = new Parallel(1, Parallel.VECTOR)) {
            one = Restarts.run(t, request, parallel);
        }
        for (int threads : new int[]{2, 5}) {
            try (Parallel parallel = new Parallel(threads, Parallel.VECTOR)) {
                Restarts.Result many = Restarts.run(t, request, parallel);
                assertEquals(one.score().logLikelihood(), many.score().logLikelihood(), 0.0, threads + " threads");
                for (int c = 0; c < one.mixture().k; c++) {
                    assertArrayEquals(one.mixture().mean(c), many.mixture().mean(c), 0.0, threads + " threads");
                    assertArrayEquals(one.mixture().covariance.matrix(c), many.mixture().covariance.matrix(c), 0.0,
                            threads + " threads");
                }
            }
        }
    }

    /** The triangular product: the vector distances against the scalar ones, and the partial sum a lower bound of the whole. */
    @Test
    void vectorDistancesMatchTheScalarOnes() {
        Random random = new Random(3);
        for (int d : new int[]{1, 5, 16, 37, 64}) {
            int rows = 203; // not a multiple of the rows per pass (16 or 32)
            GaussianFactor factor = GaussianFactor.of(randomCovariance(d, random), d, 1e-12, RepairLog.IGNORE, 0);
            BlockScratch scalar = new BlockScratch(1, d, Kernels.TILE_ROWS), vector = new BlockScratch(1, d, Kernels.TILE_ROWS);
            vector.vector = Parallel.VECTOR;
            double[] mean = new double[d + 2];
            for (int j = 0; j < mean.length; j++) mean[j] = random.nextGaussian();
            for (int j = 0; j < d; j++) {
                for (int b = 0; b < rows; b++) scalar.xt[j][b] = vector.xt[j][b] = 3 * random.nextGaussian();
            }
            double[] expected = new double[Kernels.TILE_ROWS], actual = new double[Kernels.TILE_ROWS];
            double[] whole = new double[Kernels.TILE_ROWS], bound = new double[Kernels.TILE_ROWS];
            factor.mahalanobis(scalar.xt, rows, mean, 2, expected, scalar);
            // the block in hand: the mean folded into the product
            factor.mahalanobis(vector.xt, rows, mean, 2, actual, vector);
            int to = Math.min(d, 8);
            factor.mahalanobis(vector.xt, rows, mean, 2, whole, vector, d);
            factor.mahalanobis(vector.xt, rows, mean, 2, bound, vector, to);
            for (int b = 0; b < rows; b++) {
                assertEquals(expected[b], actual[b], 1e-12 * expected[b], "d = " + d + ", row " + b);
                assertEquals(expected[b], whole[b], 1e-12 * expected[b], "d = " + d + ", row " + b + ": differences");
                assertTrue(bound[b] <= whole[b], "d = " + d + ", row " + b + ": the partial sum bounds the whole");
            }
        }
    }

    /**
     * Several components in one pass over the block's panels, each mean folded into its product
     * (z = U·x − U·μ), against the scalar differences; a mean too far from the origin for its spread
     * is not folded, and the pass then takes the differences, to the same agreement.
     */
    @Test
    void foldedMeansMatchTheScalarDifferences() {
        Random random = new Random(17);
        int k = 3;
        for (int d : new int[]{1, 5, 16, 37, 64}) {
            for (double offset : new double[]{0, 1e9}) {
                int rows = 203;
                GaussianFactor[] factors = new GaussianFactor[k];
                double[] means = new double[k * d];
                for (int c = 0; c < k; c++) {
                    factors[c] = GaussianFactor.of(randomCovariance(d, random), d, 1e-12, RepairLog.IGNORE, c);
                    for (int j = 0; j < d; j++) means[c * d + j] = random.nextGaussian() + (c == 1 ? offset : 0);
                }
                BlockScratch scalar = new BlockScratch(k, d, Kernels.TILE_ROWS), vector = new BlockScratch(k, d, Kernels.TILE_ROWS);
                vector.vector = Parallel.VECTOR;
                for (int j = 0; j < d; j++) {
                    for (int b = 0; b < rows; b++) scalar.xt[j][b] = vector.xt[j][b] = 3 * random.nextGaussian() + (b % 3 == 1 ? offset : 0);
                }
                assertEquals(offset == 0, vector.meanShift(factors[1], means, d) != null, "the far mean is not folded");
                double[][] expected = new double[k][Kernels.TILE_ROWS], actual = new double[k][Kernels.TILE_ROWS];
                GaussianFactor.mahalanobisOfEach(factors, scalar.xt, rows, means, expected, scalar, d);
                GaussianFactor.mahalanobisOfEach(factors, vector.xt, rows, means, actual, vector, d);
                for (int c = 0; c < k; c++) {
                    for (int b = 0; b < rows; b++) {
                        assertEquals(expected[c][b], actual[c][b], 1e-12 * expected[c][b],
                                "d = " + d + ", offset " + offset + ", component " + c + ", row " + b);
                    }
                }
                int to = Math.min(d, 8);
                double[][] bound = new double[k][Kernels.TILE_ROWS];
                GaussianFactor.mahalanobisOfEach(factors, vector.xt, rows, means, bound, vector, to);
                for (int c = 0; c < k; c++) {
                    for (int b = 0; b < rows; b++) assertTrue(bound[c][b] <= actual[c][b], "the partial sum bounds the whole");
                }
            }
        }
    }

    private static double[] randomCovariance(int d, Random random) {
        double[] a = new double[d * d];
        for (int i = 0; i < a.length; i++) a[i] = random.nextGaussian();
        double[] cov = new double[d * d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                double s = i == j ? 0.5 : 0;
                for (int m = 0; m < d; m++) s += a[i * d + m] * a[j * d + m] / d;
                cov[i * d + j] = s;
            }
        }
        return cov;
    }

    /** The tiles and sums over rows against the scalar loops, for lengths with and without a ragged end. */
    @Test
    void vectorTilesAndSumsMatchTheScalarOnes() {
        Random random = new Random(5);
        VectorKernels vector = Parallel.VECTOR;
        for (int n : new int[]{0, 1, 7, 16, 203, 256}) {
            double[][] a = new double[6][n], c = new double[5][n];
            for (double[] row : a) for (int b = 0; b < n; b++) row[b] = random.nextGaussian();
            for (double[] row : c) for (int b = 0; b < n; b++) row[b] = random.nextGaussian();
            double[] expected = new double[16], actual = new double[16], lanes = new double[VectorKernels.LANE_ROOM];
            Kernels.products4x4(a, 3, 6, c, 2, 5, n, expected);
            vector.products4x4(a, 3, 6, c, 2, 5, n, actual, lanes);
            for (int t = 0; t < 16; t++) assertEquals(expected[t], actual[t], 1e-13 * n, "n = " + n + ", sum " + t);
            double[] symmetric = new double[20];
            Kernels.products4x4(a, 3, 6, a, 3, 6, n, expected);
            vector.symmetricTile(a, 3, 6, c[0], n, symmetric, lanes);
            for (int p = 0; p < 4; p++) {
                for (int q = 0; q <= p; q++) assertEquals(expected[4 * p + q], symmetric[4 * p + q], 1e-13 * n, "n = " + n + ", sum " + p + q);
                assertEquals(Kernels.dot(c[0], a[Math.min(3 + p, 5)], n), symmetric[16 + p], 1e-13 * n, "n = " + n + ", moment " + p);
            }
            assertEquals(Kernels.dot(a[0], c[0], n), vector.dot(a[0], c[0], n, lanes), 1e-13 * n, "n = " + n);
            assertEquals(Kernels.dot(a[0], null, n), vector.dot(a[0], null, n, lanes), 1e-13 * n, "n = " + n);
            double[] sparse = a[2].clone();
            for (int b = 0; b < n; b += 3) sparse[b] = b % 2 == 0 ? 0.0 : -0.0;
            assertEquals(n - (n + 2) / 3, vector.nonZero(sparse, n), "n = " + n + ": the non-zero values");
            assertEquals(Kernels.nonZero(sparse, n), vector.nonZero(sparse, n), "n = " + n);
            double[] moments = new double[2];
            vector.columnMoments(a[1], c[1], n, 0.5, moments, lanes);
            double first = 0, square = 0;
            for (int b = 0; b < n; b++) {
                first += c[1][b] * (a[1][b] - 0.5);
                square += c[1][b] * (a[1][b] - 0.5) * (a[1][b] - 0.5);
            }
            assertEquals(first, moments[0], 1e-13 * n, "n = " + n);
            assertEquals(square, moments[1], 1e-13 * n, "n = " + n);
            double[] shifts = {9, 0.5, -0.25, 0.125, 2, 7}, four = new double[8];
            vector.columnMoments4(a, 2, c[3], n, shifts, 1, four, lanes);
            for (int q = 0; q < 4; q++) {
                vector.columnMoments(a[2 + q], c[3], n, shifts[1 + q], moments, lanes);
                assertEquals(moments[0], four[q], 1e-13 * n, "n = " + n + ", column " + q + ": first moment");
                assertEquals(moments[1], four[4 + q], 1e-13 * n, "n = " + n + ", column " + q + ": scatter");
            }
            double[] scaled = {0.3, -0.2, 0.1, 0.7, 1.5, 0.25, 2.0, 0};
            for (boolean firstPass : new boolean[]{true, false}) {
                double[] expectedSums = c[2].clone(), actualSums = c[2].clone();
                AxisAligned.subtractFourSquares(expectedSums, a[0], a[1], a[2], a[3], scaled, 0, n, firstPass, -4.5);
                vector.subtractFourSquares(actualSums, a[0], a[1], a[2], a[3], scaled, n, firstPass, -4.5);
                assertArrayEquals(expectedSums, actualSums, "n = " + n + ", first pass " + firstPass + ": the same bits");
                if (n > 0) {
                    double z0 = (a[0][0] - 0.3) * 1.5, z1 = (a[1][0] + 0.2) * 0.25, z2 = (a[2][0] - 0.1) * 2.0;
                    double squares = z0 * z0 + z1 * z1 + z2 * z2;
                    assertEquals((firstPass ? -4.5 : c[2][0]) - squares, actualSums[0], 1e-12, "n = " + n + ", row 0");
                }
                double[] expectedScaled = c[2].clone(), actualScaled = c[2].clone();
                AxisAligned.subtractScaledSquares(expectedScaled, a[0], a[1], a[2], a[3], scaled, 0, n, firstPass, -4.5);
                vector.subtractScaledSquares(actualScaled, a[0], a[1], a[2], a[3], scaled, n, firstPass, -4.5);
                assertArrayEquals(expectedScaled, actualScaled, "n = " + n + ", first pass " + firstPass + ": scaled once, the same bits");
                if (n > 0) {
                    double z0 = a[0][0] - 0.3, z1 = a[1][0] + 0.2, z2 = a[2][0] - 0.1, z3 = a[3][0] - 0.7;
                    double squares = 1.5 * (z0 * z0 + z1 * z1 + z2 * z2 + z3 * z3);
                    assertEquals((firstPass ? -4.5 : c[2][0]) - squares, actualScaled[0], 1e-12, "n = " + n + ", row 0, scaled once");
                }
            }
        }
    }

    /** The vector exponential is {@link Exponentials#expByPowersOfTwo} to the bit, lane by lane and in the ragged end, and adds each to the totals. */
    @Test
    void vectorExponentialIsTheScalarStepsBitForBit() {
        Random random = new Random(19);
        VectorKernels vector = Parallel.VECTOR;
        for (int n : new int[]{0, 1, 7, 8, 203, Kernels.TILE_ROWS}) {
            double[] v = new double[n], minus = new double[n], total = new double[n];
            for (int b = 0; b < n; b++) {
                minus[b] = 10 * random.nextGaussian();
                v[b] = minus[b] - 60 * random.nextDouble();
                total[b] = random.nextDouble();
            }
            double[] special = {0, Double.NEGATIVE_INFINITY, Double.NaN, Exponentials.CUT, -1e-300};
            for (int i = 0; i < Math.min(n, special.length); i++) v[n - 1 - i] = minus[n - 1 - i] + special[i];
            double[] expected = new double[n], expectedTotal = total.clone();
            for (int b = 0; b < n; b++) {
                expected[b] = Exponentials.expByPowersOfTwo(v[b] - minus[b]);
                expectedTotal[b] += expected[b];
            }
            double[] minusBefore = minus.clone();
            double[] halfArguments = v.clone(), halfTotal = total.clone();
            vector.expOfDifference(v, minus, n, total);
            assertArrayEquals(expected, v, "n = " + n);
            assertArrayEquals(expectedTotal, total, "n = " + n + ": totals");
            assertArrayEquals(minusBefore, minus, "n = " + n + ": what is subtracted stays");

            double[] half = new double[n], expectedHalf = new double[n], squared = new double[n], squaredTotal = halfTotal.clone();
            for (int b = 0; b < n; b++) {
                expectedHalf[b] = Exponentials.halfExpByPowersOfTwo(halfArguments[b] - minus[b]);
                squared[b] = expectedHalf[b] * expectedHalf[b];
                squaredTotal[b] += squared[b];
            }
            vector.halfExpOfDifference(halfArguments, minus, n, halfTotal, half);
            assertArrayEquals(expectedHalf, half, "n = " + n + ": the half exponentials");
            assertArrayEquals(squared, halfArguments, "n = " + n + ": their squares");
            assertArrayEquals(squaredTotal, halfTotal, "n = " + n + ": the squares' totals");
        }
    }

    /**
     * A block's posteriors made through the half exponentials, with the square roots of the weighted
     * responsibilities, against those made directly: the same to a few ulps, and each root's square is
     * its weighted responsibility; a row no component explains gets equal shares and roots to match.
     */
    @Test
    void blockPosteriorsWithRootsMatchThoseWithout() {
        Random random = new Random(23);
        int k = 5, rows = 203;
        double[] weight = new double[rows];
        for (int b = 0; b < rows; b++) weight[b] = 0.1 + 3 * random.nextDouble();
        Table t = new Table(rows, 1, new double[rows], weight, 0, new int[0], new int[0]);
        double[][] logJoint = new double[k][rows];
        for (double[] c : logJoint) for (int b = 0; b < rows; b++) c[b] = -80 * random.nextDouble();
        for (int c = 0; c < k; c++) logJoint[c][7] = Double.NEGATIVE_INFINITY;
        logJoint[2][9] = Double.NEGATIVE_INFINITY;
        double[][][] weighted = new double[2][][];
        double[] logLikelihood = new double[2];
        BlockScratch s = null;
        for (int variant = 0; variant < 2; variant++) {
            s = new BlockScratch(k, 1, rows);
            s.vector = Parallel.VECTOR;
            for (int c = 0; c < k; c++) s.byComponent[c] = logJoint[c].clone();
            for (int b = 0; b < rows; b++) s.blockRows[b] = b;
            Likelihood likelihood = new Likelihood();
            Posteriors.normaliseBlock(s, t, k, rows, likelihood, true, variant == 1);
            assertEquals(variant == 1, s.rootsMade);
            weighted[variant] = s.byComponent;
            logLikelihood[variant] = likelihood.logLikelihood();
        }
        assertEquals(logLikelihood[0], logLikelihood[1], 1e-14 * Math.abs(logLikelihood[0]));
        int cut = 0;
        for (int c = 0; c < k; c++) {
            for (int b = 0; b < rows; b++) {
                double direct = weighted[0][c][b], root = s.roots()[c][b];
                assertEquals(direct, weighted[1][c][b], 4e-15 * direct, "component " + c + ", row " + b);
                assertEquals(weighted[1][c][b], root * root, 4e-15 * direct, "component " + c + ", row " + b + ": the root's square");
                if (direct == 0) {
                    assertEquals(0.0, root, "component " + c + ", row " + b + ": a cut pair's root");
                    cut++;
                }
            }
            assertEquals(weight[7] / k, weighted[1][c][7], 1e-15 * weight[7], "row 7: equal shares");
        }
        assertTrue(cut > k, "some pairs fall below the cut: " + cut);
    }

    /**
     * A component's rows with weight, row by row: each is √w·(x − shift) with zeros to the stride, their
     * first-moment terms w·(x − shift) are added to the first moment; made and summed pass by pass, the
     * same first moment, and the Gram tiles add Σ w·(x − shift)(x − shift)ᵀ to the component's lower
     * triangle alone, for any width and count (300 rows: several passes).
     */
    @Test
    void vectorGramOfListedRowsIsTheirWeightedScatter() {
        Random random = new Random(13);
        VectorKernels vector = Parallel.VECTOR;
        for (int d : new int[]{1, 3, 5, 16, 37, 64}) {
            int n = 50, stride = vector.gramStride(d);
            assertTrue(stride >= d, "d = " + d + ": stride " + stride);
            double[] x = new double[n * d], shift = new double[3 * d];
            for (int i = 0; i < x.length; i++) x[i] = random.nextGaussian();
            for (int i = 0; i < shift.length; i++) shift[i] = random.nextGaussian();
            int[] blockRows = new int[n];
            for (int b = 0; b < n; b++) blockRows[b] = random.nextInt(n);
            for (int m : new int[]{0, 1, 7, 40, 300}) {
                int[] at = new int[m];
                double[] root = new double[m];
                for (int q = 0; q < m; q++) {
                    at[q] = random.nextInt(n);
                    root[q] = random.nextDouble();
                }
                double[] rows = new double[m * stride];
                Arrays.fill(rows, Double.NaN);
                double[] first = new double[d];
                Arrays.fill(first, 0.5);
                vector.rootWeightedRows(x, d, blockRows, at, 0, m, root, shift, d, rows, stride, first);
                double[][] target = new double[3 * d][d];
                for (double[] row : target) Arrays.fill(row, 2.0);
                double[] passFirst = new double[d];
                Arrays.fill(passFirst, 0.5);
                vector.addScatterOfRows(x, d, blockRows, at, m, root, shift, d, new double[m * stride], stride, passFirst,
                        target, d, new double[VectorKernels.LANE_ROOM]);
                for (int j = 0; j < d; j++) {
                    double expectedFirst = 0.5;
                    for (int q = 0; q < m; q++) {
                        double v = root[q] * (x[blockRows[at[q]] * d + j] - shift[d + j]);
                        assertEquals(v, rows[q * stride + j], 1e-15, "d = " + d + ", row " + q + ", column " + j);
                        expectedFirst += root[q] * v;
                    }
                    assertEquals(expectedFirst, first[j], 1e-13 * (m + 1), "d = " + d + ", m = " + m + ": first moment " + j);
                    assertEquals(expectedFirst, passFirst[j], 1e-13 * (m + 1), "d = " + d + ", m = " + m + ": first moment by passes " + j);
                }
                for (int q = 0; q < m; q++) {
                    for (int j = d; j < stride; j++) assertEquals(0.0, rows[q * stride + j], "d = " + d + ": padding");
                }
                for (int a = 0; a < d; a++) {
                    for (int j = 0; j <= a; j++) {
                        double expected = 2.0;
                        for (int q = 0; q < m; q++) {
                            int from = blockRows[at[q]] * d;
                            double w = root[q] * root[q];
                            expected += w * (x[from + a] - shift[d + a]) * (x[from + j] - shift[d + j]);
                        }
                        assertEquals(expected, target[d + a][j], 1e-12 * (m + 1), "d = " + d + ", m = " + m + ": scatter " + a + ", " + j);
                    }
                }
                for (int r = 0; r < d; r++) {
                    for (int j = 0; j < d; j++) {
                        assertEquals(2.0, target[r][j], "d = " + d + ": the component before, untouched");
                        assertEquals(2.0, target[2 * d + r][j], "d = " + d + ": the component after, untouched");
                    }
                }
            }
        }
    }

    /** The gathered transposition copies exactly what the scalar one does, listed rows in any order, for any width and ragged end. */
    @Test
    void vectorTranspositionCopiesTheListedRows() {
        Random random = new Random(11);
        for (int d : new int[]{1, 2, 3, 8, 16, 37, 64}) {
            int n = 300;
            double[] x = new double[n * d];
            for (int i = 0; i < x.length; i++) x[i] = random.nextGaussian();
            for (int count : new int[]{0, 1, 7, 203, Kernels.TILE_ROWS}) {
                int[] rows = new int[Kernels.TILE_ROWS];
                for (int b = 0; b < count; b++) rows[b] = random.nextInt(n);
                double[][] expected = new double[d][Kernels.TILE_ROWS], actual = new double[d][Kernels.TILE_ROWS];
                Kernels.transpose(x, d, rows, count, expected);
                Parallel.VECTOR.transpose(x, d, rows, count, actual);
                for (int j = 0; j < d; j++) {
                    for (int b = 0; b < count; b++) assertEquals(x[rows[b] * d + j], expected[j][b], "scalar: d = " + d + ", row " + b);
                    assertArrayEquals(expected[j], actual[j], "vector: d = " + d + ", count " + count + ", column " + j);
                }
            }
        }
    }

    private static void assertClose(double expected, double actual, String what) {
        assertEquals(expected, actual, RELATIVE * Math.max(1, Math.abs(expected)), what);
    }

    private static FitRequest request(CovarianceType type) {
        return new FitRequest(new FitSettings(3, type, Initialization.KMEANS, null, 1, 12, 0, 1e-6, 5, 0, null), null, null);
    }

    /**
     * 1 003 rows (not a multiple of a block or a pass) from three overlapping clusters, with weights
     * from 0.25 to 2 and about one row in eight missing a value or two.
     */
    private static Table table(int d, long seed) {
        Random random = new Random(seed);
        int n = 1003;
        double[] x = new double[n * d];
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            double shift = i % 3 == 0 ? 1.5 : i % 3 == 1 ? -1 : 0;
            for (int j = 0; j < d; j++) x[i * d + j] = 10 + shift * (1 + j % 3) + random.nextGaussian() * (1 + 0.1 * j);
            w[i] = 0.25 + 1.75 * random.nextDouble();
            if (d > 1 && random.nextInt(8) == 0) {
                x[i * d + random.nextInt(d)] = Double.NaN;
                if (d > 3 && random.nextBoolean()) x[i * d + random.nextInt(d)] = Double.NaN;
            }
        }
        return new Table(n, d, x, w, 0, new int[0], new int[0]);
    }
}
