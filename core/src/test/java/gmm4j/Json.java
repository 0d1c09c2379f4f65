// SPDX-License-Identifier: Apache-2.0
package gmm4j;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A minimal JSON reader for the reference files (objects, arrays, numbers, strings, literals). */
public final class Json {
    private final String text;
    private int at;

    private Json(String text) {
        this.text = text;
    }

    /** The JSON object of a test resource. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> resource(String path) {
        try (java.io.InputStream in = Json.class.getResourceAsStream(path)) {
            return (Map<String, Object>) parse(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public static Object parse(String text) {
        Json json = new Json(text);
        Object value = json.value();
        json.skipSpace();
        if (json.at != text.length()) throw json.error("trailing text");
        return value;
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> object(Object o, String key) {
        return (Map<String, Object>) ((Map<String, Object>) o).get(key);
    }

    public static double number(Object o, String key) {
        return ((Number) ((Map<?, ?>) o).get(key)).doubleValue();
    }

    /** A nested list of numbers as a flat array, in row-major order. */
    public static double[] flat(Object o) {
        List<Double> out = new ArrayList<>();
        flatten(o, out);
        double[] a = new double[out.size()];
        for (int i = 0; i < a.length; i++) a[i] = out.get(i);
        return a;
    }

    private static void flatten(Object o, List<Double> out) {
        if (o instanceof List<?> list) {
            for (Object e : list) flatten(e, out);
        } else {
            out.add(((Number) o).doubleValue());
        }
    }

    private Object value() {
        skipSpace();
        char c = text.charAt(at);
        switch (c) {
            case '{':
                return object();
            case '[':
                return array();
            case '"':
                return string();
            default:
                if (text.startsWith("true", at)) {
                    at += 4;
                    return Boolean.TRUE;
                }
                if (text.startsWith("false", at)) {
                    at += 5;
                    return Boolean.FALSE;
                }
                if (text.startsWith("null", at)) {
                    at += 4;
                    return null;
                }
                return number();
        }
    }

    private Map<String, Object> object() {
        Map<String, Object> map = new LinkedHashMap<>();
        at++;
        skipSpace();
        if (text.charAt(at) == '}') {
            at++;
            return map;
        }
        while (true) {
            skipSpace();
            String key = string();
            skipSpace();
            expect(':');
            map.put(key, value());
            skipSpace();
            if (text.charAt(at) == ',') {
                at++;
                continue;
            }
            expect('}');
            return map;
        }
    }

    private List<Object> array() {
        List<Object> list = new ArrayList<>();
        at++;
        skipSpace();
        if (text.charAt(at) == ']') {
            at++;
            return list;
        }
        while (true) {
            list.add(value());
            skipSpace();
            if (text.charAt(at) == ',') {
                at++;
                continue;
            }
            expect(']');
            return list;
        }
    }

    private String string() {
        expect('"');
        int end = text.indexOf('"', at);
        String s = text.substring(at, end);
        at = end + 1;
        return s;
    }

    private Double number() {
        int start = at;
        while (at < text.length() && "+-0123456789.eE".indexOf(text.charAt(at)) >= 0) at++;
        if (start == at) {
            if (text.startsWith("NaN", at)) {
                at += 3;
                return Double.NaN;
            }
            throw error("unexpected character");
        }
        return Double.parseDouble(text.substring(start, at));
    }

    private void expect(char c) {
        if (text.charAt(at) != c) throw error("expected '" + c + "'");
        at++;
    }

    private void skipSpace() {
        while (at < text.length() && Character.isWhitespace(text.charAt(at))) at++;
    }

    private IllegalStateException error(String what) {
        return new IllegalStateException(what + " at offset " + at);
    }
}
