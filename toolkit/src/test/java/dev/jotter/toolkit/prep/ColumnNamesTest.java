package dev.jotter.toolkit.prep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jotter.toolkit.data.Matrix;
import dev.jotter.toolkit.train.ClassicRegression;
import dev.jotter.toolkit.train.MlpClassifier;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * One rule for column names in every step: exact, case included, and a name that differs only in
 * case is refused with the table's own spelling. Before, {@code OneHotEncoder.of("Age")} on a
 * column {@code age} learnt the levels and returned the table unchanged, the scalers and the
 * imputer accepted it through Tablesaw's case-blind lookup, and the trainers refused it.
 */
class ColumnNamesTest {

    private static Table passengers() {
        return Table.create("passengers",
                DoubleColumn.create("age", 22, 38, 26, 35, 54, 2, 27, 14),
                StringColumn.create("town", "S", "C", "S", "S", "Q", "S", "C", "Q"),
                DoubleColumn.create("fare", 7.25, 71.3, 7.9, 53.1, 51.9, 21.1, 11.1, 30.1),
                StringColumn.create("survived", "no", "yes", "yes", "yes", "no", "no", "yes", "yes"));
    }

    @Test
    void everyStepRefusesANameThatDiffersOnlyInCaseWithTheSameDidYouMean() {
        Table t = passengers();
        List<Executable> steps = List.of(
                () -> OneHotEncoder.of("Town").fit(t),
                () -> StandardScaler.of("Age").fit(t),
                () -> MinMaxScaler.of("Age").fit(t),
                () -> Imputer.median("Age").fit(t),
                () -> Imputer.mostFrequent("Town").fit(t),
                () -> LabelEncoder.of("Town").fit(t),
                () -> Split.stratified(t, "Survived", 0.25, 1),
                () -> Matrix.features(t, "Age"),
                () -> MlpClassifier.builder().setFeatures("age", "fare").setLabel("Survived").build().fit(t),
                () -> MlpClassifier.builder().setFeatures("Age", "fare").setLabel("survived").build().fit(t),
                () -> MlpClassifier.builder().setLabel("Survived").build().fit(t),
                () -> ClassicRegression.ols().setFeatures("Age").setLabel("fare").build().fit(t));
        for (Executable step : steps) {
            String m = assertThrows(IllegalArgumentException.class, step).getMessage();
            assertTrue(m.matches("No column '(Town|Age|Survived)' in table passengers; did you mean '(town|age|survived)'\\? "
                    + "\\(column names are case-sensitive\\) Available: \\[age, town, fare, survived\\]"), m);
        }
    }

    @Test
    void aFittedEncoderRefusesATableWhoseColumnDiffersInCaseInsteadOfPassingItThrough() {
        Table t = passengers();
        OneHotEncoder.Fitted enc = OneHotEncoder.of("town").fit(t);
        Table renamed = t.copy();
        renamed.column("town").setName("Town");
        String m = assertThrows(IllegalArgumentException.class, () -> enc.transform(renamed)).getMessage();
        assertTrue(m.startsWith("No column 'town' in table passengers; did you mean 'Town'?"), m);
        assertEquals(List.of("age", "town_C", "town_Q", "town_S", "fare", "survived"), enc.transform(t).columnNames());
    }

    @Test
    void aTypoInATrainersLabelGetsTheDidYouMeanOfSplitAndMatrix() {
        Table t = passengers();
        Supplier<String> split = () -> assertThrows(IllegalArgumentException.class, () -> Split.stratified(t, "survivd", 0.25, 1)).getMessage();
        String trainer = assertThrows(IllegalArgumentException.class,
                () -> MlpClassifier.builder().setFeatures("age").setLabel("survivd").build().fit(t)).getMessage();
        assertEquals(split.get(), trainer);
        assertTrue(trainer.contains("did you mean 'survived'?"), trainer);
    }
}
