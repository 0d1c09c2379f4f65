// SPDX-License-Identifier: Apache-2.0
/**
 * Gaussian mixture models fitted by Expectation-Maximisation, with no dependency.
 *
 * <p>{@link gmm4j.GaussianMixture} holds the settings of a fit and {@link gmm4j.GaussianMixture#fit(Dataset)}
 * returns an immutable {@link gmm4j.GaussianMixtureModel}; {@link gmm4j.Dataset} carries the rows
 * (numeric values with {@code NaN} for missing ones, optional categorical codes and row weights);
 * {@link gmm4j.ModelSelection} chooses the number of components and the covariance type by a
 * {@link gmm4j.Criterion}.
 *
 * <pre>{@code
 * GaussianMixtureModel model = GaussianMixture.builder()
 *         .components(2)
 *         .covariance(CovarianceType.FULL)
 *         .seed(42)
 *         .build()
 *         .fit(Dataset.of(rows));
 * int label = model.predict(x);
 * double[] p = model.posterior(x);
 * }</pre>
 *
 * <p>The mathematics is in the project's {@code docs/theory.md}, the usage in {@code docs/user-guide.md}.
 */
package gmm4j;
