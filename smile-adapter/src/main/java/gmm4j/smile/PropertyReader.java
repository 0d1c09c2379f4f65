// SPDX-License-Identifier: Apache-2.0
package gmm4j.smile;

import java.util.Arrays;
import java.util.Locale;
import java.util.Properties;
import java.util.function.Function;

/** Reads typed values of {@code prefix.name} keys, naming the key when a value does not parse. */
final class PropertyReader {
    private final Properties props;
    private final String prefix;

    PropertyReader(Properties props, String prefix) {
        this.props = props;
        this.prefix = prefix;
    }

    int integer(String name, int fallback) {
        return value(name, fallback, Integer::valueOf, "an integer");
    }

    long whole(String name, long fallback) {
        return value(name, fallback, Long::valueOf, "an integer");
    }

    double real(String name, double fallback) {
        return value(name, fallback, Double::valueOf, "a number");
    }

    /** {@code true} or {@code false}, in any case. */
    boolean flag(String name, boolean fallback) {
        return value(name, fallback, text -> {
            if (text.equalsIgnoreCase("true")) return true;
            if (text.equalsIgnoreCase("false")) return false;
            throw new IllegalArgumentException(text);
        }, "true or false");
    }

    /** An enum constant by name, in any case. */
    <E extends Enum<E>> E choice(String name, E fallback) {
        Class<E> type = fallback.getDeclaringClass();
        return value(name, fallback, text -> Enum.valueOf(type, text.toUpperCase(Locale.ROOT)),
                "one of " + Arrays.toString(type.getEnumConstants()));
    }

    /** A covariance type by any name {@link gmm4j.CovarianceType#parse} accepts (scikit-learn's or mclust's). */
    gmm4j.CovarianceType covariance(String name, gmm4j.CovarianceType fallback) {
        return value(name, fallback, gmm4j.CovarianceType::parse, "one of " + gmm4j.CovarianceType.acceptedNames());
    }

    private <T> T value(String name, T fallback, Function<String, T> parse, String expected) {
        String key = prefix + name;
        String text = props.getProperty(key);
        if (text == null) return fallback;
        try {
            return parse.apply(text.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(key + " must be " + expected + ", not '" + text + "'.", e);
        }
    }
}
