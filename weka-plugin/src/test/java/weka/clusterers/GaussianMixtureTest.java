// SPDX-License-Identifier: Apache-2.0
package weka.clusterers;

import junit.framework.Test;
import junit.framework.TestSuite;

/**
 * Weka's own clusterer test suite (CheckClusterer, CheckOptionHandler, CheckGOE and the
 * regression test against the committed reference {@code wekarefs/weka/clusterers/GaussianMixtureTest.ref}),
 * run under JUnit's vintage engine.
 */
public class GaussianMixtureTest extends AbstractClustererTest {

    public GaussianMixtureTest(String name) {
        super(name);
    }

    /**
     * Three clusters, fixed: on Weka's 20-row regression data the automatic choice rightly picks one
     * cluster, whose labels (all 0) would make a regression reference that nothing could change.
     */
    @Override
    public Clusterer getClusterer() {
        GaussianMixture clusterer = new GaussianMixture();
        try {
            clusterer.setNumClusters(3);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return clusterer;
    }

    public static Test suite() {
        return new TestSuite(GaussianMixtureTest.class);
    }
}
