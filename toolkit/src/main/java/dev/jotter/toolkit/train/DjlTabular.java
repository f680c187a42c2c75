package dev.jotter.toolkit.train;

import java.util.List;

/** The fit steps shared by the DJL regressors and classifiers on dense features. */
final class DjlTabular {

    private DjlTabular() {}

    static DjlRegressor fitRegressor(String name, MlpSpec spec, FitLoop.OptimizerKind opt, FitOptions o, boolean standardize,
            float[][] x, float[] y, float[][] xv, float[] yv, List<String> features, String label, String summary) {
        Standardizer st = Standardizer.fit(x, standardize);
        String description = name + " " + spec.layers() + " (" + summary + ")";
        FitLoop.Saver saver = (block, dir) -> DjlRegressor.write(dir, block, spec, st, features, label,
                History.of(java.util.Map.of()), description);
        FitLoop.Result r = FitLoop.run(description, spec.build(), opt, o, new BatchSource.Dense(st.apply(x), y, null),
                xv == null ? null : new BatchSource.Dense(st.apply(xv), yv, null), saver);
        return new DjlRegressor(new DjlNet(r.model()), spec, st, features, label, r.history(), description);
    }

    static DjlClassifier fitClassifier(String name, MlpSpec spec, FitOptions o, boolean standardize, float[][] x, int[] y,
            float[][] xv, int[] yv, List<String> features, String label, List<String> classes, String summary) {
        Standardizer st = Standardizer.fit(x, standardize);
        String description = name + " " + spec.layers() + " (" + summary + ")";
        FitLoop.Saver saver = (block, dir) -> DjlClassifier.write(dir, block, spec, st, features, label, classes,
                History.of(java.util.Map.of()), description);
        FitLoop.Result r = FitLoop.run(description, spec.build(), FitLoop.OptimizerKind.ADAM, o,
                new BatchSource.Dense(st.apply(x), null, y), xv == null ? null : new BatchSource.Dense(st.apply(xv), null, yv), saver);
        return new DjlClassifier(new DjlNet(r.model()), spec, st, features, label, classes, r.history(), description);
    }
}
