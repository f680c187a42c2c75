package dev.jotter.toolkit.prep;

import java.util.ArrayList;
import java.util.List;
import tech.tablesaw.api.Table;

/**
 * Chains preprocessing steps: fitting fits each step on the output of the previous one, so a
 * test table later goes through exactly what the training table went through.
 *
 * <pre>{@code
 * jshell> var prep = Pipeline.of(Imputer.median("horsepower"), OneHotEncoder.of("origin"),
 *    ...>                        StandardScaler.of("horsepower", "weight")).fit(train)
 * jshell> Table x = prep.transform(test)
 * }</pre>
 *
 * @param steps the steps, in order
 */
public record Pipeline(List<Transformer> steps) implements Transformer {

    /** Copies the step list. */
    public Pipeline {
        steps = List.copyOf(steps);
    }

    /**
     * @param steps the steps, in order
     * @return an unfitted pipeline
     */
    public static Pipeline of(Transformer... steps) {
        return new Pipeline(List.of(steps));
    }

    @Override
    public Fitted fit(Table table) {
        List<FittedTransformer> fitted = new ArrayList<>();
        Table t = table;
        for (int k = 0; k < steps.size(); k++) {
            FittedTransformer f = steps.get(k).fit(t);
            fitted.add(f);
            if (k < steps.size() - 1) {
                t = f.transform(t);
            }
        }
        return new Fitted(fitted);
    }

    /**
     * A fitted pipeline.
     *
     * @param steps the fitted steps, in order
     */
    public record Fitted(List<FittedTransformer> steps) implements FittedTransformer {

        /** Copies the step list. */
        public Fitted {
            steps = List.copyOf(steps);
        }

        @Override
        public Table transform(Table table) {
            Table t = table;
            for (FittedTransformer f : steps) {
                t = f.transform(t);
            }
            return t;
        }

        /**
         * One fitted step, e.g. to read what a scaler learned.
         *
         * @param type the step's class, e.g. {@code StandardScaler.Fitted.class}
         * @param <T> the step type
         * @return the first step of that type
         */
        public <T extends FittedTransformer> T step(Class<T> type) {
            for (FittedTransformer f : steps) {
                if (type.isInstance(f)) {
                    return type.cast(f);
                }
            }
            throw new IllegalArgumentException("Expected a " + type.getSimpleName() + " step in this pipeline, found only "
                    + steps.stream().map(s -> s.getClass().getSimpleName()).toList());
        }
    }
}
