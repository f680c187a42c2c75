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

    private SmileRegression(Builder<?> b) {
        super(b);
        this.algorithm = b.algorithm();
        this.description = b.describe();
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
     * The options of both ensembles: how many trees, how deep, the seed, and the table columns.
     *
     * @param <B> the concrete builder, so chained calls keep their type
     */
    public abstract static sealed class Builder<B extends Builder<B>> extends ColumnsBuilder<B> permits ForestBuilder, BoostingBuilder {
        int trees = 100;
        int maxDepth;
        long seed = TrainerBuilder.DEFAULT_SEED;

        Builder() {}

        /**
         * @param trees number of trees (default 100)
         * @return this builder
         */
        public B optTrees(int trees) {
            this.trees = SmileClassification.checkTrees(trees);
            return self();
        }

        /**
         * @param depth maximum tree depth (default 20 for forests, 6 for boosting)
         * @return this builder
         */
        public B optMaxDepth(int depth) {
            this.maxDepth = SmileClassification.checkDepth(depth);
            return self();
        }

        /**
         * @param seed seeds bootstrap samples and feature choices (default 42)
         * @return this builder
         */
        public B optSeed(long seed) {
            this.seed = seed;
            return self();
        }

        /** @return the algorithm with this builder's settings, frozen */
        abstract Algorithm algorithm();

        /** @return the fitted model's description */
        abstract String describe();

        /** @return the trainer */
        public SmileRegression build() {
            return new SmileRegression(this);
        }
    }

    /** Configures {@link SmileRegression#randomForest()}. */
    public static final class ForestBuilder extends Builder<ForestBuilder> {

        private ForestBuilder() {}

        @Override
        Algorithm algorithm() {
            int n = trees;
            int depth = maxDepth;
            long s = seed;
            return train -> {
                RandomForest.Options d = new RandomForest.Options(n);
                RandomForest.Options o = new RandomForest.Options(n, d.mtry(), depth > 0 ? depth : d.maxDepth(), d.maxNodes(), d.nodeSize(),
                        d.subsample(), SmileClassification.treeSeeds(n, s), null);
                return RandomForest.fit(Formula.lhs("y"), train, o);
            };
        }

        @Override
        String describe() {
            return "Smile RandomForest regression (trees=" + trees + ", seed=" + seed + ")";
        }
    }

    /** Configures {@link SmileRegression#gradientBoosting()}: adds the shrinkage to the trees' options. */
    public static final class BoostingBuilder extends Builder<BoostingBuilder> {
        private double shrinkage = 0.05;

        private BoostingBuilder() {}

        /**
         * @param shrinkage boosting learning rate, in (0, 1] (default 0.05)
         * @return this builder
         */
        public BoostingBuilder optShrinkage(double shrinkage) {
            this.shrinkage = SmileClassification.checkShrinkage(shrinkage);
            return this;
        }

        @Override
        Algorithm algorithm() {
            int n = trees;
            int depth = maxDepth;
            long s = seed;
            double rate = shrinkage;
            return train -> {
                GradientTreeBoost.Options d = new GradientTreeBoost.Options(n);
                // Squared error, as scikit-learn's default; Smile's own default is the absolute error.
                GradientTreeBoost.Options o = new GradientTreeBoost.Options(Loss.ls(), n, depth > 0 ? depth : 6, d.maxNodes(), d.nodeSize(), rate,
                        d.subsample(), null, null);
                // Smile draws the row subsamples from its thread-local generator.
                smile.math.MathEx.setSeed(s);
                return GradientTreeBoost.fit(Formula.lhs("y"), train, o);
            };
        }

        @Override
        String describe() {
            return "Smile GradientTreeBoost regression (trees=" + trees + ", shrinkage=" + shrinkage + ", seed=" + seed + ")";
        }
    }
}
