// SPDX-License-Identifier: Apache-2.0
package gmm4j.benchmarks;

import weka.clusterers.EM;
import weka.core.Attribute;
import weka.core.DenseInstance;
import weka.core.Instances;
import weka.core.Version;

import java.util.ArrayList;

/**
 * Weka's EM ({@code weka.clusterers.EM}): diagonal covariance only, and no way to give it a start:
 * it starts from its own k-means (one k-means run here, fixed seed). Timed by the difference of
 * a 41- and a 1-iteration fit ({@link WholeFitSession}), so the k-means start, the data copy Weka
 * makes and its missing-value filter cancel out. Its stop on a small likelihood gain is switched off
 * (minimum improvement −∞), and it gets one execution slot per core, as gmm4j gets every core.
 */
final class WekaPeer implements Peer {
    static final String NAME = "Weka EM";
    /**
     * Iterations its long fit runs beyond the short one: its fixed cost (data copies, missing-value
     * filter, k-means start) is 10 to 30 iterations' worth and varied by seconds from fit to fit,
     * which made 10 iterations' difference come out anywhere from negative to twice the rest.
     */
    static final int TIMED = 40;

    @Override
    public String name() {
        return NAME + " " + Version.VERSION;
    }

    @Override
    public Session prepare(ClusterData data, StartingPoint start) {
        Problem problem = data.problem();
        return WholeFitSession.prepare(problem, NAME, "diagonal", "diag", "own k-means start", TIMED, () -> {
            Instances instances = instances(data);
            return iterations -> {
                EM em = new EM();
                em.setNumClusters(problem.k());
                em.setMaxIterations(iterations);
                em.setSeed(1);
                em.setNumKMeansRuns(1);
                em.setMinLogLikelihoodImprovementIterating(-Double.MAX_VALUE);
                em.setNumExecutionSlots(Runtime.getRuntime().availableProcessors());
                em.buildClusterer(instances);
                return -1;
            };
        });
    }

    private static Instances instances(ClusterData data) {
        int n = data.problem().n(), d = data.problem().d();
        ArrayList<Attribute> attributes = new ArrayList<>();
        for (int j = 0; j < d; j++) attributes.add(new Attribute("x" + j));
        Instances instances = new Instances("benchmark", attributes, n);
        double[] values = data.values();
        for (int i = 0; i < n; i++) {
            instances.add(new DenseInstance(1.0, java.util.Arrays.copyOfRange(values, i * d, (i + 1) * d)));
        }
        return instances;
    }
}
