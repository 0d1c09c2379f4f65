// SPDX-License-Identifier: Apache-2.0
package gmm4j.spark;

import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.DefaultParamsReader$;
import org.apache.spark.ml.util.DefaultParamsWriter$;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.ml.util.MLWriter;
import scala.Option;

import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;

/**
 * A saved {@link GaussianMixtureModel}: Spark's metadata JSON (class, uid, params) in
 * {@code metadata/}, written by {@code DefaultParamsWriter}, and the core model in
 * {@code data/model.ser}, in its Java-serialised form (the core's saved form: plain values,
 * checked on reading), read back through the core's {@link ObjectInputFilter}, which admits only
 * what a saved model holds. Any Hadoop file system works.
 */
final class ModelFiles {
    private ModelFiles() {
    }

    /** The core model's file, under the model's directory. */
    static final String DATA = "data/model.ser";

    /** Writes a model. */
    static final class Writer extends MLWriter {
        private final GaussianMixtureModel instance;

        Writer(GaussianMixtureModel instance) {
            this.instance = instance;
        }

        @Override
        public void saveImpl(String path) {
            DefaultParamsWriter$.MODULE$.saveMetadata(instance, path, sc(), Option.empty(), Option.empty());
            Path data = new Path(path, DATA);
            try {
                FileSystem fs = data.getFileSystem(sc().hadoopConfiguration());
                try (FSDataOutputStream raw = fs.create(data, true); ObjectOutputStream out = new ObjectOutputStream(raw)) {
                    out.writeObject(instance.toCoreModel());
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot write the model to " + data + ": " + e.getMessage(), e);
            }
        }
    }

    /** Reads a model. */
    static final class Reader extends MLReader<GaussianMixtureModel> {
        @Override
        public GaussianMixtureModel load(String path) {
            DefaultParamsReader.Metadata metadata = DefaultParamsReader$.MODULE$.loadMetadata(path, sc(),
                    GaussianMixtureModel.class.getName());
            Path data = new Path(path, DATA);
            gmm4j.GaussianMixtureModel core;
            try {
                FileSystem fs = data.getFileSystem(sc().hadoopConfiguration());
                try (FSDataInputStream raw = fs.open(data)) {
                    core = read(raw, data);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the model from " + data + ": " + e.getMessage(), e);
            }
            GaussianMixtureModel model = GaussianMixtureModel.loaded(metadata.uid(), core);
            metadata.getAndSetParams(model, Option.empty());
            return model;
        }
    }

    /** The core model in {@code in}, read through the core's {@link gmm4j.GaussianMixtureModel#SERIAL_FILTER}. */
    static gmm4j.GaussianMixtureModel read(InputStream in, Object source) throws IOException {
        try (ObjectInputStream objects = new ObjectInputStream(in)) {
            objects.setObjectInputFilter(gmm4j.GaussianMixtureModel.SERIAL_FILTER);
            Object read = objects.readObject();
            if (!(read instanceof gmm4j.GaussianMixtureModel model)) {
                throw new IOException(source + " holds a " + (read == null ? "null" : read.getClass().getName())
                        + ", not a gmm4j.GaussianMixtureModel.");
            }
            return model;
        } catch (ClassNotFoundException e) {
            throw new IOException(source + " holds an unknown class: " + e.getMessage(), e);
        }
    }
}
