package dev.jotter.toolkit.train;

import java.util.List;

/**
 * The skeleton of the DJL regressors on dense feature rows ({@link SgdRegressor},
 * {@link MlpRegressor}), which differ only in their builders' defaults: the settings frozen at
 * {@code build()} and the one fit they all share. Package-private: users meet the two trainers.
 */
abstract class DenseRegressor extends RegressionTrainer<DjlRegressor> {

    private final DenseNetBuilder.DenseNet config;

    DenseRegressor(DenseNetBuilder<?> b) {
        super(b.columns);
        this.config = b.config();
    }

    @Override
    final DjlRegressor fitArrays(float[][] x, float[] y, float[][] xv, float[] yv, List<String> names, String label) {
        return DjlTabular.fitRegressor(config, x, y, xv, yv, names, label);
    }
}
