// SPDX-License-Identifier: Apache-2.0
package gmm4j.smile;

import gmm4j.CovarianceType;
import gmm4j.Initialization;
import org.junit.jupiter.api.Test;
import smile.io.Read;
import smile.io.Write;

import java.io.InvalidClassException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Models round-trip through Smile's own object I/O, with no Smile matrix type in the stream. */
class SerializationTest {
    /** What the README tells Smile 6.1+ users to pass to {@code Read.object}. */
    static final ObjectInputFilter FILTER = GaussianMixtureClustering.SERIAL_FILTER;

    @Test
    void aModelRoundTripsThroughSmileIo() throws Exception {
        double[][] iris = TestData.iris();
        var model = GaussianMixtureClustering.fit(iris, new GaussianMixtureClustering.Options(3, CovarianceType.FULL,
                100, 1E-3, 1E-6, 1, Initialization.KMEANS, 42, 1, null));
        Path file = Write.object(model);
        try {
            var back = (GaussianMixtureClustering) read(file);
            assertEquals(model.k(), back.k());
            assertArrayEquals(model.group(), back.group());
            assertArrayEquals(model.size(), back.size());
            assertArrayEquals(model.weights(), back.weights());
            assertArrayEquals(model.covariances(), back.covariances());
            assertEquals(model.logLikelihood(), back.logLikelihood());
            for (double[] x : iris) assertEquals(model.logp(x), back.logp(x));

            String stream = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
            assertFalse(stream.contains("smile.math") || stream.contains("smile.tensor"),
                    "the serialized form must not depend on Smile's matrix types, which change between versions");
            assertFalse(stream.contains("gmm4j.internal"), "nor on the engine's classes");
            assertTrue(stream.contains("gmm4j.SavedModel"), "the check above reads class names");
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /**
     * A model written by Smile 4.4.2 ({@link #main} made the resource) reads back intact on the
     * Smile under test: the serialized form does not depend on Smile's version. The resource was
     * made again when the core model got its saved form (after 0.1, whose form is unreadable now):
     * {@code java -cp <the module's test class path, Smile 4.4.2> gmm4j.smile.SerializationTest src/test/resources}.
     */
    @Test
    void aModelWrittenWithSmile4ReadsBackOnThisSmile() throws Exception {
        Path file = Files.createTempFile("gmm4j-smile4", ".ser");
        try (var in = SerializationTest.class.getResourceAsStream("/" + SMILE4_MODEL)) {
            Files.copy(in, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            var back = (GaussianMixtureClustering) read(file);
            double[][] iris = TestData.iris();
            assertEquals(3, back.k());
            assertEquals(iris.length, back.group().length);
            assertEquals(Arrays.stream(iris).mapToDouble(back::logp).sum(), back.logLikelihood(), 1E-9);
            for (int i = 0; i < iris.length; i++) assertEquals(back.predict(iris[i]), back.group(i));
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** The filter admits exactly the classes of a saved clustering: it rejects a stream of anything else. */
    @Test
    void theFilterRejectsOtherClasses() throws Exception {
        Path file = Files.createTempFile("gmm4j-set", ".ser");
        try {
            try (ObjectOutputStream out = new ObjectOutputStream(Files.newOutputStream(file))) {
                out.writeObject(new java.util.HashSet<>(java.util.List.of(1)));
            }
            assertThrows(InvalidClassException.class, () -> read(file, FILTER));
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static final String SMILE4_MODEL = "iris-k3-written-by-smile-4.4.2.ser";

    /** Writes the resource of {@link #aModelWrittenWithSmile4ReadsBackOnThisSmile} to {@code args[0]}; run it on Smile 4.4.2. */
    public static void main(String[] args) throws Exception {
        var model = GaussianMixtureClustering.fit(TestData.iris(), new GaussianMixtureClustering.Options(3,
                CovarianceType.FULL, 100, 1E-3, 1E-6, 1, Initialization.KMEANS, 42, 1, null));
        Write.object(model, Path.of(args[0], SMILE4_MODEL));
    }

    /**
     * Reads as a Smile user must: Smile 6.1+ has {@code Read.object(Path, ObjectInputFilter)} and its
     * plain {@code Read.object(Path)} rejects classes outside Smile; older Smile reads anything, so
     * there the file is read as that method does, through the filter.
     */
    private static Object read(Path file) throws Exception {
        Method filtered = Arrays.stream(Read.class.getMethods())
                .filter(m -> m.getName().equals("object") && m.getParameterCount() == 2
                        && m.getParameterTypes()[1] == ObjectInputFilter.class)
                .findFirst().orElse(null);
        if (filtered == null) return read(file, FILTER);
        assertThrows(InvalidClassException.class, () -> Read.object(file),
                "Smile 6.1+ rejects gmm4j classes without a filter");
        return filtered.invoke(null, file, FILTER);
    }

    private static Object read(Path file, ObjectInputFilter filter) throws Exception {
        try (ObjectInputStream in = new ObjectInputStream(Files.newInputStream(file))) {
            in.setObjectInputFilter(filter);
            return in.readObject();
        }
    }
}
