package dev.jotter.toolkit.train;

import dev.jotter.toolkit.train.djl.FitLoop;
import dev.jotter.toolkit.train.djl.FitOptions;
import dev.jotter.toolkit.train.djl.MlpSpec;
import java.util.List;

/**
 * Options of the DJL trainers on dense feature rows ({@link SgdRegressor}, {@link MlpRegressor},
 * {@link MlpClassifier}) beyond those of every DJL trainer: the table columns to train on and
 * whether features are standardized inside the model.
 *
 * @param <B> the concrete builder, so chained calls keep their type
 */
public abstract class DenseNetBuilder<B extends DenseNetBuilder<B>> extends TrainerBuilder<B> {

    private final String model;
    private final FitLoop.OptimizerKind optimizer;
    int[] hidden;
    float dropout;
    private boolean standardize = true;
    /** The columns, kept by the one class that handles them for every table trainer. */
    final Columns columns = new Columns();

    /** The table columns named on this builder. */
    static final class Columns extends ColumnsBuilder<Columns> {}

    DenseNetBuilder(String model, FitLoop.OptimizerKind optimizer, double defaultLearningRate, int... defaultHidden) {
        super(defaultLearningRate);
        this.model = model;
        this.optimizer = optimizer;
        this.hidden = defaultHidden.clone();
    }

    /**
     * Names the feature columns used when fitting on a Tablesaw table; the label must not be
     * among them. Not calling it means every numeric column but the label.
     *
     * @param columns numeric column names
     * @return this builder
     */
    public B setFeatures(String... columns) {
        this.columns.setFeatures(columns);
        return self();
    }

    /**
     * Names the feature columns used when fitting on a Tablesaw table.
     *
     * @param columns numeric column names
     * @return this builder
     */
    public B setFeatures(List<String> columns) {
        this.columns.setFeatures(columns);
        return self();
    }

    /**
     * Names the label column used when fitting on a Tablesaw table. Without
     * {@link #setFeatures(String...)}, every other numeric column of the training table is a
     * feature (the chosen columns are printed once).
     *
     * @param column the target (regression) or class (classification) column
     * @return this builder
     */
    public B setLabel(String column) {
        this.columns.setLabel(column);
        return self();
    }

    /**
     * Chooses whether the model scales its inputs itself, with the training set's mean and
     * standard deviation, so that predict takes raw features as they come.
     *
     * @param standardize whether to scale features to mean 0, std 1 inside the model (default true)
     * @return this builder
     */
    public B optStandardize(boolean standardize) {
        this.standardize = standardize;
        return self();
    }

    /** Frozen when the trainer is built, so that changing the builder afterwards changes no trainer. */
    DenseNet config() {
        return new DenseNet(model, optimizer, hidden, dropout, standardize, options(), trainingSummary());
    }

    /**
     * A built dense-network trainer's settings.
     *
     * @param model the trainer's name, first word of the fitted model's description
     * @param optimizer SGD or Adam
     * @param hidden hidden layer widths, none for a linear model
     * @param dropout dropout after each hidden layer
     * @param standardize whether the model standardizes its inputs
     * @param options the fit loop's options
     * @param summary the training settings as the description shows them
     */
    record DenseNet(String model, FitLoop.OptimizerKind optimizer, int[] hidden, float dropout, boolean standardize, FitOptions options,
            String summary) {

        DenseNet {
            hidden = hidden.clone();
        }

        /** @return a copy, so that the frozen settings stay frozen */
        @Override
        public int[] hidden() {
            return hidden.clone();
        }

        MlpSpec spec(int inputs, int outputs) {
            return new MlpSpec(inputs, hidden, outputs, dropout);
        }

        String describe(MlpSpec spec) {
            return model + " " + spec.layers() + " (" + summary + ")";
        }
    }
}
