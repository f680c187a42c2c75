package dev.jotter.toolkit.prep;

import dev.jotter.toolkit.data.Columns;
import dev.jotter.toolkit.data.Matrix;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Encodes one label column as integers 0..k-1 in sorted order of its values, as scikit-learn's
 * {@code LabelEncoder}; the column keeps its name and becomes an integer column.
 *
 * <pre>{@code
 * jshell> var enc = LabelEncoder.of("species").fit(iris)
 * jshell> enc.classes()          // [setosa, versicolor, virginica]
 * jshell> enc.encode("virginica")  // 2
 * }</pre>
 *
 * @param column the label column
 */
public record LabelEncoder(String column) implements Transformer {

    /**
     * An encoder for one column.
     *
     * @param column the label column
     * @return an unfitted encoder
     */
    public static LabelEncoder of(String column) {
        return new LabelEncoder(column);
    }

    @Override
    public Fitted fit(Table table) {
        return new Fitted(column, Matrix.classes(table, column));
    }

    /**
     * A fitted label encoder.
     *
     * @param column the encoded column
     * @param classes the sorted classes; index = code
     */
    public record Fitted(String column, List<String> classes) implements FittedTransformer {

        /** Copies the class list. */
        public Fitted {
            classes = List.copyOf(classes);
        }

        /**
         * @param value a class name
         * @return its code
         * @throws IllegalArgumentException for a class not seen in fit
         */
        public int encode(String value) {
            int k = classes.indexOf(value);
            if (k < 0) {
                throw new IllegalArgumentException("Expected one of the classes " + classes + " of column '" + column + "', found '" + value + "'");
            }
            return k;
        }

        /**
         * @param code a code in {@code 0..classes().size()-1}
         * @return its class name
         */
        public String decode(int code) {
            if (code < 0 || code >= classes.size()) {
                throw new IllegalArgumentException("Expected a code in 0.." + (classes.size() - 1) + " for column '" + column + "', found " + code);
            }
            return classes.get(code);
        }

        @Override
        public Table transform(Table table) {
            Column<?> c = Columns.require(table, column);
            Map<String, Integer> index = new HashMap<>();
            for (int k = 0; k < classes.size(); k++) {
                index.put(classes.get(k), k);
            }
            IntColumn out = IntColumn.create(column);
            for (int i = 0; i < c.size(); i++) {
                if (c.isMissing(i)) {
                    out.appendMissing();
                    continue;
                }
                Integer k = index.get(Matrix.className(c, i));
                if (k == null) {
                    throw new IllegalArgumentException("Expected one of the classes seen in fit, " + classes + ", in column '" + column + "', found '"
                            + Matrix.className(c, i) + "' at row " + i + "; refit on data that has it");
                }
                out.append(k);
            }
            return TableEdits.replace(table, Map.of(column, List.of(out)));
        }

        /**
         * Turns codes back into class names.
         *
         * @param table a table whose label column holds codes
         * @return a new table whose label column holds class names
         */
        public Table inverseTransform(Table table) {
            var c = Columns.numeric(table, column);
            StringColumn out = StringColumn.create(column);
            for (int i = 0; i < c.size(); i++) {
                if (c.isMissing(i)) {
                    out.appendMissing();
                } else {
                    out.append(decode((int) c.getDouble(i)));
                }
            }
            return TableEdits.replace(table, Map.of(column, List.of(out)));
        }
    }
}
