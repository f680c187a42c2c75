package dev.jotter.toolkit.train;

import dev.jotter.toolkit.metrics.Metrics;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import smile.classification.GradientTreeBoost;
import smile.classification.LogisticRegression;
import smile.classification.RandomForest;
import smile.data.DataFrame;
import smile.data.formula.Formula;
import smile.data.vector.ValueVector;

/**
 * Classical classifiers from Smile 6.3 with the toolkit's fit/predict shape: multinomial logistic
 * regression (L-BFGS), random forest and gradient-boosted trees. These train in pure Java: none of
 * them calls Smile's native BLAS/LAPACK bindings, so nothing beyond the jar is needed. The
 * {@link History} holds one "epoch": training log loss and accuracy (and the validation ones).
 *
 * <pre>{@code
 * jshell> var rf = SmileClassification.randomForest().optTrees(200).setFeatures("a", "b").setLabel("species").build();
 * jshell> var model = rf.fit(train, test);
 * jshell> model.evaluate(test).accuracy()
 * }</pre>
 */
public final class SmileClassification extends ClassificationTrainer<SmileClassifier> {

    /** An algorithm with its settings, frozen when the trainer is built. */
    private interface Algorithm {
        Fit fit(double[][] x, int[] y, List<String> classes);
    }

    /**
     * @param model the fitted Smile model
     * @param description its one-line description
     */
    private record Fit(Serializable model, String description) {}

    private final Algorithm algorithm;

    private SmileClassification(ColumnsBuilder<?> columns, Algorithm algorithm) {
        super(columns);
        this.algorithm = algorithm;
    }

    /** @return a builder for L2-regularized multinomial logistic regression (lambda 0.1) */
    public static LogisticBuilder logistic() {
        return new LogisticBuilder();
    }

    /** @return a builder for a random forest (100 trees, sqrt(p) features per split, seed 42) */
    public static ForestBuilder randomForest() {
        return new ForestBuilder();
    }

    /** @return a builder for gradient-boosted trees (100 trees, depth 6, shrinkage 0.05, seed 42) */
    public static BoostingBuilder gradientBoosting() {
        return new BoostingBuilder();
    }

    @Override
    SmileClassifier fitArrays(float[][] xf, int[] y, float[][] xvf, int[] yv, List<String> features, String label, List<String> classes) {
        double[][] x = toDouble(xf);
        Fit fit = algorithm.fit(x, y, classes);
        SmileClassifier fitted = new SmileClassifier(fit.model(), x[0].length, classes, ModelCard.untrained(features, label, fit.description()));
        Map<String, List<Double>> h = new LinkedHashMap<>();
        h.put("loss", List.of(Metrics.logLoss(y, fitted.predictProbabilities(x))));
        h.put("accuracy", List.of(Metrics.accuracy(y, fitted.predict(x))));
        if (xvf != null) {
            double[][] xv = toDouble(xvf);
            h.put("val_loss", List.of(Metrics.logLoss(yv, fitted.predictProbabilities(xv))));
            h.put("val_accuracy", List.of(Metrics.accuracy(yv, fitted.predict(xv))));
        }
        return fitted.withHistory(History.of(h));
    }

    /**
     * Smile's forest divides each class's bootstrap draws by its "class weight": whole numbers,
     * larger for the class that should count less.
     */
    static int[] bootstrapDivisors(double[] w) {
        double max = 0;
        for (double v : w) {
            max = Math.max(max, v);
        }
        int[] out = new int[w.length];
        for (int c = 0; c < w.length; c++) {
            out[c] = (int) Math.max(1, Math.round(max / w[c]));
        }
        return out;
    }

    static DataFrame frame(double[][] x, int[] y) {
        DataFrame df = DataFrame.of(x, columnNames(x[0].length));
        return y == null ? df : df.add(ValueVector.of("y", y));
    }

    static String[] columnNames(int d) {
        return TableTrainer.defaultNames(d).toArray(String[]::new);
    }

    static double[][] toDouble(float[][] x) {
        return ClassicRegression.toDouble(x);
    }

    /**
     * What every Smile classifier's builder offers: the table columns and {@code build()}. Each
     * algorithm's builder adds only the options that algorithm uses.
     *
     * @param <B> the concrete builder, so chained calls keep their type
     */
    public sealed interface Builder<B extends Builder<B>> permits LogisticBuilder, ForestBuilder, BoostingBuilder {

        /**
         * Names the feature columns used when fitting on a Tablesaw table; the label must not be
         * among them. Not calling it means every numeric column but the label.
         *
         * @param columns numeric column names
         * @return this builder
         */
        B setFeatures(String... columns);

        /**
         * Names the feature columns used when fitting on a Tablesaw table.
         *
         * @param columns numeric column names
         * @return this builder
         */
        B setFeatures(List<String> columns);

        /**
         * Names the label column used when fitting on a Tablesaw table.
         *
         * @param column the class column
         * @return this builder
         */
        B setLabel(String column);

        /** @return the trainer */
        SmileClassification build();
    }

    /** Configures {@link SmileClassification#logistic()}: L2-regularized multinomial logistic regression (L-BFGS). */
    public static final class LogisticBuilder extends ColumnsBuilder<LogisticBuilder> implements Builder<LogisticBuilder> {
        private double lambda = 0.1;

        private LogisticBuilder() {}

        /**
         * @param lambda L2 regularization (default 0.1)
         * @return this builder
         */
        public LogisticBuilder optLambda(double lambda) {
            this.lambda = lambda;
            return this;
        }

        @Override
        public SmileClassification build() {
            double l = lambda;
            return new SmileClassification(this, (x, y, classes) -> new Fit(LogisticRegression.fit(x, y, new LogisticRegression.Options(l, 1e-5, 500)),
                    "Smile LogisticRegression (lambda=" + l + ")"));
        }
    }

    /** Configures {@link SmileClassification#randomForest()}. */
    public static final class ForestBuilder extends SmileTrees<ForestBuilder> implements Builder<ForestBuilder> {
        private ClassWeights classWeights;

        private ForestBuilder() {}

        /**
         * Weighs the classes when drawing every tree's bootstrap sample. Smile draws that sample
         * class by class, {@code count / divisor} examples of each with a whole-number divisor,
         * so a weight becomes the divisor {@code max(weights) / weight}, rounded: the heavier
         * classes are undersampled rather than the light ones repeated
         * ({@link ClassWeights#BALANCED} on a 95/5 table draws 1 in 19 of the common class and
         * all of the rare one, so each tree sees both equally often).
         *
         * @param weights {@link ClassWeights#BALANCED} or {@link ClassWeights#of(Map)} (default: every class weighs 1)
         * @return this builder
         */
        public ForestBuilder optClassWeights(ClassWeights weights) {
            this.classWeights = java.util.Objects.requireNonNull(weights, "weights");
            return this;
        }

        /**
         * @param weights weight by class name, as {@code model.classes()} spells them; classes left out weigh 1
         * @return this builder
         */
        public ForestBuilder optClassWeights(Map<String, Double> weights) {
            return optClassWeights(ClassWeights.of(weights));
        }

        @Override
        public SmileClassification build() {
            int n = trees;
            int depth = maxDepth;
            long s = seed;
            long[] seeds = treeSeeds();
            ClassWeights cw = classWeights;
            return new SmileClassification(this, (x, y, classes) -> {
                RandomForest.Options d = new RandomForest.Options(n);
                RandomForest.Options o = new RandomForest.Options(n, d.mtry(), d.rule(), depth > 0 ? depth : d.maxDepth(), d.maxNodes(),
                        d.nodeSize(), d.subsample(), cw == null ? d.classWeight() : bootstrapDivisors(cw.resolve(y, classes)), seeds, null);
                return new Fit(RandomForest.fit(Formula.lhs("y"), frame(x, y), o), "Smile RandomForest (trees=" + n + ", seed=" + s
                        + (cw == null ? "" : ", class weights " + cw) + ")");
            });
        }
    }

    /** Configures {@link SmileClassification#gradientBoosting()}: the trees' options and the shrinkage. */
    public static final class BoostingBuilder extends SmileTrees.Boosting<BoostingBuilder> implements Builder<BoostingBuilder> {

        private BoostingBuilder() {}

        @Override
        public SmileClassification build() {
            int n = trees;
            int depth = depth();
            long s = seed;
            double rate = shrinkage;
            return new SmileClassification(this, (x, y, classes) -> {
                GradientTreeBoost.Options d = new GradientTreeBoost.Options(n);
                GradientTreeBoost.Options o = new GradientTreeBoost.Options(n, depth, d.maxNodes(), d.nodeSize(), rate,
                        d.subsample(), null, null);
                // Smile draws the row subsamples from its thread-local generator.
                smile.math.MathEx.setSeed(s);
                return new Fit(GradientTreeBoost.fit(Formula.lhs("y"), frame(x, y), o),
                        "Smile GradientTreeBoost (trees=" + n + ", shrinkage=" + rate + ", seed=" + s + ")");
            });
        }
    }
}
