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

    private final Builder b;
    private final FitOptions options;

    private LogisticRegression(Builder b) {
        super(b.features, b.label);
        this.b = b;
        this.options = b.options();
    }

    /** @return a builder: Adam with learning rate 0.01, 10 epochs, batch 32, seed 42 */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    DjlClassifier fitArrays(float[][] x, int[] y, float[][] xv, int[] yv, List<String> names, String label, List<String> classes) {
        MlpSpec spec = new MlpSpec(x[0].length, new int[0], classes.size(), 0);
        return DjlTabular.fitClassifier("LogisticRegression", spec, options, b.standardize, x, y, xv, yv, names, label, classes,
                b.trainingSummary());
    }

    /** Configures a {@link LogisticRegression}. */
    public static final class Builder extends TrainerBuilder<Builder> {
        private boolean standardize = true;

        private Builder() {
            super(0.01);
        }

        @Override
        protected Builder self() {
            return this;
        }

        /**
         * @param standardize whether to scale features inside the model (default true)
         * @return this builder
         */
        public Builder optStandardize(boolean standardize) {
            this.standardize = standardize;
            return this;
        }

        /** @return the trainer */
        public LogisticRegression build() {
            return new LogisticRegression(this);
        }
    }
}
