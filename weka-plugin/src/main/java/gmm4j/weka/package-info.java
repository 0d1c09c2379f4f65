// SPDX-License-Identifier: Apache-2.0
/**
 * The translation layer behind {@code weka.clusterers.GaussianMixture}: Weka instances to the
 * engine's data set ({@link gmm4j.weka.AttributeLayout}), options to engine settings
 * ({@link gmm4j.weka.EngineSettings}), the model to Weka's text output ({@link gmm4j.weka.ModelReport})
 * and the debug output ({@link gmm4j.weka.ProgressLog}). Weka users need only the clusterer.
 */
package gmm4j.weka;
