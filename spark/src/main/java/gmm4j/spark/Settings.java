// SPDX-License-Identifier: Apache-2.0
package gmm4j.spark;

import gmm4j.CovarianceType;
import gmm4j.FitSettings;
import gmm4j.Initialization;
import scala.Function1;

import java.io.Serializable;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The names the Spark params accept for the core's enumerations, and the params' validators
 * (Spark calls them on every {@code set}).
 */
final class Settings {
    private Settings() {
    }

    /** The names of the distributed k-means|| start, which the core stands in for with its k-means. */
    private static final java.util.Set<String> KMEANS_PARALLEL = java.util.Set.of("k-means||", "kmeans||", "kmeans_parallel");

    /**
     * Initialisations by name: every {@link Initialization} by its own name, scikit-learn's
     * spellings, and k-means|| (as the core's k-means, the nearest one-machine start).
     */
    private static final Map<String, Initialization> INITS = Map.of(
            "kmeans", Initialization.KMEANS, "kmeans_plus_plus", Initialization.KMEANS_PLUS_PLUS,
            "k-means++", Initialization.KMEANS_PLUS_PLUS, "kmeans++", Initialization.KMEANS_PLUS_PLUS,
            "random", Initialization.RANDOM, "random_from_data", Initialization.RANDOM_FROM_DATA,
            "hierarchical", Initialization.HIERARCHICAL,
            "k-means||", Initialization.KMEANS, "kmeans||", Initialization.KMEANS,
            "kmeans_parallel", Initialization.KMEANS);

    /** Whether an initMode names the distributed k-means|| start (case-insensitive). */
    static boolean isKMeansParallel(String name) {
        return KMEANS_PARALLEL.contains(name.toLowerCase(Locale.ROOT));
    }

    /** The covariance type a name means: the core's {@link CovarianceType#parse}, its message naming the param. */
    static CovarianceType covariance(String name) {
        try {
            return CovarianceType.parse(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("covarianceType: " + e.getMessage(), e);
        }
    }

    /** The initialisation a name means (case-insensitive). */
    static Initialization init(String name) {
        return lookUp(INITS, name, "initMode");
    }

    /** The name a param holds for a core value: its enum name in lower case. */
    static String name(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    /** The accepted names, for a param's documentation: the core's. */
    static String covarianceNames() {
        return CovarianceType.acceptedNames();
    }

    /** The accepted names, sorted, for a param's documentation. */
    static String initNames() {
        return sorted(INITS);
    }

    private static String sorted(Map<String, ?> names) {
        return names.keySet().stream().sorted().collect(Collectors.joining(", "));
    }

    private static <T> T lookUp(Map<String, T> names, String name, String param) {
        T value = name == null ? null : names.get(name.toLowerCase(Locale.ROOT));
        if (value == null) {
            throw new IllegalArgumentException(param + " must be one of " + sorted(names) + " (any case), not '" + name + "'.");
        }
        return value;
    }

    /** A validator of a string param: one of {@code names}, in any case. */
    private static Function1<String, Object> nameOf(Map<String, ?> names) {
        return (Function1<String, Object> & Serializable) v -> v != null && names.containsKey(v.toLowerCase(Locale.ROOT));
    }

    /** The validator of {@code covarianceType}: a name {@link CovarianceType#parse} accepts. */
    static Function1<String, Object> covarianceValidator() {
        return (Function1<String, Object> & Serializable) v -> {
            try {
                CovarianceType.parse(v);
                return true;
            } catch (IllegalArgumentException e) {
                return false;
            }
        };
    }

    /** The validator of {@code initMode}. */
    static Function1<String, Object> initValidator() {
        return nameOf(INITS);
    }

    /** A validator of a double param: finite and not negative, as {@link FitSettings#checkTolerance}. */
    static Function1<Object, Object> finiteNotNegative() {
        return (Function1<Object, Object> & Serializable) v -> {
            double x = (Double) v;
            return x >= 0 && !Double.isInfinite(x);
        };
    }

    /** A validator of an int param: at least one, as {@link FitSettings#checkComponents}. */
    static Function1<Object, Object> atLeastOne() {
        return (Function1<Object, Object> & Serializable) v -> (Integer) v >= 1;
    }
}
