package dev.jotter.toolkit.train;

import java.util.List;

/**
 * Multinomial logistic regression in DJL: one linear layer, softmax cross-entropy, Adam.
 * Features are standardized inside the model. For the Smile (L-BFGS) fit use
 * {@link SmileClassification#logistic()}.
 *
 * <pre>{@code
 * jshell> var model = LogisticRegression.builder().setFeatures("petal_length", "petal_width").setLabel("species").build().fit(train);
 * }</pre>
 */
public final class LogisticRegression extends ClassificationTrainer<DjlClassifier> {

    private final DenseNetBuilder.DenseNet config;

    private LogisticRegression(Builder b) {
        super(b);
        this.config = b.config();
    }

    /** @return a builder: Adam with learning rate 0.01, 10 epochs, batch 32, seed 42 */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    DjlClassifier fitArrays(float[][] x, int[] y, float[][] xv, int[] yv, List<String> names, String label, List<String> classes) {
        return DjlTabular.fitClassifier(config, x, y, xv, yv, names, label, classes);
    }

    /** Configures a {@link LogisticRegression}. */
    public static final class Builder extends DenseNetBuilder<Builder> {

        private Builder() {
            super("LogisticRegression", FitLoop.OptimizerKind.ADAM, 0.01);
        }

        /** @return the trainer */
        public LogisticRegression build() {
            return new LogisticRegression(this);
        }
    }
}
