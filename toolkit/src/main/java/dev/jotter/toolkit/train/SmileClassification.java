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

    /** Which Smile algorithm. */
    enum Algorithm { LOGISTIC, RANDOM_FOREST, GRADIENT_BOOSTING }

    private final Builder b;

    private SmileClassification(Builder b) {
        super(b);
        this.b = b;
    }

    /** @return a builder for L2-regularized multinomial logistic regression (lambda 0.1) */
    public static Builder logistic() {
        return new Builder(Algorithm.LOGISTIC);
    }

    /** @return a builder for a random forest (100 trees, sqrt(p) features per split, seed 42) */
    public static Builder randomForest() {
        return new Builder(Algorithm.RANDOM_FOREST);
    }

    /** @return a builder for gradient-boosted trees (100 trees, depth 6, shrinkage 0.05, seed 42) */
    public static Builder gradientBoosting() {
        return new Builder(Algorithm.GRADIENT_BOOSTING);
    }

    @Override
    SmileClassifier fitArrays(float[][] xf, int[] y, float[][] xvf, int[] yv, List<String> features, String label, List<String> classes) {
        double[][] x = toDouble(xf);
        Serializable model;
        String description;
        switch (b.algorithm) {
            case LOGISTIC -> {
                model = LogisticRegression.fit(x, y, new LogisticRegression.Options(b.lambda, 1e-5, 500));
                description = "Smile LogisticRegression (lambda=" + b.lambda + ")";
            }
            case RANDOM_FOREST -> {
                RandomForest.Options d = new RandomForest.Options(b.trees);
                long[] seeds = new long[b.trees];
                for (int i = 0; i < seeds.length; i++) {
                    seeds[i] = b.seed + i;
                }
                RandomForest.Options o = new RandomForest.Options(b.trees, d.mtry(), d.rule(), b.maxDepth > 0 ? b.maxDepth : d.maxDepth(),
                        d.maxNodes(), d.nodeSize(), d.subsample(), d.classWeight(), seeds, null);
                model = RandomForest.fit(Formula.lhs("y"), frame(x, y), o);
                description = "Smile RandomForest (trees=" + b.trees + ", seed=" + b.seed + ")";
            }
            case GRADIENT_BOOSTING -> {
                GradientTreeBoost.Options d = new GradientTreeBoost.Options(b.trees);
                GradientTreeBoost.Options o = new GradientTreeBoost.Options(b.trees, b.maxDepth > 0 ? b.maxDepth : 6, d.maxNodes(), d.nodeSize(),
                        b.shrinkage, d.subsample(), null, null);
                // Smile draws the row subsamples from its thread-local generator.
                smile.math.MathEx.setSeed(b.seed);
                model = GradientTreeBoost.fit(Formula.lhs("y"), frame(x, y), o);
                description = "Smile GradientTreeBoost (trees=" + b.trees + ", shrinkage=" + b.shrinkage + ", seed=" + b.seed + ")";
            }
            default -> throw new IllegalStateException(b.algorithm.name());
        }
        SmileClassifier fitted = new SmileClassifier(model, x[0].length, classes, ModelCard.untrained(features, label, description));
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

    static DataFrame frame(double[][] x, int[] y) {
        DataFrame df = DataFrame.of(x, columnNames(x[0].length));
        return y == null ? df : df.add(ValueVector.of("y", y));
    }

    static String[] columnNames(int d) {
        return TableTrainer.defaultNames(d).toArray(String[]::new);
    }

    static double[][] toDouble(float[][] x) {
        double[][] out = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            out[i] = new double[x[i].length];
            for (int j = 0; j < x[i].length; j++) {
                out[i][j] = x[i][j];
            }
        }
        return out;
    }

    /** Configures a {@link SmileClassification}. */
    public static final class Builder extends ColumnsBuilder<Builder> {
        private final Algorithm algorithm;
        private int trees = 100;
        private int maxDepth;
        private double lambda = 0.1;
        private double shrinkage = 0.05;
        private long seed = TrainerBuilder.DEFAULT_SEED;

        private Builder(Algorithm algorithm) {
            this.algorithm = algorithm;
        }

        /**
         * @param trees number of trees (forest and boosting; default 100)
         * @return this builder
         */
        public Builder optTrees(int trees) {
            this.trees = trees;
            return this;
        }

        /**
         * @param depth maximum tree depth (default 20 for forests, 6 for boosting)
         * @return this builder
         */
        public Builder optMaxDepth(int depth) {
            this.maxDepth = depth;
            return this;
        }

        /**
         * @param lambda L2 regularization of logistic regression (default 0.1)
         * @return this builder
         */
        public Builder optLambda(double lambda) {
            this.lambda = lambda;
            return this;
        }

        /**
         * @param shrinkage boosting learning rate (default 0.05)
         * @return this builder
         */
        public Builder optShrinkage(double shrinkage) {
            this.shrinkage = shrinkage;
            return this;
        }

        /**
         * @param seed seeds bootstrap samples and feature choices (default 42)
         * @return this builder
         */
        public Builder optSeed(long seed) {
            this.seed = seed;
            return this;
        }

        /** @return the trainer */
        public SmileClassification build() {
            return new SmileClassification(this);
        }
    }
}
