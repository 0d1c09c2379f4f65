// SPDX-License-Identifier: Apache-2.0
/**
 * The gmm4j engine as a Smile clustering model: {@link gmm4j.smile.GaussianMixtureClustering}, a
 * {@code smile.clustering.Partitioning} with Smile-style options, prediction, posterior
 * probabilities, model selection, and progress and cancellation through Smile's
 * {@code IterativeAlgorithmController}. For Smile 4.4+ and 6.x on Java 21+.
 */
package gmm4j.smile;
