// SPDX-License-Identifier: Apache-2.0
package weka.clusterers;

import weka.core.Instances;
import weka.core.converters.ConverterUtils.DataSource;

import java.nio.file.Path;

/** The ARFF files that ship in the repository's {@code data/} folder. */
final class TestData {
    private TestData() {
    }

    static Path path(String file) {
        String root = System.getProperty("gmm4j.data");
        if (root == null) throw new IllegalStateException("System property gmm4j.data (the repository's data/ folder) is not set.");
        return Path.of(root, file);
    }

    /** The data set, without a class attribute. */
    static Instances arff(String file) throws Exception {
        return DataSource.read(path(file).toString());
    }

    /** A GaussianMixture with these command-line options, built on {@code data}. */
    static GaussianMixture built(String options, Instances data) throws Exception {
        GaussianMixture clusterer = new GaussianMixture();
        clusterer.setOptions(weka.core.Utils.splitOptions(options));
        clusterer.buildClusterer(data);
        return clusterer;
    }

    /** Iris without its class attribute (the last). */
    static Instances irisWithoutClass() throws Exception {
        Instances iris = arff("iris.arff");
        iris.deleteAttributeAt(iris.numAttributes() - 1);
        return iris;
    }
}
