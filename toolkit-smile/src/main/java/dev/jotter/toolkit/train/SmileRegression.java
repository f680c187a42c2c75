package dev.jotter.toolkit.train;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import smile.data.DataFrame;
import smile.data.formula.Formula;
import smile.data.vector.ValueVector;
import smile.model.cart.Loss;
import smile.regression.GradientTreeBoost;
import smile.regression.RandomForest;

/**
 * Tree-ensemble regressors from Smile 6.3, beside {@link SmileClassification}'s classifiers:
 * random forest and gradient-boosted trees (least squares), in pure Java. For linear models use
 * {@link ClassicRegression#ols()}, {@link ClassicRegression#ridge(double)} and
 * {@link ClassicRegression#lasso(double)}: Smile's own call native LAPACK and need a system
 * OpenBLAS. The {@link History} holds one "epoch": training MSE as "loss" (and "val_loss").
 *
 * <pre>{@code
 * jshell> var forest = SmileRegression.randomForest().optTrees(200).setLabel("target").build().fit(train, test);
 * jshell> forest.evaluate(test).r2()
 * jshell> Plots.bar(forest.featureImportance())
 * }</pre>
 */
public final class SmileRegression extends RegressionTrainer<SmileRegressor> {

    /** An algorithm with its settings, frozen when the trainer is built. */
    private interface Algorithm {
        Serializable fit(DataFrame train);
    }

    private final Algorithm algorithm;
    private final String description;

    private SmileRegression(ColumnsBuilder<?> columns, Algorithm algorithm, String description) {
        super(columns);
        this.algorithm = algorithm;
        this.description = description;
    }

    /** @return a builder for a random forest (100 trees, p/3 features per split, seed 42) */
    public static ForestBuilder randomForest() {
        return new ForestBuilder();
    }

    /** @return a builder for gradient-boosted trees on the squared error (100 trees, depth 6, shrinkage 0.05, seed 42) */
    public static BoostingBuilder gradientBoosting() {
        return new BoostingBuilder();
    }

    @Override
    SmileRegressor fitArrays(float[][] xf, float[] yf, float[][] xvf, float[] yvf, List<String> features, String label) {
        double[][] x = SmileClassification.toDouble(xf);
        double[] y = toDouble(yf);
        DataFrame train = DataFrame.of(x, SmileClassification.columnNames(x[0].length)).add(ValueVector.of("y", y));
        SmileRegressor fitted = new SmileRegressor(algorithm.fit(train), x[0].length, ModelCard.untrained(features, label, description));
        Map<String, List<Double>> h = new LinkedHashMap<>();
        h.put("loss", List.of(fitted.evaluate(x, y).mse()));
        if (xvf != null) {
            h.put("val_loss", List.of(fitted.evaluate(SmileClassification.toDouble(xvf), toDouble(yvf)).mse()));
        }
        return fitted.withHistory(History.of(h));
    }

    private static double[] toDouble(float[] y) {
        double[] out = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            out[i] = y[i];
        }
        return out;
    }

    /**
     * What every Smile regressor's builder offers: the table columns and {@code build()}. Each
     * algorithm's builder adds the options that algorithm uses.
     *
     * @param <B> the concrete builder, so chained calls keep their type
     */
    public sealed interface Builder<B extends Builder<B>> permits ForestBuilder, BoostingBuilder {

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
         * @param column the target column
         * @return this builder
         */
        B setLabel(String column);

        /** @return the trainer */
        SmileRegression build();
    }

    /** Configures {@link SmileRegression#randomForest()}. */
    public static final class ForestBuilder extends SmileTrees<ForestBuilder> implements Builder<ForestBuilder> {

        private ForestBuilder() {}

        @Override
        public SmileRegression build() {
            int n = trees;
            int depth = maxDepth;
            long[] seeds = treeSeeds();
            return new SmileRegression(this, train -> {
                RandomForest.Options d = new RandomForest.Options(n);
                RandomForest.Options o = new RandomForest.Options(n, d.mtry(), depth > 0 ? depth : d.maxDepth(), d.maxNodes(), d.nodeSize(),
                        d.subsample(), seeds, null);
                return RandomForest.fit(Formula.lhs("y"), train, o);
            }, "Smile RandomForest regression (trees=" + n + ", seed=" + seed + ")");
        }
    }

    /** Configures {@link SmileRegression#gradientBoosting()}: the trees' options and the shrinkage. */
    public static final class BoostingBuilder extends SmileTrees.Boosting<BoostingBuilder> implements Builder<BoostingBuilder> {

        private BoostingBuilder() {}

        @Override
        public SmileRegression build() {
            int n = trees;
            int depth = depth();
            long s = seed;
            double rate = shrinkage;
            return new SmileRegression(this, train -> {
                GradientTreeBoost.Options d = new GradientTreeBoost.Options(n);
                // Squared error, as scikit-learn's default; Smile's own default is the absolute error.
                GradientTreeBoost.Options o = new GradientTreeBoost.Options(Loss.ls(), n, depth, d.maxNodes(), d.nodeSize(), rate,
                        d.subsample(), null, null);
                // Smile draws the row subsamples from its thread-local generator.
                smile.math.MathEx.setSeed(s);
                return GradientTreeBoost.fit(Formula.lhs("y"), train, o);
            }, "Smile GradientTreeBoost regression (trees=" + n + ", shrinkage=" + rate + ", seed=" + s + ")");
        }
    }
}
