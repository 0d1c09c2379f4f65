package gmm4j.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A library outside the JVM (scikit-learn through python3, mclust through Rscript), run as a script
 * on the same data and start, written to temporary files as raw doubles. The script times each fit
 * itself (so interpreter start-up and file reading are not counted), in {@link IterationTiming#ROUNDS}
 * rounds, and prints {@code RESULT type seconds_1 seconds_11 iterations_1 iterations_11} with the
 * median times; the per-iteration time is the difference, as in {@link IterationTiming}. Only used when its interpreter and library are installed.
 */
final class ExternalPeer implements Peer {
    /** The library's types in the order of the script's arguments, with their neutral names. */
    record Variant(String own, String type) {
    }

    private final String name;
    private final List<String> interpreter;
    private final Path script;
    private final List<Variant> variants;
    private String version;

    private ExternalPeer(String name, List<String> interpreter, Path script, List<Variant> variants, String version) {
        this.name = name;
        this.interpreter = interpreter;
        this.script = script;
        this.variants = variants;
        this.version = version;
    }

    /** scikit-learn, if some python3 on this machine imports it (Debian's python3-sklearn lives in /usr/bin/python3). */
    static ExternalPeer scikitLearn(Path workDirectory) throws IOException {
        for (String python : List.of("python3", "/usr/bin/python3")) {
            if (works(List.of(python, "-c", "import sklearn"))) {
                return new ExternalPeer("scikit-learn", List.of(python),
                        extract("sklearn_em.py", workDirectory),
                        List.of(new Variant("full", "full"), new Variant("tied", "tied"),
                                new Variant("diag", "diag"), new Variant("spherical", "spherical")), python);
            }
        }
        return null;
    }

    /** mclust, if Rscript can load it. Its names: VVV full, EEE tied, VVI diagonal, VII spherical. */
    static ExternalPeer mclust(Path workDirectory) throws IOException {
        if (!works(List.of("Rscript", "-e", "suppressPackageStartupMessages(library(mclust))"))) return null;
        return new ExternalPeer("mclust", List.of("Rscript"), extract("mclust_em.R", workDirectory),
                List.of(new Variant("VVV", "full"), new Variant("EEE", "tied"),
                        new Variant("VVI", "diag"), new Variant("VII", "spherical")), "Rscript");
    }

    @Override
    public String name() {
        return version;
    }

    boolean isScikitLearn() {
        return name.equals("scikit-learn");
    }

    @Override
    public List<Measurement> measure(ClusterData data, StartingPoint start) {
        Problem problem = data.problem();
        List<Measurement> out = new ArrayList<>();
        Path dataFile = null, startFile = null;
        try {
            dataFile = Files.createTempFile(script.getParent(), "data", ".f64");
            startFile = Files.createTempFile(script.getParent(), "start", ".f64");
            BinaryDoubles.write(data.values(), dataFile);
            start.write(startFile);
            List<String> command = new ArrayList<>(interpreter);
            command.addAll(List.of(script.toString(), dataFile.toString(), startFile.toString(),
                    Integer.toString(problem.n()), Integer.toString(problem.d()), Integer.toString(problem.k()),
                    String.join(",", variants.stream().map(Variant::own).toList()),
                    Integer.toString(IterationTiming.ROUNDS)));
            if (isScikitLearn()) command.add(interpreter.size() + 1, "iterations");
            for (String line : ChildJvm.run(command)) parse(line, problem, out);
        } catch (IOException | InterruptedException e) {
            out.add(Measurement.failed(problem, name, "all", "", "failed: " + e));
        } finally {
            deleteQuietly(dataFile);
            deleteQuietly(startFile);
        }
        return out;
    }

    private void parse(String line, Problem problem, List<Measurement> out) {
        String[] f = line.trim().split("\\s+", 3);
        if (f[0].equals("VERSION")) {
            version = line.substring("VERSION ".length()).trim();
        } else if (f[0].equals("RESULT")) {
            String[] r = line.trim().split("\\s+");
            String type = typeOf(r[1]);
            IterationTiming.Result t = IterationTiming.fromTimes(Double.parseDouble(r[2]), Double.parseDouble(r[3]),
                    Integer.parseInt(r[4]), Integer.parseInt(r[5]));
            String note = IterationTiming.warnings(t) + IterationTiming.METHOD + ", timed in " + interpreterName();
            out.add(new Measurement(problem, name, r[1], type, t.secondsPerIteration(), note));
        } else if (f[0].equals("FAILED")) {
            out.add(Measurement.failed(problem, name, f[1], typeOf(f[1]), "failed: " + (f.length > 2 ? f[2] : "")));
        }
    }

    /** The one-fit time of the true model with the library's defaults (scikit-learn only): seconds and iterations. */
    double[] oneDefaultFit(ClusterData data) throws IOException, InterruptedException {
        Path dataFile = Files.createTempFile(script.getParent(), "data", ".f64");
        try {
            BinaryDoubles.write(data.values(), dataFile);
            List<String> command = new ArrayList<>(interpreter);
            Problem p = data.problem();
            command.addAll(List.of(script.toString(), "onefit", dataFile.toString(), Integer.toString(p.n()),
                    Integer.toString(p.d()), Integer.toString(p.k())));
            for (String line : ChildJvm.run(command)) {
                String[] f = line.trim().split("\\s+");
                if (f[0].equals("ONEFIT")) return new double[] {Double.parseDouble(f[1]), Double.parseDouble(f[2])};
            }
            return null;
        } finally {
            deleteQuietly(dataFile);
        }
    }

    private String typeOf(String own) {
        return variants.stream().filter(v -> v.own().equals(own)).map(Variant::type).findFirst().orElse(own);
    }

    private String interpreterName() {
        return name.equals("mclust") ? "R" : "Python";
    }

    private static boolean works(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(2, TimeUnit.MINUTES) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static Path extract(String resource, Path directory) throws IOException {
        Path file = directory.resolve(resource);
        try (InputStream in = ExternalPeer.class.getResourceAsStream(resource)) {
            if (in == null) throw new IOException("missing resource " + resource);
            Files.copy(in, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        return file;
    }

    private static void deleteQuietly(Path file) {
        if (file == null) return;
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a leftover temporary file is harmless
        }
    }
}
