// SPDX-License-Identifier: Apache-2.0
package gmm4j.benchmarks;


import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Two builds of the engine in one JVM, taking turns fit by fit: the ratio of their times for a change
 * that must not alter the speed by more than a few percent. Fresh JVMs, one per measurement, swing by
 * 20% and more on a shared machine (a spell of load, the JIT's choices); two engines timed in
 * alternation inside one JVM see the same spells, so the ratio of each pair of consecutive fits holds
 * still where their times do not: the same jar against itself gave a median ratio of 1.00 ± 0.01.
 *
 * <p>Each engine's core jar gets a class loader of its own, beside this module's classes and the
 * classpath's other jars, so the harness's data and starting point are the same code for both. The
 * engines warm up in turn ({@link Gmm4jPeer#warmUp}), then each pair of timed fits runs in the order
 * base–new, new–base, … and gives one ratio new ÷ base of seconds per iteration; at least {@code PAIRS}
 * pairs, and pairs for at least {@value #MIN_SECONDS} seconds.
 *
 * <p>Usage: {@code PairedEngines BASE_JAR NEW_JAR PROBLEM TYPE THREADS PAIRS}; prints
 * {@code PAIRED ratioMedian ratioQ1 ratioQ3 baseMedianSeconds newMedianSeconds}.
 * {@code benchmarks/compare-engines.sh} runs it with {@code PAIRED=1}.
 */
public final class PairedEngines {
    /** Short fits (small problems) pair on until this long: one pair's ratio of 0.15 s fits swings by 10%. */
    private static final double MIN_SECONDS = 20;

    private PairedEngines() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 6) throw new IllegalArgumentException("usage: PairedEngines BASE_JAR NEW_JAR PROBLEM TYPE THREADS PAIRS");
        Method base = entry(Path.of(args[0]));
        Method updated = entry(Path.of(args[1]));
        String problem = args[2], type = args[3];
        int threads = Integer.parseInt(args[4]), pairs = Integer.parseInt(args[5]);
        call(base, "warmUp", problem, type, threads);
        call(updated, "warmUp", problem, type, threads);
        List<Double> baseSeconds = new ArrayList<>(), newSeconds = new ArrayList<>(), ratios = new ArrayList<>();
        long start = System.nanoTime();
        for (int p = 0; p < pairs || System.nanoTime() - start < MIN_SECONDS * 1e9; p++) {
            double b, n;
            if (p % 2 == 0) {
                b = call(base, "timedFit", problem, type, threads);
                n = call(updated, "timedFit", problem, type, threads);
            } else {
                n = call(updated, "timedFit", problem, type, threads);
                b = call(base, "timedFit", problem, type, threads);
            }
            baseSeconds.add(b);
            newSeconds.add(n);
            ratios.add(n / b);
        }
        System.out.println(String.format(Locale.ROOT, "PAIRED %.4f %.4f %.4f %.6f %.6f", quantile(ratios, 0.5),
                quantile(ratios, 0.25), quantile(ratios, 0.75), quantile(baseSeconds, 0.5), quantile(newSeconds, 0.5)));
    }

    /** {@link Turn#run} as loaded from an engine's jar, ahead of this module's classes and the classpath's other jars. */
    private static Method entry(Path engineJar) throws ReflectiveOperationException, MalformedURLException {
        if (!engineJar.toFile().isFile()) throw new IllegalArgumentException("no engine jar at " + engineJar);
        List<URL> urls = new ArrayList<>();
        urls.add(engineJar.toUri().toURL());
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            if (!entry.isEmpty()) urls.add(Path.of(entry).toUri().toURL());
        }
        // the platform loader as parent: nothing of the engine or this module is found outside this loader
        ClassLoader loader = new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
        return loader.loadClass(Turn.class.getName()).getMethod("run", String.class, String.class, String.class, int.class);
    }

    private static double call(Method entry, String what, String problem, String type, int threads) throws Exception {
        try {
            return (double) entry.invoke(null, what, problem, type, threads);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    /** The value at {@code q} of the sorted values (the nearest rank, no interpolation); sorts a copy. */
    static double quantile(List<Double> values, double q) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return sorted[(int) Math.floor(q * (sorted.length - 1) + 0.5)];
    }

    /** Runs inside one engine's class loader: its static data are that loader's own. */
    public static final class Turn {
        private static ClusterData data;

        private Turn() {
        }

        /** {@code warmUp} (returns the fits it ran) or {@code timedFit} (returns seconds per iteration). */
        public static double run(String what, String problem, String type, int threads) {
            Problem parsed = Problem.parse(problem);
            if (data == null || !data.problem().equals(parsed)) data = ClusterData.generate(parsed, Comparison.SEED);
            gmm4j.CovarianceType covariance = gmm4j.CovarianceType.valueOf(type);
            return switch (what) {
                case "warmUp" -> Gmm4jPeer.warmUp(data.dataset(), data.startingPoint(), covariance, threads);
                case "timedFit" -> Gmm4jPeer.timedFit(data.dataset(), data.startingPoint(), covariance, threads).secondsPerIteration();
                default -> throw new IllegalArgumentException(what);
            };
        }
    }
}
