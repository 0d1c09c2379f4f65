// SPDX-License-Identifier: Apache-2.0
package gmm4j.spark;

import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.Params;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructType;

import java.util.Arrays;

/** Checks of the input columns and the schema of the output columns. */
final class Columns {
    private Columns() {
    }

    /** @return the features column's param of {@code owner} (default "features") */
    static Param<String> featuresCol(Params owner) {
        return column(owner, "featuresCol", "the features column: vectors, NaN for a missing value", "features");
    }

    /** @return the prediction column's param of {@code owner} (default "prediction") */
    static Param<String> predictionCol(Params owner) {
        return column(owner, "predictionCol", "the predicted component column", "prediction");
    }

    /** @return the probability column's param of {@code owner} (default "probability") */
    static Param<String> probabilityCol(Params owner) {
        return column(owner, "probabilityCol", "the column of P(component | row)", "probability");
    }

    private static Param<String> column(Params owner, String name, String doc, String defaultValue) {
        Param<String> param = new Param<>(owner, name, doc);
        owner.setDefault(param, defaultValue);
        return param;
    }

    /**
     * {@code schema} with the prediction (int) and probability (vector) columns added, after
     * checking that the features column holds vectors.
     *
     * @throws IllegalArgumentException naming a missing or mistyped features column, or an output
     *                                  column that exists already
     */
    static StructType withOutputs(StructType schema, String features, String prediction, String probability) {
        checkVector(schema, features);
        for (String output : new String[]{prediction, probability}) {
            if (Arrays.asList(schema.fieldNames()).contains(output)) {
                throw new IllegalArgumentException("Output column '" + output + "' exists already: choose another name.");
            }
        }
        return schema.add(prediction, DataTypes.IntegerType, false).add(probability, SQLDataTypes.VectorType(), false);
    }

    /** @throws IllegalArgumentException when the column is missing or does not hold vectors */
    static void checkVector(StructType schema, String column) {
        DataType type = typeOf(schema, column, "vectors");
        if (!SQLDataTypes.VectorType().equals(type)) {
            throw new IllegalArgumentException("Column '" + column + "' must hold vectors (" + SQLDataTypes.VectorType().typeName()
                    + "), not " + type.simpleString() + ": assemble the features with VectorAssembler.");
        }
    }

    /** @throws IllegalArgumentException when the column is missing or not numeric */
    static void checkNumeric(StructType schema, String column) {
        DataType type = typeOf(schema, column, "numbers");
        if (!(type instanceof NumericType)) {
            throw new IllegalArgumentException("Column '" + column + "' must hold numbers (the row weights), not "
                    + type.simpleString() + ".");
        }
    }

    private static DataType typeOf(StructType schema, String column, String what) {
        if (!Arrays.asList(schema.fieldNames()).contains(column)) {
            throw new IllegalArgumentException("There is no column '" + column + "' (of " + what + "); the columns are "
                    + Arrays.toString(schema.fieldNames()) + ".");
        }
        return schema.apply(column).dataType();
    }
}
