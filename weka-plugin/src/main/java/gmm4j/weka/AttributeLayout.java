// SPDX-License-Identifier: Apache-2.0
package gmm4j.weka;

import gmm4j.Dataset;
import weka.core.Attribute;
import weka.core.Instance;
import weka.core.Instances;

import java.io.Serial;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * How Weka attributes map onto the engine's columns: numeric and date attributes become numeric
 * columns, nominal attributes categorical columns (value index = code), Weka's missing value
 * becomes {@code NaN} or code {@code -1}, and instance weights become row weights. Kept with the
 * model so that test instances are read exactly as the training data were.
 */
public final class AttributeLayout implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    /** The training data's attributes (no instances). */
    private final Instances header;
    /** The indices of the numeric (and date) attributes, in column order. */
    private final int[] numeric;
    /** The indices of the nominal attributes, in column order. */
    private final int[] nominal;
    /** The number of values of each nominal attribute. */
    private final int[] levels;

    private AttributeLayout(Instances header, int[] numeric, int[] nominal, int[] levels) {
        this.header = header;
        this.numeric = numeric;
        this.nominal = nominal;
        this.levels = levels;
    }

    /**
     * The layout of a data set's attributes. The class attribute, if one is set, is left out (a
     * clusterer never sees it), and so is a nominal attribute that declares no values.
     *
     * @throws IllegalArgumentException for an attribute of a type the engine cannot model
     */
    public static AttributeLayout of(Instances data) {
        List<Integer> numeric = new ArrayList<>();
        List<Integer> nominal = new ArrayList<>();
        for (int a = 0; a < data.numAttributes(); a++) {
            if (a == data.classIndex()) continue;
            Attribute attribute = data.attribute(a);
            if (attribute.isNumeric()) { // numeric and date
                numeric.add(a);
            } else if (attribute.isNominal()) {
                // A nominal attribute declaring no values can only be missing: marginalising it
                // multiplies every density by one, so it is left out rather than refused.
                if (attribute.numValues() > 0) nominal.add(a);
            } else {
                throw new IllegalArgumentException("Attribute '" + attribute.name() + "' is "
                        + Attribute.typeToString(attribute) + ": only numeric, date and nominal attributes can be clustered.");
            }
        }
        int[] levels = nominal.stream().mapToInt(a -> data.attribute(a).numValues()).toArray();
        return new AttributeLayout(new Instances(data, 0), toArray(numeric), toArray(nominal), levels);
    }

    private static int[] toArray(List<Integer> list) {
        return list.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The instances as an engine data set; instance weights become row weights. */
    public Dataset dataset(Instances data) {
        checkCompatible(data);
        int n = data.numInstances();
        double[][] rows = new double[n][];
        int[][] codes = nominal.length == 0 ? null : new int[n][];
        double[] weights = new double[n];
        for (int i = 0; i < n; i++) {
            Instance instance = data.instance(i);
            rows[i] = numericValues(instance);
            if (codes != null) codes[i] = codes(instance);
            weights[i] = instance.weight();
        }
        return Dataset.of(rows, weights, codes, codes == null ? null : levels.clone());
    }

    /** The numeric and date values of an instance, {@code NaN} where missing. */
    public double[] numericValues(Instance instance) {
        checkCompatible(instance.dataset() == null ? null : instance.dataset(), instance.numAttributes());
        double[] x = new double[numeric.length];
        for (int j = 0; j < numeric.length; j++) {
            x[j] = instance.isMissing(numeric[j]) ? Double.NaN : instance.value(numeric[j]);
        }
        return x;
    }

    /** The nominal values of an instance as codes, {@code -1} where missing; {@code null} when there are no nominal attributes. */
    public int[] codes(Instance instance) {
        if (nominal.length == 0) return null;
        int[] c = new int[nominal.length];
        for (int j = 0; j < nominal.length; j++) {
            c[j] = instance.isMissing(nominal[j]) ? -1 : (int) instance.value(nominal[j]);
        }
        return c;
    }

    /** The training header (no instances). */
    public Instances header() {
        return new Instances(header, 0);
    }

    /** Attribute indices of the numeric columns, in column order. */
    public int[] numericAttributes() {
        return numeric.clone();
    }

    /** Attribute indices of the categorical columns, in column order. */
    public int[] nominalAttributes() {
        return nominal.clone();
    }

    private void checkCompatible(Instances data) {
        checkCompatible(data, data.numAttributes());
        for (int j = 0; j < nominal.length; j++) {
            int found = data.attribute(nominal[j]).numValues();
            if (found != levels[j]) {
                throw new IllegalArgumentException("Nominal attribute '" + data.attribute(nominal[j]).name() + "' has "
                        + found + " values but had " + levels[j] + " when the model was built.");
            }
        }
    }

    private void checkCompatible(Instances data, int numAttributes) {
        if (numAttributes != header.numAttributes()) {
            throw new IllegalArgumentException("The instance has " + numAttributes + " attributes but the model was built on "
                    + header.numAttributes() + " (" + (data == null ? "no header" : data.relationName()) + " vs "
                    + header.relationName() + ").");
        }
    }
}
