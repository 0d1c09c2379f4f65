package gmm4j.spark;

import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructType;

import java.util.Arrays;

/** Checks of the input columns and the schema of the output columns. */
final class Columns {
    private Columns() {
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
