// SPDX-License-Identifier: Apache-2.0
package weka.clusterers;

import gmm4j.RestartSummary;
import org.junit.jupiter.api.Test;
import weka.core.Attribute;
import weka.core.DenseInstance;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.SerializationHelper;
import weka.core.Utils;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Options, their errors, the model report, debug output, serialisation and test instances. */
class OptionsAndReportTest {

    @Test
    void defaultsFollowWekasEmWhereTheIssueIsSilent() {
        String options = String.join(" ", new GaussianMixture().getOptions());
        assertTrue(options.startsWith("-N -1 -min 1 -max 10 -C full -models full,tied,diagonal,spherical -criterion bic -X 10 -screening 5000 -init auto -n-init 3 -I 100"),
                options);
        assertTrue(options.contains("-num-slots 1"), options);
        assertTrue(options.contains("-S 100"), options);
    }

    @Test
    void everyOptionRoundTripsThroughGetAndSetOptions() throws Exception {
        String given = "-N 4 -min 2 -max 7 -C spherical -models vev,EEE,diag -criterion cv -X 4 -screening 0 -init random-from-data -n-init 5 -I 42 "
                + "-tol 1.0E-5 -reg 0.001 -num-slots 0 -noise -prior -S 9 -output-debug-info";
        GaussianMixture first = new GaussianMixture();
        first.setOptions(Utils.splitOptions(given));
        GaussianMixture second = new GaussianMixture();
        second.setOptions(first.getOptions());

        assertArrayEquals(first.getOptions(), second.getOptions());
        assertEquals(4, second.getNumClusters());
        assertEquals(2, second.getMinNumClusters());
        assertEquals(7, second.getMaxNumClusters());
        assertEquals("spherical", second.getCovarianceType().getSelectedTag().getIDStr());
        assertEquals("vev,tied,diagonal", second.getModels());
        assertEquals("cv", second.getCriterion().getSelectedTag().getIDStr());
        assertEquals(4, second.getNumFolds());
        assertEquals(0, second.getScreeningRows());
        assertEquals("random-from-data", second.getInitialization().getSelectedTag().getIDStr());
        assertEquals(5, second.getNumRestarts());
        assertEquals(42, second.getMaxIterations());
        assertEquals(1e-5, second.getTolerance());
        assertEquals(1e-3, second.getRegularization());
        assertEquals(0, second.getNumExecutionSlots());
        assertTrue(second.getPrior());
        assertEquals(9, second.getSeed());
        assertTrue(second.getDebug());
        assertTrue(second.getNoise());
    }

    @Test
    void badOptionsAreRejectedNamingTheProblem() {
        assertMessage("-C must be one of full|tied|diagonal|spherical|auto|eii|eei|vei|evi|vee|eve|vve|eev|vev|evv (or diag|eee|vii|vvi|vvv), not 'cube'", "-C cube");
        assertMessage("-criterion must be one of bic|aic|icl|cv, not 'mdl'", "-criterion mdl");
        assertMessage("-models: Unknown covariance type 'cube': use one of", "-models vvv,cube");
        assertMessage("-models needs at least one covariance type, or all", "-models ,");
        assertMessage("Number of clusters must be -1 (automatic) or at least 1, not 0", "-N 0");
        assertMessage("-tol needs a number, not 'small'", "-tol small");
        assertMessage("-I needs a whole number, not '1.5'", "-I 1.5");
        assertMessage("Cross-validation needs at least 2 folds, not 1", "-X 1");
        assertMessage("The screening sample needs 0 (none) or more instances, not -5", "-screening -5");
        assertMessage("regularization must be finite and not negative, not -1.0", "-reg -1");
        assertThrows(Exception.class, () -> new GaussianMixture().setOptions(Utils.splitOptions("-bogus 3")));
    }

    /** -C also takes scikit-learn's covariance_type names, in any case, and gives them back as Weka's. */
    @Test
    void covarianceTakesScikitLearnsNames() throws Exception {
        String[][] givenAndMeant = {{"diag", "diagonal"}, {"DIAG", "diagonal"}, {"Diagonal", "diagonal"}, {"full", "full"},
                {"TIED", "tied"}, {"Spherical", "spherical"}, {"auto", "auto"}, {"AUTO", "auto"}};
        for (String[] pair : givenAndMeant) {
            GaussianMixture clusterer = new GaussianMixture();
            clusterer.setOptions(Utils.splitOptions("-C " + pair[0]));
            assertEquals(pair[1], clusterer.getCovarianceType().getSelectedTag().getIDStr(), "-C " + pair[0]);
            assertTrue(String.join(" ", clusterer.getOptions()).contains("-C " + pair[1]), "-C " + pair[0]);
        }
        assertMessage("not 'diagonals'", "-C diagonals");
    }

    /** -C takes every type's name in either scheme, in any case, each meaning the same type as CovarianceType.parse. */
    @Test
    void covarianceTakesMclustsNames() throws Exception {
        for (gmm4j.CovarianceType type : gmm4j.CovarianceType.values()) {
            for (String name : new String[]{type.mclustName(), type.mclustName().toLowerCase(java.util.Locale.ROOT),
                    type.name(), type.name().toLowerCase(java.util.Locale.ROOT)}) {
                GaussianMixture clusterer = new GaussianMixture();
                clusterer.setOptions(Utils.splitOptions("-C " + name));
                GaussianMixture again = new GaussianMixture();
                again.setOptions(clusterer.getOptions());
                assertEquals(type, gmm4j.CovarianceType.parse(clusterer.getCovarianceType().getSelectedTag().getIDStr()), name);
                assertEquals(clusterer.getCovarianceType().getSelectedTag().getID(),
                        again.getCovarianceType().getSelectedTag().getID(), name);
            }
        }
    }

    /** -C auto chooses among the -models named, whatever their scheme, and the table has a column for each alone. */
    @Test
    void autoChoosesAmongTheModelsNamed() throws Exception {
        GaussianMixture clusterer = TestData.built("-max 3 -C auto -models vvv,VEV,tied", TestData.irisWithoutClass());
        assertEquals("full,vev,tied", clusterer.getModels());
        String report = clusterer.toString();
        assertTrue(java.util.regex.Pattern.compile("\n\nK +EEE +VEV +VVV\n1  ").matcher(report).find(), report);
        for (int k = 1; k <= 3; k++) {
            assertTrue(java.util.regex.Pattern.compile("\n" + k + "(  +\\d+\\.\\d{4}[* ]){2}  +\\d+\\.\\d{4}\\*?\n")
                    .matcher(report).find(), "three scores for K = " + k + "\n" + report);
        }
        assertEquals(2, count(report, "\\d\\*"), "the chosen cell in the criterion's table and the log-likelihoods'\n" + report);
        assertTrue(java.util.Set.of(gmm4j.CovarianceType.FULL, gmm4j.CovarianceType.VEV, gmm4j.CovarianceType.TIED)
                .contains(clusterer.getModel().covarianceType()), report);
    }

    /**
     * Iris among mclust's 14 models, K = 1..3: mclust's choice, VEV with K = 2 of BIC 561.7285 (mclust:
     * −561.7285), and the table the user guide shows is the one printed.
     */
    @Test
    void allFourteenModelsOnIrisChooseAsMclustAndTheGuideShowsTheTable() throws Exception {
        GaussianMixture clusterer = TestData.built("-max 3 -C auto -models all", TestData.irisWithoutClass());
        String report = clusterer.toString();
        assertEquals(gmm4j.CovarianceType.VEV, clusterer.getModel().covarianceType(), report);
        assertEquals(2, clusterer.getModel().components(), report);
        String table = report.substring(report.indexOf("Model selection by"), report.indexOf("\n\n", report.indexOf("\nK ")) + 1);
        assertTrue(table.contains("  561.7285*  "), table);
        assertTrue(Files.readString(Path.of("../docs/user-guide.md")).contains(table), "docs/user-guide.md shows another table than\n" + table);
    }

    /** -models all is mclust's 14, in mclust's order; the default stays scikit-learn's four (a saved -C auto chooses as before). */
    @Test
    void modelsAllIsMclustsFourteen() throws Exception {
        GaussianMixture clusterer = new GaussianMixture();
        assertEquals(java.util.List.of(gmm4j.CovarianceType.scikitLearnTypes()), clusterer.engineSettings().models());
        clusterer.setOptions(Utils.splitOptions("-C auto -models ALL"));
        assertEquals("all", clusterer.getModels());
        assertTrue(String.join(" ", clusterer.getOptions()).contains("-C auto -models all "));
        assertEquals(java.util.List.of(gmm4j.CovarianceType.mclustModels()), clusterer.engineSettings().models());
        clusterer.setModels(String.join(",", Arrays.stream(gmm4j.CovarianceType.values()).map(Enum::name).toList()));
        assertEquals("all", clusterer.getModels());
    }

    /** A clusterer saved before -models existed (the field absent from its stream, so null) reads back with the default. */
    @Test
    void aClustererSavedWithoutModelsReadsBackWithTheDefault() throws Exception {
        GaussianMixture old = new GaussianMixture();
        java.lang.reflect.Field models = GaussianMixture.class.getDeclaredField("models");
        models.setAccessible(true);
        models.set(old, null);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (var out = new java.io.ObjectOutputStream(bytes)) {
            out.writeObject(old);
        }
        GaussianMixture loaded;
        try (var in = new java.io.ObjectInputStream(new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
            loaded = (GaussianMixture) in.readObject();
        }
        assertEquals("full,tied,diagonal,spherical", loaded.getModels());
    }

    /**
     * Three clusters of 100 instances in 5-D and five near-duplicates away from them: full K = 4 puts a
     * component on the five, a singular spike. Its cell is NA and the line under the table says why.
     */
    @Test
    void reportSaysWhichCandidateWasSingular() throws Exception {
        ArrayList<Attribute> attributes = new ArrayList<>();
        for (int j = 0; j < 5; j++) attributes.add(new Attribute("a" + j));
        Instances data = new Instances("spike", attributes, 305);
        Random random = new Random(1);
        double[][] centres = {{0, 0, 0, 0, 0}, {10, 0, 0, 0, 0}, {0, 10, 0, 0, 0}};
        for (int i = 0; i < 305; i++) {
            double[] row = new double[5];
            for (int j = 0; j < 5; j++) row[j] = i < 300 ? centres[i / 100][j] + random.nextGaussian() : 5 + 1e-4 * random.nextGaussian();
            data.add(new DenseInstance(1.0, row));
        }
        GaussianMixture clusterer = TestData.built("-min 3 -max 4 -C auto -models full,diagonal -init hierarchical -n-init 1 -S 1", data);
        String report = clusterer.toString();
        assertTrue(java.util.regex.Pattern.compile("\n4  +(\\d+\\.\\d{4} |NA)  +NA\n").matcher(report).find(), report);
        assertTrue(java.util.regex.Pattern.compile("\nNA = no score:\n(  K = 4, VVI: singular: .*\n)?  K = 4, VVV: singular: component \\d "
                + "has a mass of 5.00 rows, fewer than the 6 its covariance needs").matcher(report).find(), report);
        assertEquals(3, clusterer.getModel().components(), report);
    }

    /** -prior fits under mclust's default prior: another fit, said in the report; a model mclust has none for is refused by name. */
    @Test
    void priorChangesTheFitAndIsReported() throws Exception {
        Instances iris = TestData.irisWithoutClass();
        GaussianMixture plain = TestData.built("-N 3", iris);
        GaussianMixture map = TestData.built("-N 3 -prior", iris);
        assertFalse(plain.getPrior());
        assertTrue(map.getPrior());
        assertTrue(Arrays.asList(map.getOptions()).contains("-prior"));
        assertFalse(Arrays.asList(plain.getOptions()).contains("-prior"));
        assertTrue(map.getModel().logLikelihood() != plain.getModel().logLikelihood());
        assertEquals(gmm4j.ConjugatePrior.DEFAULT_SHRINKAGE, map.getModel().prior().shrinkage());
        assertTrue(map.toString().contains("conjugate prior (MAP EM)"), map.toString());
        assertFalse(plain.toString().contains("conjugate prior"), plain.toString());
        GaussianMixture vee = new GaussianMixture();
        vee.setOptions(Utils.splitOptions("-N 3 -C vee -prior"));
        Exception e = assertThrows(Exception.class, () -> vee.buildClusterer(iris));
        assertTrue(e.getMessage().contains("VEE"), e.getMessage());
    }

    private static void assertMessage(String expected, String options) {
        Exception e = assertThrows(Exception.class, () -> new GaussianMixture().setOptions(Utils.splitOptions(options)));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @Test
    void badDataIsRejectedNamingTheProblem() throws Exception {
        GaussianMixture clusterer = new GaussianMixture();
        clusterer.setOptions(Utils.splitOptions("-min 5 -max 2"));
        Exception range = assertThrows(Exception.class, () -> clusterer.buildClusterer(TestData.irisWithoutClass()));
        assertTrue(range.getMessage().contains("minimum number of clusters (5) exceeds the maximum (2)"), range.getMessage());

        ArrayList<Attribute> attributes = new ArrayList<>();
        attributes.add(new Attribute("name", (java.util.List<String>) null));
        Instances strings = new Instances("strings", attributes, 0);
        Exception string = assertThrows(Exception.class, () -> new GaussianMixture().buildClusterer(strings));
        assertTrue(string.getMessage().contains("string attributes"), string.getMessage());

        Exception none = assertThrows(Exception.class, () -> new GaussianMixture().buildClusterer(new Instances(TestData.irisWithoutClass(), 0)));
        assertTrue(none.getMessage().contains("Not enough training instances"), none.getMessage());
    }

    @Test
    void aNominalAttributeWithoutValuesIsIgnoredLikeAMissingOne() throws Exception {
        Instances iris = TestData.irisWithoutClass();
        Instances withEmpty = new Instances(iris);
        withEmpty.insertAttributeAt(new Attribute("empty", new ArrayList<String>()), 0);
        GaussianMixture plain = TestData.built("-N 3", iris);
        GaussianMixture widened = TestData.built("-N 3", withEmpty);
        assertEquals(plain.getModel().logLikelihood(), widened.getModel().logLikelihood(), 0.0);
        assertArrayEquals(plain.distributionForInstance(iris.instance(7)), widened.distributionForInstance(withEmpty.instance(7)), 0.0);
    }

    /** As SimpleKMeans: asked for more clusters than there are distinct instances, it makes one per instance and says so. */
    @Test
    void moreClustersThanDistinctInstancesAreReducedAndReported() throws Exception {
        Instances iris = TestData.irisWithoutClass();
        Instances two = new Instances(iris, 0);
        for (int i = 0; i < 12; i++) two.add(iris.instance(i % 2 == 0 ? 0 : 100));
        GaussianMixture clusterer = TestData.built("-N 3", two);
        assertEquals(2, clusterer.numberOfClusters());
        assertTrue(clusterer.toString().contains("3 requested, but the data have only 2 distinct instances"), clusterer.toString());
    }

    @Test
    void aTestInstanceOfAnotherShapeIsRejected() throws Exception {
        GaussianMixture clusterer = TestData.built("-N 2", TestData.irisWithoutClass());
        Instance other = TestData.arff("faithful.arff").instance(0);
        Exception e = assertThrows(Exception.class, () -> clusterer.distributionForInstance(other));
        assertTrue(e.getMessage().contains("has 2 attributes but the model was built on 4"), e.getMessage());
    }

    @Test
    void testInstancesWithMissingValuesAreMarginalised() throws Exception {
        GaussianMixture clusterer = new GaussianMixture();
        clusterer.setOptions(Utils.splitOptions("-N 3"));
        Instances iris = TestData.irisWithoutClass();
        clusterer.buildClusterer(iris);

        Instance partly = (Instance) iris.instance(120).copy();
        partly.setMissing(0);
        partly.setMissing(1);
        double[] p = clusterer.distributionForInstance(partly);
        assertEquals(1.0, Arrays.stream(p).sum(), 1e-12);
        assertEquals(clusterer.clusterInstance(iris.instance(120)), clusterer.clusterInstance(partly),
                "petal measurements alone place a virginica");
        assertTrue(Double.isFinite(clusterer.logDensityForInstance(partly)));

        Instance nothing = new DenseInstance(iris.numAttributes());
        nothing.setDataset(iris);
        assertArrayEquals(clusterer.clusterPriors(), clusterer.distributionForInstance(nothing), 1e-12);
    }

    @Test
    void reportDescribesAnAutomaticFullModel() throws Exception {
        GaussianMixture clusterer = new GaussianMixture();
        assertEquals("GaussianMixture: No model built yet.", clusterer.toString());
        clusterer.buildClusterer(ClusteringQualityTest.threeGaussians(new Random(2), 100));
        String report = clusterer.toString();
        assertTrue(report.contains("Number of clusters: 3 (chosen by BIC among K = 1..10)"), report);
        assertTrue(report.contains("Covariance type:    full (VVV)\n"), report);
        assertTrue(report.contains("Model selection by BIC (lower is better; * = chosen):\n\n K        VVV\n"), report);
        assertTrue(java.util.regex.Pattern.compile("\n 3  \\d+\\.\\d{4}\\*\n").matcher(report).find(), report);
        assertEquals(2, count(report, "\\d\\*"), "the chosen cell in the criterion's table and the log-likelihoods'\n" + report);
        assertTrue(report.contains("Correlations in cluster 2"), report);
        assertTrue(report.contains("  std. dev."), report);
        String bic = String.format(java.util.Locale.ROOT, "%.4f", clusterer.getModel().bic());
        assertTrue(report.contains("BIC:                " + bic), report);
    }

    /** On 15 instances a full covariance in 2-D needs 3 each: K = 6 and 7 are not fitted, NA in the table, which says why. */
    @Test
    void reportShowsCandidatesWithoutAScoreAndWhy() throws Exception {
        GaussianMixture clusterer = new GaussianMixture();
        clusterer.setOptions(Utils.splitOptions("-min 1 -max 7"));
        clusterer.buildClusterer(ClusteringQualityTest.threeGaussians(new Random(2), 5));
        String report = clusterer.toString();
        assertTrue(report.contains("\n6        NA\n7        NA\nNA = no score:\n"), report);
        assertTrue(report.contains("\n  K = 6, VVV: not fitted: 6 components of 3 rows "
                + "each (what a FULL covariance needs) is more than the data's weight 15\n"), report);
        assertTrue(report.contains("\n  K = 7, VVV: not fitted: "), report);
    }

    @Test
    void reportShowsTiedCorrelationsOnceAndNominalProbabilities() throws Exception {
        GaussianMixture tied = TestData.built("-N 2 -C tied", SameAsCoreTest.mixedData(new Random(1), 100));
        String report = tied.toString();
        assertTrue(report.contains("Correlations (shared by every cluster)"), report);
        assertFalse(report.contains("Correlations in cluster"), report);
        assertTrue(report.contains("colour (value probabilities)"), report);
        assertTrue(report.contains("  green"), report);
        assertFalse(report.contains("Model selection"), report);

        GaussianMixture diagonal = TestData.built("-N 2 -C diagonal", SameAsCoreTest.mixedData(new Random(1), 100));
        assertFalse(diagonal.toString().contains("Correlations"), diagonal.toString());
    }

    /**
     * Issue 15 point 9: a column at 1e6 and one at 1e-5 are printed so that every number parses back
     * to the model's value (within 1e-4 relative) and numbers never run together.
     */
    @Test
    void reportIsReadableAtAnyScale() throws Exception {
        ArrayList<Attribute> attributes = new ArrayList<>();
        attributes.add(new Attribute("big"));
        attributes.add(new Attribute("tiny"));
        Instances data = new Instances("scales", attributes, 200);
        Random random = new Random(5);
        for (int i = 0; i < 200; i++) {
            int c = i % 2;
            data.add(new DenseInstance(1.0, new double[]{
                    80_000_000.0 * (c + 1) + 100_000.0 * random.nextGaussian(),
                    1e-5 * (c + 1) + 1e-6 * random.nextGaussian()}));
        }
        GaussianMixture clusterer = TestData.built("-N 2 -C diagonal", data);
        String report = clusterer.toString();
        double[][] means = clusterer.getModel().means();
        double[][][] covariances = clusterer.getModel().covariances();
        String[] lines = report.split("\n");
        int attribute = -1;
        int checked = 0;
        for (String line : lines) {
            if (line.equals("big")) attribute = 0;
            else if (line.equals("tiny")) attribute = 1;
            else if (attribute >= 0 && (line.startsWith("  mean") || line.startsWith("  std. dev."))) {
                boolean mean = line.startsWith("  mean");
                String[] cells = line.substring(mean ? "  mean".length() : "  std. dev.".length()).trim().split(" +");
                assertEquals(2, cells.length, "two numbers separated by spaces: " + line + "\n" + report);
                for (int c = 0; c < 2; c++) {
                    double expected = mean ? means[c][attribute] : Math.sqrt(covariances[c][attribute][attribute]);
                    double printed = Double.parseDouble(cells[c]);
                    assertEquals(expected, printed, 1e-4 * Math.abs(expected), line + "\n" + report);
                    checked++;
                }
            }
        }
        assertEquals(8, checked, report);
    }

    @Test
    void debugOutputHasALinePerIterationRestartAndCandidate() throws Exception {
        GaussianMixture fixed = new GaussianMixture();
        fixed.setOptions(Utils.splitOptions("-N 3 -n-init 2 -output-debug-info"));
        String log = stderrOf(() -> fixed.buildClusterer(TestData.irisWithoutClass()));
        int iterations = fixed.getModel().restarts().stream().mapToInt(RestartSummary::iterations).sum();
        assertEquals(iterations, count(log, "GaussianMixture: restart \\d+, iteration \\d+"), log);
        assertEquals(2, count(log, "GaussianMixture: restart \\d+\n"), log);

        GaussianMixture automatic = new GaussianMixture();
        automatic.setOptions(Utils.splitOptions("-min 2 -max 5 -output-debug-info"));
        String candidates = stderrOf(() -> automatic.buildClusterer(TestData.irisWithoutClass()));
        assertEquals(4, count(candidates, "GaussianMixture: candidate K=\\d full, log-likelihood"), candidates);
        assertTrue(count(candidates, "GaussianMixture: candidate K=5 full, restart \\d+, iteration \\d+") >= 4, candidates);

        GaussianMixture quiet = new GaussianMixture();
        quiet.setOptions(Utils.splitOptions("-N 3"));
        assertEquals("", stderrOf(() -> quiet.buildClusterer(TestData.irisWithoutClass())));
    }

    @Test
    void aSavedModelLoadsAndPredictsTheSame(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        GaussianMixture clusterer = new GaussianMixture();
        Instances iris = TestData.irisWithoutClass();
        clusterer.buildClusterer(iris);
        Path file = dir.resolve("gmm.model");
        SerializationHelper.write(file.toString(), clusterer);
        GaussianMixture loaded = (GaussianMixture) SerializationHelper.read(Files.newInputStream(file));
        assertEquals(clusterer.toString(), loaded.toString());
        String saved = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        assertTrue(saved.contains("gmm4j.SavedModel"), "the model is in the file as its saved form");
        assertFalse(saved.contains("gmm4j.internal"), "no engine class is in the file");
        for (int i = 0; i < iris.numInstances(); i += 10) {
            assertArrayEquals(clusterer.distributionForInstance(iris.instance(i)), loaded.distributionForInstance(iris.instance(i)), 0.0);
        }
    }

    private interface Action {
        void run() throws Exception;
    }

    private static String stderrOf(Action action) throws Exception {
        PrintStream original = System.err;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        System.setErr(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setErr(original);
        }
        return buffer.toString(StandardCharsets.UTF_8);
    }

    private static int count(String text, String regex) {
        return (int) java.util.regex.Pattern.compile(regex).matcher(text).results().count();
    }
}
