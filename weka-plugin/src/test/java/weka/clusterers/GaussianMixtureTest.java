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

    @Override
    public Clusterer getClusterer() {
        return new GaussianMixture();
    }

    public static Test suite() {
        return new TestSuite(GaussianMixtureTest.class);
    }
}
