// SPDX-License-Identifier: Apache-2.0
package gmm4j.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * A library outside the JVM (scikit-learn through python3, mclust through Rscript), run as a script
 * on the same data and start, written to temporary files as raw doubles. The script times each fit
 * itself (so interpreter start-up and file reading are not counted) and prints
 * {@code RESULT type seconds_1 seconds_11 iterations_1 iterations_11}; run once a round, it gives one
 * round of {@link IterationTiming.Rounds}. Only used when its interpreter and library are installed.
 */
final class ExternalPeer implements Peer {
    /** The library's types in the order of the script's arguments, with their neutral names. */
    record Variant(String own, String type) {
    }

    private final String name;
    private final List<String> interpreter;
    private final Path script;
    private final List<Variant> variants;
    /** Its name in the table: with the version once the script has printed it. */
    private String fullName;

    private ExternalPeer(String name, List<String> interpreter, Path script, List<Variant> variants, String fullName) {
        this.name = name;
        this.interpreter = interpreter;
        this.script = script;
        this.variants = variants;
        this.fullName = fullName;
    }

    /** scikit-learn, if some python3 on this machine imports it (Debian's python3-sklearn lives in /usr/bin/python3). */
    static ExternalPeer scikitLearn(Path workDirectory) throws IOException {
        for (String python : List.of("python3", "/usr/bin/python3")) {
            if (works(List.of(python, "-c", "import sklearn"))) {
                return new ExternalPeer("scikit-learn", List.of(python),
                        extract("sklearn_em.py", workDirectory),
                        List.of(new Variant("full", "full"), new Variant("tied", "tied"),
                                new Variant("diag", "diag"), new Variant("spherical", "spherical")), "scikit-learn (" + python + ")");
            }
        }
        return null;
    }

    /** mclust, if Rscript can load it. Its names: VVV full, EEE tied, VVI diagonal, VII spherical. */
    static ExternalPeer mclust(Path workDirectory) throws IOException {
        if (!works(List.of("Rscript", "-e", "suppressPackageStartupMessages(library(mclust))"))) return null;
        return new ExternalPeer("mclust", List.of("Rscript"), extract("mclust_em.R", workDirectory),
                List.of(new Variant("VVV", "full"), new Variant("EEE", "tied"),
                        new Variant("VVI", "diag"), new Variant("VII", "spherical")), "mclust (Rscript)");
    }

    @Override
    public String name() {
        return fullName;
    }

    boolean isScikitLearn() {
        return name.equals("scikit-learn");
    }

    /** Writes the data and the start for the script; each round's run of it reads them. */
    @Override
    public Session prepare(ClusterData data, StartingPoint start) {
        Path dataFile = null, startFile = null;
        try {
            dataFile = Files.createTempFile(script.getParent(), "data", ".f64");
            startFile = Files.createTempFile(script.getParent(), "start", ".f64");
            BinaryDoubles.write(data.values(), dataFile);
            start.write(startFile);
            return new Script(data.problem(), dataFile, startFile);
        } catch (IOException e) {
            deleteQuietly(dataFile);
            deleteQuietly(startFile);
            return Session.untimed(List.of(Measurement.failed(data.problem(), name, "all", "", "failed: " + e)));
        }
    }

    /**
     * The script on one problem, run once a round for a single round of every type: each run is a new
     * interpreter, which warms up with an untimed 1-iteration fit of each type before timing it.
     */
    private final class Script implements Session {
        private final Problem problem;
        private final Path dataFile;
        private final Path startFile;
        private final Map<String, IterationTiming.Rounds> rounds = new LinkedHashMap<>();
        private final Map<String, String> failures = new HashMap<>();

        Script(Problem problem, Path dataFile, Path startFile) {
            this.problem = problem;
            this.dataFile = dataFile;
            this.startFile = startFile;
            for (Variant v : variants) rounds.put(v.own(), new IterationTiming.Rounds());
        }

        @Override
        public void round() {
            List<String> command = new ArrayList<>(interpreter);
            command.addAll(List.of(script.toString(), dataFile.toString(), startFile.toString(),
                    Integer.toString(problem.n()), Integer.toString(problem.d()), Integer.toString(problem.k()),
                    String.join(",", rounds.keySet()), "1"));
            if (isScikitLearn()) command.add(interpreter.size() + 1, "iterations");
            Set<String> reported = new HashSet<>();
            try {
                for (String line : ChildJvm.run(command)) parse(line, reported);
            } catch (IOException | InterruptedException e) {
                if (e instanceof InterruptedException) Thread.currentThread().interrupt();
                reported.clear();
                for (String own : rounds.keySet()) failures.putIfAbsent(own, "failed: " + e);
            }
            // a type missing from one round would leave its rounds out of step with the other libraries'
            for (String own : rounds.keySet()) {
                if (!reported.contains(own)) failures.putIfAbsent(own, "failed: no result in a round");
            }
        }

        private void parse(String line, Set<String> reported) {
            String[] f = line.trim().split("\\s+", 3);
            if (f[0].equals("VERSION")) {
                fullName = line.substring("VERSION ".length()).trim();
            } else if (f[0].equals("RESULT")) {
                String[] r = line.trim().split("\\s+");
                rounds.get(r[1]).add(Double.parseDouble(r[2]), Double.parseDouble(r[3]),
                        Integer.parseInt(r[4]), Integer.parseInt(r[5]));
                reported.add(r[1]);
            } else if (f[0].equals("FAILED")) {
                failures.putIfAbsent(f[1], "failed: " + (f.length > 2 ? f[2] : ""));
                reported.add(f[1]);
            }
        }

        @Override
        public List<Measurement> measurements() {
            List<Measurement> out = new ArrayList<>();
            for (Variant v : variants) {
                String failure = failures.get(v.own());
                out.add(failure != null ? Measurement.failed(problem, name, v.own(), v.type(), failure)
                        : rounds.get(v.own()).measurement(problem, name, v.own(), v.type(), "timed in " + interpreterName()));
            }
            return out;
        }

        @Override
        public void close() {
            deleteQuietly(dataFile);
            deleteQuietly(startFile);
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
