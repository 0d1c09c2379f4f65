// SPDX-License-Identifier: Apache-2.0
package gmm4j;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InvalidClassException;
import java.io.InvalidObjectException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serial;
import java.io.Serializable;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A model's saved form: plain values, read back exactly, checked on reading, behind a strict filter. */
class SavedModelTest {
    private static final int N = 600;

    /**
     * Three clusters in three numeric columns and a constant fourth (fitted without regularisation,
     * so its covariances need jitter, except the spherical ones), values missing here and there, one
     * row with nothing observed, two categorical columns that follow the clusters, three restarts.
     */
    static GaussianMixtureModel everythingModel(CovarianceType type) {
        double[][] clusters = Mixtures.separated(N, 3, 3, 11);
        Random random = new Random(3);
        double[][] rows = new double[N][];
        int[][] codes = new int[N][2];
        for (int i = 0; i < N; i++) {
            rows[i] = new double[]{clusters[i][0], clusters[i][1], clusters[i][2], 5};
            if (i % 7 == 3) rows[i][i % 3] = Double.NaN;
            codes[i][0] = random.nextDouble() < 0.8 ? i % 3 : random.nextInt(3);
            codes[i][1] = i % 11 == 5 ? -1 : random.nextInt(2);
        }
        rows[N - 1] = new double[]{Double.NaN, Double.NaN, Double.NaN, Double.NaN};
        codes[N - 1] = new int[]{-1, -1};
        return GaussianMixture.builder().components(3).covariance(type).restarts(3).regularization(0).seed(4).build()
                .fit(Dataset.of(rows, null, codes, new int[]{3, 2}));
    }

    /** RepairTest's start with a component far from every row: it is re-seeded. */
    static GaussianMixtureModel reseededModel(CovarianceType type) {
        StartingParameters start = new StartingParameters(new double[]{0.4, 0.4, 0.2},
                new double[][]{{0, 0}, {8, 8}, {1e4, 1e4}},
                new double[][][]{{{1, 0}, {0, 1}}, {{1, 0}, {0, 1}}, {{1e-2, 0}, {0, 1e-2}}});
        return GaussianMixture.builder().covariance(type).start(start).build().fit(Mixtures.separated(1000, 2, 2, 6));
    }

    /** OutlierRepairTest's outlier takes a component that no repair can move: a collapse left unrepaired. */
    static GaussianMixtureModel collapsedModel(CovarianceType type) {
        return OutlierRepairTest.outlierSeeded(2).covariance(type).build().fit(OutlierRepairTest.blobsAndOutlier(1000));
    }

    /**
     * OutlierRepairTest's outlier as noise, with a categorical column; {@code gaps}: values missing
     * here and there (the box is then the bounding box; without, the principal components' box).
     */
    static GaussianMixtureModel noiseModel(boolean gaps) {
        double[][] rows = OutlierRepairTest.blobsAndOutlier(1000);
        int[][] codes = new int[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            if (gaps && i % 9 == 4) rows[i][i % 2] = Double.NaN;
            codes[i] = new int[]{i % 3 == 0 ? -1 : i % 2};
        }
        return GaussianMixture.builder().components(2).noise(true).build().fit(Dataset.of(rows, null, codes, new int[]{2}));
    }

    static List<GaussianMixtureModel> realModels() {
        List<GaussianMixtureModel> models = new ArrayList<>();
        models.add(collapsedModel(CovarianceType.FULL));
        models.add(noiseModel(false));
        models.add(noiseModel(true));
        for (CovarianceType type : CovarianceType.values()) {
            models.add(everythingModel(type));
            models.add(reseededModel(type));
        }
        return models;
    }

    @ParameterizedTest
    @EnumSource(CovarianceType.class)
    void aModelOfEveryTypeReadsBackThroughTheFilterExactly(CovarianceType type) throws Exception {
        for (GaussianMixtureModel model : List.of(everythingModel(type), reseededModel(type))) {
            GaussianMixtureModel back = read(write(model), GaussianMixtureModel.SERIAL_FILTER);
            assertSameModel(model, back);
        }
    }

    @Test
    void aModelWithNoiseReadsBackExactly() throws Exception {
        for (boolean gaps : new boolean[]{false, true}) {
            GaussianMixtureModel model = noiseModel(gaps);
            GaussianMixtureModel back = read(write(model), GaussianMixtureModel.SERIAL_FILTER);
            assertSameModel(model, back);
            assertTrue(back.hasNoise());
            assertEquals(model.noiseWeight(), back.noiseWeight());
            assertEquals(model.noiseVolume(), back.noiseVolume());
            assertEquals(model.parameterCount(), back.parameterCount());
        }
    }

    /**
     * A format 1 stream has no noise fields (Java's serialization leaves them null and 0): a model
     * without noise; it kept the posteriors' entropy, not the MAP log-loss, so its ICL is unknown.
     */
    @Test
    void aFormatOneModelStillReads() throws Exception {
        GaussianMixtureModel model = everythingModel(CovarianceType.FULL);
        SavedModel saved = new SavedModel(model);
        set(saved, "format", 1);
        GaussianMixtureModel back = read(write(saved), GaussianMixtureModel.SERIAL_FILTER);
        assertArrayEquals(model.covariances(), back.covariances(), "the covariances, to the bit");
        assertEquals(model.logLikelihood(), back.logLikelihood());
        assertEquals(model.bic(), back.bic());
        assertTrue(Double.isNaN(back.mapLogLoss()) && Double.isNaN(back.icl()), "ICL unknown: " + back.icl());
        assertFalse(back.hasNoise());
    }

    /** The fixtures are what they claim to be: every part of the saved form is exercised. */
    @Test
    void theModelsHoldRepairsOfBothKindsRestartsMissingValuesAndCategories() {
        List<GaussianMixtureModel> models = realModels();
        Set<Repair.Kind> kinds = new HashSet<>();
        for (GaussianMixtureModel m : models) for (Repair r : m.repairs()) kinds.add(r.kind());
        assertEquals(Set.of(Repair.Kind.values()), kinds);
        GaussianMixtureModel everything = everythingModel(CovarianceType.FULL);
        assertEquals(3, everything.restarts().size());
        assertEquals(1, everything.ignoredRows());
        assertEquals(2, everything.levelProbabilities()[0].length);
        assertTrue(everything.repairs().stream().anyMatch(r -> r.kind() == Repair.Kind.JITTER_RAISED));
    }

    private static void assertSameModel(GaussianMixtureModel model, GaussianMixtureModel back) {
        assertEquals(model.covarianceType(), back.covarianceType());
        assertArrayEquals(model.weights(), back.weights());
        assertArrayEquals(model.means(), back.means());
        assertArrayEquals(model.covariances(), back.covariances(), "the covariances, to the bit");
        assertArrayEquals(model.precisionCholesky(), back.precisionCholesky());
        assertArrayEquals(model.levelProbabilities(), back.levelProbabilities());
        assertArrayEquals(model.scale().columnMeans(), back.scale().columnMeans());
        assertEquals(model.scale().floor(), back.scale().floor());
        assertEquals(model.logLikelihood(), back.logLikelihood());
        assertEquals(model.mapLogLoss(), back.mapLogLoss());
        assertEquals(model.totalWeight(), back.totalWeight());
        assertEquals(model.iterations(), back.iterations());
        assertEquals(model.converged(), back.converged());
        assertEquals(model.cancelled(), back.cancelled());
        assertEquals(model.ignoredRows(), back.ignoredRows());
        assertEquals(model.repairs(), back.repairs());
        assertEquals(model.restarts().size(), back.restarts().size());
        for (int r = 0; r < model.restarts().size(); r++) {
            RestartSummary a = model.restarts().get(r), b = back.restarts().get(r);
            assertEquals(a.restart(), b.restart());
            assertEquals(a.iterations(), b.iterations());
            assertEquals(a.converged(), b.converged());
            assertEquals(a.meanLogLikelihood(), b.meanLogLikelihood());
            assertArrayEquals(a.trace(), b.trace());
        }
        assertEquals(model.toString(), back.toString());
        // scoring: the same to the bit, on rows with missing values and categories too
        Dataset data = sampleWithGaps(model);
        assertArrayEquals(model.logDensity(data), back.logDensity(data));
        assertArrayEquals(model.posterior(data), back.posterior(data));
        assertArrayEquals(model.predict(data), back.predict(data));
        assertEquals(model.logLikelihood(data), back.logLikelihood(data));
    }

    /** Rows drawn from the model, every fifth with its first value missing. */
    private static Dataset sampleWithGaps(GaussianMixtureModel model) {
        Sample sample = model.sample(200, new Random(8));
        double[][] rows = sample.rows();
        for (int i = 0; i < rows.length; i += 5) rows[i][0] = Double.NaN;
        int[] levels = java.util.Arrays.stream(model.levelProbabilities()[0]).mapToInt(p -> p.length).toArray();
        return levels.length == 0 ? Dataset.of(rows) : Dataset.of(rows, null, sample.categories(), levels);
    }

    @Test
    void noEngineClassNameIsInAStream() throws Exception {
        for (GaussianMixtureModel model : realModels()) {
            String stream = new String(write(model), StandardCharsets.ISO_8859_1);
            assertFalse(stream.contains("gmm4j.internal"), model.covarianceType() + ": " + stream);
            assertTrue(stream.contains(SavedModel.class.getName()), "the check above looks at the class names");
        }
    }

    /** What the filter admits is what real models need: these classes, this depth. */
    @Test
    void realModelsNameOnlyTheseClasses() throws Exception {
        Set<String> seen = new TreeSet<>();
        long[] deepest = {0};
        ObjectInputFilter recording = info -> {
            if (info.serialClass() != null) seen.add(info.serialClass().getName());
            deepest[0] = Math.max(deepest[0], info.depth());
            return GaussianMixtureModel.SERIAL_FILTER.checkInput(info);
        };
        for (GaussianMixtureModel model : realModels()) read(write(model), recording);
        assertEquals(new TreeSet<>(List.of("gmm4j.SavedModel", "gmm4j.GaussianMixtureModel", "gmm4j.CovarianceType", "java.lang.Enum",
                "gmm4j.RestartSummary", "[Lgmm4j.RestartSummary;", "gmm4j.Repair", "[Lgmm4j.Repair;",
                "gmm4j.Repair$Kind", "gmm4j.StopReason", "[D", "[[D", "[[[D", "[I")), seen);
        assertEquals(5, deepest[0]);
        assertTrue(deepest[0] < SavedModel.MAX_DEPTH);
    }

    /**
     * The classic stream of a few kilobytes, 100 levels of nested sets, two per level, whose reading
     * computes 2^100 hash codes: the filter rejects its first class, so the read ends at once.
     */
    @Test
    void nestedHashSetsAreRejected() throws Exception {
        Set<Object> root = new HashSet<>();
        Set<Object> s1 = root, s2 = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            Set<Object> t1 = new HashSet<>(), t2 = new HashSet<>();
            t1.add("different");
            s1.add(t1);
            s1.add(t2);
            s2.add(t1);
            s2.add(t2);
            s1 = t1;
            s2 = t2;
        }
        byte[] stream = write(root);
        assertTrue(stream.length < 8000, stream.length + " bytes");
        InvalidClassException e = assertThrows(InvalidClassException.class, () -> read(stream, GaussianMixtureModel.SERIAL_FILTER));
        assertTrue(e.getMessage().contains("REJECTED"), e.getMessage());
    }

    @Test
    void aStreamNamingAnEngineClassIsRejected() throws Exception {
        byte[] stream = write(everythingModel(CovarianceType.FULL).mixture());
        assertTrue(new String(stream, StandardCharsets.ISO_8859_1).contains("gmm4j.internal.Mixture"));
        assertThrows(InvalidClassException.class, () -> read(stream, GaussianMixtureModel.SERIAL_FILTER));
    }

    /**
     * A stream of the model class itself, not its saved form, is refused, filter or not (a stream
     * that 0.1 wrote also names engine classes, which the filter rejects: see above).
     */
    @Test
    void aStreamOfTheModelClassItselfIsRefused() throws Exception {
        byte[] stream = renameClass(write(new StandIn()), StandIn.class.getName(), GaussianMixtureModel.class.getName());
        for (ObjectInputFilter filter : new ObjectInputFilter[]{GaussianMixtureModel.SERIAL_FILTER, null}) {
            InvalidObjectException e = assertThrows(InvalidObjectException.class, () -> read(stream, filter));
            assertEquals("proxy required", e.getMessage());
        }
    }

    /** A class of the model's serialVersionUID, to write a stream that names the model class. */
    private static final class StandIn implements Serializable {
        @Serial
        private static final long serialVersionUID = 1L;
    }

    @Test
    void serialFilterAdmitsTheGivenClassesToo() throws Exception {
        Holder holder = new Holder(everythingModel(CovarianceType.DIAGONAL));
        byte[] stream = write(holder);
        assertThrows(InvalidClassException.class, () -> read(stream, GaussianMixtureModel.SERIAL_FILTER));
        Holder back = read(stream, GaussianMixtureModel.serialFilter(Holder.class));
        assertSameModel(holder.model, back.model);
    }

    /** A user's class that holds a model. */
    private record Holder(GaussianMixtureModel model) implements Serializable {
    }

    // ---- every check on reading --------------------------------------------------------------

    @Test
    void aSavedModelWithBadValuesFailsNamingTheField() throws Exception {
        assertRefused(CovarianceType.FULL, "format is 3", s -> set(s, "format", 3));
        assertRefused(CovarianceType.FULL, "covarianceType is missing", s -> set(s, "covarianceType", null));
        assertRefused(CovarianceType.FULL, "weights is missing", s -> set(s, "weights", null));
        assertRefused(CovarianceType.FULL, "weights is empty", s -> set(s, "weights", new double[0]));
        assertRefused(CovarianceType.FULL, "weights[1] is NaN", s -> this.<double[]>get(s, "weights")[1] = Double.NaN);
        assertRefused(CovarianceType.FULL, "weights[0] is -0.1", s -> this.<double[]>get(s, "weights")[0] = -0.1);
        assertRefused(CovarianceType.FULL, "weights sum to", s -> this.<double[]>get(s, "weights")[0] += 1e-6);
        assertRefused(CovarianceType.FULL, "means has length 2 where 3", s -> set(s, "means", new double[2][4]));
        assertRefused(CovarianceType.FULL, "means[1] has length 3 where 4", s -> this.<double[][]>get(s, "means")[1] = new double[3]);
        assertRefused(CovarianceType.FULL, "means[2][0] is Infinity", s -> this.<double[][]>get(s, "means")[2][0] = Double.POSITIVE_INFINITY);
        assertRefused(CovarianceType.FULL, "covariances has length 2", s -> set(s, "covariances", new double[2][][]));
        assertRefused(CovarianceType.FULL, "covariances[1][2] has length 3", s -> this.<double[][][]>get(s, "covariances")[1][2] = new double[3]);
        assertRefused(CovarianceType.FULL, "covariances[0][1][2] is NaN", s -> this.<double[][][]>get(s, "covariances")[0][1][2] = Double.NaN);
        assertRefused(CovarianceType.FULL, "covariances[1] is not symmetric at (1, 0)", s -> this.<double[][][]>get(s, "covariances")[1][1][0] += 0.5);
        assertRefused(CovarianceType.FULL, "covariances[2] is not positive definite", s -> {
            double[][] m = this.<double[][][]>get(s, "covariances")[2];
            m[0][1] = m[1][0] = 2 * Math.sqrt(m[0][0] * m[1][1]);
        });
        assertRefused(CovarianceType.TIED, "covariances[2] has", s -> this.<double[][][]>get(s, "covariances")[2][0][0] *= 2);
        assertRefused(CovarianceType.TIED, "which a TIED covariance cannot have", s -> this.<double[][][]>get(s, "covariances")[1][3][3] *= 2);
        assertRefused(CovarianceType.DIAGONAL, "covariances[1] has 0.01 at (0, 1), which a DIAGONAL", s -> {
            double[][] m = this.<double[][][]>get(s, "covariances")[1];
            m[0][1] = m[1][0] = 0.01;
        });
        assertRefused(CovarianceType.SPHERICAL, "at (2, 2), which a SPHERICAL", s -> this.<double[][][]>get(s, "covariances")[0][2][2] *= 2);
        assertRefused(CovarianceType.FULL, "levels is missing", s -> set(s, "levels", null));
        assertRefused(CovarianceType.FULL, "levels[1] is 0", s -> this.<int[]>get(s, "levels")[1] = 0);
        assertRefused(CovarianceType.FULL, "logLevelProbabilities[0][1] has length 2 where 3", s -> this.<int[]>get(s, "levels")[1] = 3);
        assertRefused(CovarianceType.FULL, "logLevelProbabilities[2] has length 1 where 2",
                s -> this.<double[][][]>get(s, "logLevelProbabilities")[2] = new double[1][]);
        assertRefused(CovarianceType.FULL, "logLevelProbabilities[1][0][2] is 0.5: a log probability is not positive",
                s -> this.<double[][][]>get(s, "logLevelProbabilities")[1][0][2] = 0.5);
        assertRefused(CovarianceType.FULL, "the probabilities of logLevelProbabilities[1][1] sum to",
                s -> this.<double[][][]>get(s, "logLevelProbabilities")[1][1][0] -= 1);
        assertRefused(CovarianceType.FULL, "columnMeans has length 3 where 4", s -> set(s, "columnMeans", new double[3]));
        assertRefused(CovarianceType.FULL, "columnMeans[3] is NaN", s -> this.<double[]>get(s, "columnMeans")[3] = Double.NaN);
        assertRefused(CovarianceType.FULL, "covarianceFloor is 0.0", s -> set(s, "covarianceFloor", 0.0));
        assertRefused(CovarianceType.FULL, "logLikelihood is NaN", s -> set(s, "logLikelihood", Double.NaN));
        assertRefused(CovarianceType.FULL, "mapLogLoss is -Infinity", s -> set(s, "mapLogLoss", Double.NEGATIVE_INFINITY));
        assertRefused(CovarianceType.FULL, "mapLogLoss is -1.0", s -> set(s, "mapLogLoss", -1.0));
        assertRefused(CovarianceType.FULL, "totalWeight is -1.0", s -> set(s, "totalWeight", -1.0));
        assertRefused(CovarianceType.FULL, "iterations is -1", s -> set(s, "iterations", -1));
        assertRefused(CovarianceType.FULL, "ignoredRows is -2", s -> set(s, "ignoredRows", -2));
        assertRefused(CovarianceType.FULL, "restarts[1] is missing", s -> this.<RestartSummary[]>get(s, "restarts")[1] = null);
        assertRefused(CovarianceType.FULL, "restarts[0].trace[1] is NaN", s -> {
            RestartSummary[] restarts = get(s, "restarts");
            double[] trace = restarts[0].trace();
            trace[1] = Double.NaN;
            restarts[0] = new RestartSummary(0, restarts[0].iterations(), false, restarts[0].meanLogLikelihood(), trace,
                    restarts[0].stopReason());
        });
        assertRefused(CovarianceType.FULL, "repairs[0].component is 3: it must be in [-1, 3)", s -> {
            Repair[] repairs = get(s, "repairs");
            Repair r = repairs[0];
            repairs[0] = new Repair(r.kind(), r.restart(), r.iteration(), 3, r.value(), r.row());
        });
        assertRefused(CovarianceType.FULL, "repairs is missing", s -> set(s, "repairs", null));
        assertRefused(CovarianceType.FULL, "noiseExtents is missing (null) but noiseWeight is 0.1", s -> set(s, "noiseWeight", 0.1));
        assertRefused(CovarianceType.FULL, "format is 0", s -> set(s, "format", 0));
    }

    @Test
    void aSavedNoiseComponentWithBadValuesFailsNamingTheField() throws Exception {
        assertRefused(noiseModel(false), "noiseWeight is NaN", s -> set(s, "noiseWeight", Double.NaN));
        assertRefused(noiseModel(false), "noiseWeight is 1.0: it must be in [0, 1)", s -> set(s, "noiseWeight", 1.0));
        assertRefused(noiseModel(false), "weights sum to", s -> set(s, "noiseWeight", this.<Double>get(s, "noiseWeight") + 1e-6));
        assertRefused(noiseModel(false), "noiseCorner has length 1 where 2", s -> set(s, "noiseCorner", new double[1]));
        assertRefused(noiseModel(false), "noiseCorner[1] is NaN", s -> this.<double[]>get(s, "noiseCorner")[1] = Double.NaN);
        assertRefused(noiseModel(false), "noiseExtents[0] is 0.0: it must be positive", s -> this.<double[]>get(s, "noiseExtents")[0] = 0);
        assertRefused(noiseModel(false), "noiseAxes is missing", s -> set(s, "noiseAxes", null));
        assertRefused(noiseModel(false), "noiseAxes[1] has length 3 where 2", s -> this.<double[][]>get(s, "noiseAxes")[1] = new double[3]);
        assertRefused(noiseModel(false), "noiseAxes[1] · noiseAxes[0] is", s -> this.<double[][]>get(s, "noiseAxes")[1][0] += 1e-3);
        assertRefused(noiseModel(false), "noiseLogVolume is", s -> set(s, "noiseLogVolume", this.<Double>get(s, "noiseLogVolume") + 1e-3));
    }

    /** The model's saved form, changed, then read: the read fails with a message holding {@code expected}. */
    private void assertRefused(CovarianceType type, String expected, Consumer<SavedModel> change) throws Exception {
        assertRefused(everythingModel(type), expected, change);
    }

    private void assertRefused(GaussianMixtureModel model, String expected, Consumer<SavedModel> change) throws Exception {
        SavedModel saved = new SavedModel(model);
        change.accept(saved);
        byte[] stream = write(saved);
        InvalidObjectException e = assertThrows(InvalidObjectException.class,
                () -> read(stream, GaussianMixtureModel.SERIAL_FILTER), expected);
        assertTrue(e.getMessage().contains(expected), "expected '" + expected + "' in: " + e.getMessage());
    }

    @SuppressWarnings("unchecked")
    private <T> T get(SavedModel saved, String field) {
        try {
            return (T) field(field).get(saved);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    private static void set(SavedModel saved, String field, Object value) {
        try {
            field(field).set(saved, value);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    private static Field field(String name) throws NoSuchFieldException {
        Field f = SavedModel.class.getDeclaredField(name);
        f.setAccessible(true);
        return f;
    }

    // ---- streams ------------------------------------------------------------------------------

    static byte[] write(Object o) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(o);
        }
        return bytes.toByteArray();
    }

    @SuppressWarnings("unchecked")
    static <T> T read(byte[] stream, ObjectInputFilter filter) throws IOException, ClassNotFoundException {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(stream))) {
            if (filter != null) in.setObjectInputFilter(filter);
            return (T) in.readObject();
        }
    }

    /** The stream with a class name (written as a length-prefixed UTF string) replaced by another. */
    private static byte[] renameClass(byte[] stream, String from, String to) {
        byte[] old = utf(from), replacement = utf(to);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = indexOf(stream, old);
        assertTrue(at >= 0, from + " is in the stream");
        out.write(stream, 0, at);
        out.write(replacement, 0, replacement.length);
        out.write(stream, at + old.length, stream.length - at - old.length);
        return out.toByteArray();
    }

    private static byte[] utf(String s) {
        byte[] chars = s.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[chars.length + 2];
        out[0] = (byte) (chars.length >> 8);
        out[1] = (byte) chars.length;
        System.arraycopy(chars, 0, out, 2, chars.length);
        return out;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) if (haystack[i + j] != needle[j]) continue outer;
            return i;
        }
        return -1;
    }
}
