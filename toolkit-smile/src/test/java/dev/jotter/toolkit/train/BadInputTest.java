package dev.jotter.toolkit.train;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jotter.toolkit.data.TextSet;
import dev.jotter.toolkit.prep.OneHotEncoder;
import dev.jotter.toolkit.prep.Pipeline;
import dev.jotter.toolkit.prep.StandardScaler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Every bad input of issue 20 through every trainer it applies to: each must fail before any
 * training with a message that names the offending value and says what to do, never a silent
 * wrong result. The messages are written to {@code target/bad-inputs.md}, the source of
 * docs/bad-inputs.md, with the count of clear messages of those tried.
 */
class BadInputTest {

    /** A bad input, the call that meets it, and what its message must contain. */
    record Case(String input, String where, Runnable call, Class<? extends RuntimeException> type, List<String> mustContain) {}

    /** 60 rows: numeric features a, b, c, a text column color, a numeric target y and a class cls. */
    static Table table(String name, int n) {
        Random r = new Random(7);
        double[] a = new double[n];
        double[] b = new double[n];
        double[] c = new double[n];
        double[] y = new double[n];
        String[] cls = new String[n];
        String[] color = new String[n];
        for (int i = 0; i < n; i++) {
            a[i] = r.nextGaussian();
            b[i] = r.nextGaussian();
            c[i] = r.nextGaussian();
            y[i] = 2 * a[i] - b[i] + 0.5 * c[i] + 0.1 * r.nextGaussian();
            cls[i] = y[i] > 0 ? "hi" : "lo";
            color[i] = i % 2 == 0 ? "red" : "blue";
        }
        return Table.create(name, DoubleColumn.create("a", a), DoubleColumn.create("b", b), DoubleColumn.create("c", c),
                StringColumn.create("color", color), DoubleColumn.create("y", y), StringColumn.create("cls", cls));
    }

    static Table train() {
        return table("train", 60);
    }

    static Table withValue(String column, int row, double value) {
        Table t = train();
        t.doubleColumn(column).set(row, value);
        return t;
    }

    /** A trainer by name; a function so that every case gets a fresh, cheap one. */
    record Named<T>(String name, Supplier<T> trainer) {}

    static List<Named<RegressionTrainer<?>>> regressors(String... features) {
        return List.of(
                new Named<>("MlpRegressor", () -> MlpRegressor.builder().setFeatures(features).setLabel("y").optHidden(4).optEpochs(2)
                        .optProgress(false).build()),
                new Named<>("SgdRegressor", () -> SgdRegressor.builder().setFeatures(features).setLabel("y").optEpochs(2).optProgress(false).build()),
                new Named<>("ClassicRegression.ols", () -> ClassicRegression.ols().setFeatures(features).setLabel("y").build()),
                new Named<>("SmileRegression.randomForest", () -> SmileRegression.randomForest().optTrees(5).setFeatures(features).setLabel("y").build()),
                new Named<>("SmileRegression.gradientBoosting",
                        () -> SmileRegression.gradientBoosting().optTrees(5).setFeatures(features).setLabel("y").build()));
    }

    static List<Named<ClassificationTrainer<?>>> classifiers(String label, String... features) {
        return List.of(
                new Named<>("MlpClassifier", () -> MlpClassifier.builder().setFeatures(features).setLabel(label).optHidden(4).optEpochs(2)
                        .optProgress(false).build()),
                new Named<>("SmileClassification.logistic", () -> SmileClassification.logistic().setFeatures(features).setLabel(label).build()),
                new Named<>("SmileClassification.randomForest",
                        () -> SmileClassification.randomForest().optTrees(5).setFeatures(features).setLabel(label).build()),
                new Named<>("SmileClassification.gradientBoosting",
                        () -> SmileClassification.gradientBoosting().optTrees(5).setFeatures(features).setLabel(label).build()));
    }

    /** Every table trainer, the regressors predicting y and the classifiers cls, on the same features. */
    static List<Named<? extends TableTrainer<?>>> all(String... features) {
        List<Named<? extends TableTrainer<?>>> all = new ArrayList<>(regressors(features));
        all.addAll(classifiers("cls", features));
        return all;
    }

    /** Predicts on a table with whichever kind of model this is. */
    static void predict(FittedModel m, Table table) {
        if (m instanceof RegressionModel r) {
            r.predict(table);
        } else {
            ((ClassificationModel) m).predict(table);
        }
    }

    /** Adds one case per trainer, regressors and classifiers alike, for a bad training table. */
    static void everyTrainer(List<Case> cases, String input, Supplier<Table> bad, Class<? extends RuntimeException> type, String... mustContain) {
        for (var t : all("a", "b", "c")) {
            cases.add(new Case(input, t.name() + ".fit", () -> t.trainer().get().fit(bad.get()), type, List.of(mustContain)));
        }
    }

    /** Adds one case per trainer for a bad table handed to a model fitted on {@code train}. */
    static void everyModel(List<Case> cases, String input, List<Named<? extends TableTrainer<?>>> trainers, Supplier<Table> train,
            Supplier<Table> bad, String... mustContain) {
        for (var t : trainers) {
            cases.add(new Case(input, t.name() + " model.predict", () -> {
                try (FittedModel m = t.trainer().get().fit(train.get())) {
                    predict(m, bad.get());
                }
            }, IllegalArgumentException.class, List.of(mustContain)));
        }
    }

    static List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        Class<IllegalArgumentException> arg = IllegalArgumentException.class;
        everyTrainer(cases, "NaN in a feature column", () -> withValue("b", 3, Double.NaN), arg,
                "'b'", "row 3", "missing value", "Imputer");
        everyTrainer(cases, "Infinite value in a feature column", () -> withValue("a", 7, Double.POSITIVE_INFINITY), arg,
                "'a'", "row 7", "found Infinity", "drop");
        everyTrainer(cases, "Empty table", () -> train().emptyCopy(), arg, "table 'train'", "found none", "filter or split");
        everyTrainer(cases, "One-row table for training", () -> train().first(1), arg, "found 1");
        for (var t : all("a", "color")) {
            cases.add(new Case("Text feature column", t.name() + ".fit", () -> t.trainer().get().fit(train()), arg,
                    List.of("'color'", "STRING", "OneHotEncoder")));
        }
        for (var t : regressors("a", "b", "c")) {
            cases.add(new Case("NaN in the label column", t.name() + ".fit", () -> t.trainer().get().fit(withValue("y", 5, Double.NaN)), arg,
                    List.of("'y'", "row 5", "missing value", "drop")));
            cases.add(new Case("Infinite value in the label column", t.name() + ".fit",
                    () -> t.trainer().get().fit(withValue("y", 5, Double.NEGATIVE_INFINITY)), arg, List.of("'y'", "row 5", "found -Infinity")));
        }
        for (var t : classifiers("cls", "a", "b", "c")) {
            Supplier<Table> missing = () -> {
                Table tr = train();
                tr.stringColumn("cls").set(5, "");
                return tr;
            };
            cases.add(new Case("Missing class in the label column", t.name() + ".fit", () -> t.trainer().get().fit(missing.get()), arg,
                    List.of("'cls'", "row 5", "missing value", "dropRowsWithMissingValues")));
        }
        for (var t : classifiers("y", "a", "b", "c")) {
            cases.add(new Case("Continuous numeric label for a classifier", t.name() + ".fit", () -> t.trainer().get().fit(train()), arg,
                    List.of("60 distinct values in 'y'", "regressor", "asStringColumn")));
        }
        for (var t : regressors("a", "b", "c")) {
            cases.add(new Case("Text label for a regressor", t.name() + ".fit", () -> t.trainer().get().fit(train().removeColumns("y")
                    .addColumns(train().stringColumn("cls").copy().setName("y"))), arg, List.of("'y'", "STRING", "LabelEncoder")));
        }
        for (var t : classifiers("cls", "a", "b", "c")) {
            Supplier<Table> unseen = () -> {
                Table test = table("test", 10);
                test.stringColumn("cls").set(4, "mid");
                return test;
            };
            cases.add(new Case("A class unseen in training, at evaluate", t.name() + " model.evaluate", () -> {
                try (var m = t.trainer().get().fit(train())) {
                    m.evaluate(unseen.get());
                }
            }, arg, List.of("[hi, lo]", "'cls' row 4", "found 'mid'", "remove rows")));
        }
        cases.add(new Case("A class unseen in training, in the validation table", "MlpClassifier.fit(train, validation)", () -> {
            Table val = table("val", 10);
            val.stringColumn("cls").set(2, "mid");
            classifiers("cls", "a", "b", "c").get(0).trainer().get().fit(train(), val);
        }, arg, List.of("[hi, lo]", "'cls' row 2", "found 'mid'")));
        pipelineCases(cases);
        closedCases(cases);
        divergenceCases(cases);
        everyModel(cases, "NaN in a feature column, at predict", all("a", "b", "c"), BadInputTest::train, () -> {
            Table test = table("test", 10);
            test.doubleColumn("c").set(2, Double.NaN);
            return test;
        }, "'c'", "row 2", "missing value", "Imputer");
        textCases(cases);
        cases.add(new Case("NaN in feature arrays", "MlpClassifier.fit(double[][], int[])", () -> {
            double[][] x = {{0, 1}, {1, Double.NaN}, {2, 0}};
            classifiers("cls").get(0).trainer().get().fit(x, new int[] {0, 1, 0});
        }, arg, List.of("feature 1 of row 1", "found NaN", "Imputer")));
        return cases;
    }

    /** Labelled sentences: classes pos and neg, and, with {@code withNeutral}, one text of a class the model never saw. */
    static TextSet texts(String name, boolean withNeutral) {
        List<String> text = new ArrayList<>(List.of("good phone", "great screen", "bad phone", "awful screen", "good battery", "bad battery"));
        List<String> label = new ArrayList<>(List.of("pos", "pos", "neg", "neg", "pos", "neg"));
        if (withNeutral) {
            text.add("a phone");
            label.add("neutral");
        }
        return TextSet.of(Table.create(name, StringColumn.create("text", text), StringColumn.create("label", label)), "text", "label");
    }

    static TransformerClassifier transformer() {
        return TransformerClassifier.builder().optEmbeddingSize(8).optHeads(2).optLayers(1).optFeedForward(8).optEpochs(1).optProgress(false).build();
    }

    /** The transformer reads TextSets: an empty one, one of a single class, a class it never saw. */
    static void textCases(List<Case> cases) {
        cases.add(new Case("Empty table", "TransformerClassifier.fit(TextSet)", () -> transformer().fit(texts("reviews", false).select(new int[0])),
                IllegalArgumentException.class, List.of("found none", "filter or split")));
        cases.add(new Case("One-row table for training", "TransformerClassifier.fit(TextSet)",
                () -> transformer().fit(texts("reviews", false).select(new int[] {0})), IllegalArgumentException.class, List.of("at least 2 rows", "found 1")));
        cases.add(new Case("A class unseen in training, at evaluate", "TextClassifier model.evaluate(TextSet)", () -> {
            try (TextClassifier m = transformer().fit(texts("reviews", false))) {
                m.evaluate(texts("more", true));
            }
        }, IllegalArgumentException.class, List.of("[neg, pos]", "TextSet more", "[neutral]", "drop those texts")));
    }

    /** A model trained after a pipeline, then handed the raw test table: its columns differ. */
    static void pipelineCases(List<Case> cases) {
        Pipeline pipeline = Pipeline.of(OneHotEncoder.of("color"), StandardScaler.of("a", "b", "c"));
        Table tr = train();
        Pipeline.Fitted fitted = pipeline.fit(tr);
        everyModel(cases, "Test columns that differ from training (pipeline not applied)", all("a", "b", "c", "color_red"),
                () -> fitted.transform(tr), () -> table("test", 10),
                "[a, b, c, color_red]", "found [a, b, c, color, y, cls]", "no [color_red]", "same fitted pipeline");
    }

    /** DJL models free their native weights on close; the Smile and OLS models hold none. */
    static void closedCases(List<Case> cases) {
        for (var t : List.of(regressors("a", "b", "c").get(0), regressors("a", "b", "c").get(1))) {
            cases.add(new Case("Predicting with a closed model", t.name() + " model.predict", () -> {
                var m = t.trainer().get().fit(train());
                m.close();
                m.predict(train());
            }, IllegalStateException.class, List.of("found '" + t.name() + " 3-", "closed", "load it again")));
        }
        var mlp = classifiers("cls", "a", "b", "c").get(0);
        cases.add(new Case("Predicting with a closed model", "MlpClassifier model.predict", () -> {
            var m = mlp.trainer().get().fit(train());
            m.close();
            m.predict(train());
        }, IllegalStateException.class, List.of("found 'MlpClassifier 3-", "closed", "load it again")));
        cases.add(new Case("Predicting with a closed model", "TextClassifier model.predict", () -> {
            var m = TransformerClassifier.builder().optEmbeddingSize(8).optHeads(2).optLayers(1).optFeedForward(8).optEpochs(1).optProgress(false)
                    .build().fit(new int[][] {{1, 2, 0}, {2, 3, 1}, {3, 1, 2}, {1, 1, 3}}, new int[] {0, 1, 0, 1}, 4);
            m.close();
            m.predict(new int[][] {{1, 2, 3}});
        }, IllegalStateException.class, List.of("closed", "Transformer", "load it again")));
    }

    /** A learning rate far too high: training stops at the first non-finite loss, naming where and why. */
    static void divergenceCases(List<Case> cases) {
        Table big = train();
        // Targets in the millions and no standardizing: one SGD step at this rate overflows float.
        big.replaceColumn("y", big.doubleColumn("y").multiply(1e6).setName("y"));
        cases.add(new Case("Training that diverges (NaN or infinite loss)", "SgdRegressor.fit", () -> SgdRegressor.builder().setFeatures("a", "b", "c")
                .setLabel("y").optStandardize(false).optLearningRate(1e6).optEpochs(40).optProgress(false).build().fit(big),
                IllegalStateException.class, List.of("found Infinity at epoch ", ", batch ", "lr=1000000.0", "optLearningRate", "StandardScaler")));
        Table huge = train();
        // Targets near 1e20: their squared error overflows float at the very first batch.
        huge.replaceColumn("y", huge.doubleColumn("y").multiply(1e20).setName("y"));
        cases.add(new Case("Training that diverges (NaN or infinite loss)", "MlpRegressor.fit", () -> MlpRegressor.builder().setFeatures("a", "b", "c")
                .setLabel("y").optHidden(8).optEpochs(40).optProgress(false).build().fit(huge),
                IllegalStateException.class, List.of("found Infinity at epoch 1, batch 1, before any update", "StandardScaler", "rescale the target")));
    }

    @Test
    void everyBadInputGetsAMessageThatNamesTheValueAndTheFix() throws IOException {
        List<Case> cases = cases();
        List<String> failures = new ArrayList<>();
        StringBuilder report = new StringBuilder("| Bad input | Where | Exception | Message |\n|---|---|---|---|\n");
        int clear = 0;
        for (Case c : cases) {
            String message;
            String type;
            try {
                c.call().run();
                failures.add(c.input() + " / " + c.where() + ": no exception");
                continue;
            } catch (RuntimeException e) {
                message = String.valueOf(e.getMessage());
                type = e.getClass().getSimpleName();
                if (!c.type().isInstance(e)) {
                    failures.add(c.input() + " / " + c.where() + ": expected " + c.type().getSimpleName() + ", found " + e);
                    continue;
                }
            }
            List<String> lacking = c.mustContain().stream().filter(s -> !message.contains(s)).toList();
            if (!lacking.isEmpty() || !message.startsWith("Expected")) {
                failures.add(c.input() + " / " + c.where() + ": message lacks " + lacking + " or 'Expected' first: " + message);
            } else {
                clear++;
            }
            report.append("| ").append(c.input()).append(" | ").append(c.where()).append(" | ").append(type).append(" | ")
                    .append(message.replace("|", "\\|")).append(" |\n");
        }
        report.append("\n").append(clear).append(" of ").append(cases.size()).append(" bad inputs got a clear message.\n");
        Path out = Path.of("target", "bad-inputs.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report, StandardCharsets.UTF_8);
        assertTrue(failures.isEmpty(), failures.size() + " of " + cases.size() + " cases failed:\n" + String.join("\n", failures));
    }
}
