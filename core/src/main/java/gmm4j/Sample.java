// SPDX-License-Identifier: Apache-2.0
package gmm4j;

/**
 * Rows drawn from a fitted mixture.
 *
 * @param rows       the numeric values, one array per row
 * @param categories the categorical codes, one array per row (empty arrays when there are none)
 * @param components the component each row was drawn from; {@link GaussianMixtureModel#NOISE} for the noise component
 */
public record Sample(double[][] rows, int[][] categories, int[] components) {
}
