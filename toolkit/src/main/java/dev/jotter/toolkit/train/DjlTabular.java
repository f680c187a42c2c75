package dev.jotter.toolkit.train;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import dev.jotter.toolkit.data.SparseMatrix;
import dev.jotter.toolkit.train.djl.BatchSource;
import dev.jotter.toolkit.train.djl.DjlNet;
import dev.jotter.toolkit.train.djl.FitLoop;
import dev.jotter.toolkit.train.djl.MlpSpec;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

/** The fit, predict and save steps shared by the DJL regressors and classifiers on dense features. */
final class DjlTabular {

    private DjlTabular() {}

    /**
     * Everything a fitted dense DJL model is made of, so that {@link DjlRegressor} and
     * {@link DjlClassifier} differ only in how they read the network's outputs.
     *
     * @param net the trained network, owning its native weights
     * @param spec its architecture
     * @param standardizer the training statistics applied to raw inputs
     * @param card what it was trained on and how
     * @param classes class names by output index; empty for a regressor
     */
    record Parts(DjlNet net, MlpSpec spec, Standardizer standardizer, ModelCard card, List<String> classes) {

        Parts {
            classes = List.copyOf(classes);
        }

        /** @return the raw network outputs for raw feature rows */
        float[][] forward(float[][] x) {
            Inputs.checkFeatures(x, spec.inputs());
            return net.forward(standardizer.apply(x));
        }

        /** @return the raw network outputs for sparse rows, made dense one prediction batch at a time */
        float[][] forward(SparseMatrix x) {
            if (x.cols() != spec.inputs()) {
                throw new IllegalArgumentException("Expected " + spec.inputs() + " features per row (as in training), found "
                        + x.cols() + "; transform the texts with the vectorizer fitted for training.");
            }
            Inputs.requireRows(x.rows());
            return net.forward(x.rows(), x.cols(), standardizer.rows(x));
        }

        void save(Path dir, String kind) throws IOException {
            write(dir, kind, net.block(), spec, standardizer, card, classes);
        }
    }

    static DjlRegressor fitRegressor(DenseNetBuilder.DenseNet c, float[][] x, float[] y, float[][] xv, float[] yv, List<String> features,
            String label) {
        Standardizer st = Standardizer.fit(x, c.standardize());
        return new DjlRegressor(fit(c, c.spec(x[0].length, 1), st, new BatchSource.Dense(st.apply(x), y, null),
                xv == null ? null : new BatchSource.Dense(st.apply(xv), yv, null), features, label, List.of(), DjlRegressor.KIND, null));
    }

    /** @param weights how much each class counts in the training loss, or null for none */
    static DjlClassifier fitClassifier(DenseNetBuilder.DenseNet c, float[][] x, int[] y, float[][] xv, int[] yv, List<String> features,
            String label, List<String> classes, ClassWeights weights) {
        Standardizer st = Standardizer.fit(x, c.standardize());
        return new DjlClassifier(fit(c, c.spec(x[0].length, classes.size()), st, new BatchSource.Dense(st.apply(x), null, y),
                xv == null ? null : new BatchSource.Dense(st.apply(xv), null, yv), features, label, classes, DjlClassifier.KIND,
                weights == null ? null : Inputs.toFloat(weights.resolve(y, classes))));
    }

    /** As the dense fit, each batch built from the sparse rows it holds, so the dense matrix never exists. */
    static DjlClassifier fitClassifier(DenseNetBuilder.DenseNet c, SparseMatrix x, int[] y, SparseMatrix xv, int[] yv, List<String> features,
            String label, List<String> classes, ClassWeights weights) {
        Standardizer st = Standardizer.fit(x, c.standardize());
        return new DjlClassifier(fit(c, c.spec(x.cols(), classes.size()), st, new BatchSource.Rows(x.rows(), x.cols(), st.rows(x), null, y),
                xv == null ? null : new BatchSource.Rows(xv.rows(), xv.cols(), st.rows(xv), null, yv), features, label, classes,
                DjlClassifier.KIND, weights == null ? null : Inputs.toFloat(weights.resolve(y, classes))));
    }

    private static Parts fit(DenseNetBuilder.DenseNet c, MlpSpec spec, Standardizer st, BatchSource train, BatchSource validation,
            List<String> features, String label, List<String> classes, String kind, float[] classWeights) {
        String description = c.describe(spec) + (classWeights == null ? "" : " class weights " + java.util.Arrays.toString(classWeights));
        ModelCard card = ModelCard.untrained(features, label, description);
        FitLoop.Saver saver = (block, dir) -> write(dir, kind, block, spec, st, card, classes);
        FitLoop.Result r = FitLoop.run(card.description(), spec.build(), c.optimizer(), c.options(), train, validation, saver, classWeights);
        return new Parts(new DjlNet(r.model()), spec, st, card.withHistory(r.history()), classes);
    }

    /** Takes a bare block as well as a fitted model's, because checkpoints save mid-training. */
    static void write(Path dir, String kind, Block block, MlpSpec spec, Standardizer st, ModelCard card, List<String> classes)
            throws IOException {
        Properties p = new Properties();
        card.store(p, kind);
        spec.store(p);
        st.store(p);
        if (!classes.isEmpty()) {
            p.setProperty("classes", Persist.names(classes));
        }
        Persist.writeProps(dir, p);
        DjlNet.writeParams(dir, block);
    }

    /** Reads what {@link Parts#save(Path, String)} wrote, on {@link Devices#preferred()}. */
    static Parts read(Path dir, String kind) throws IOException {
        Properties p = Persist.readProps(dir, kind);
        MlpSpec spec = MlpSpec.load(p);
        Standardizer st = Standardizer.load(p);
        ModelCard card = ModelCard.load(p);
        List<String> classes = Persist.names(p.getProperty("classes"));
        // The network comes last: it is the one part that holds native memory if a later step failed.
        DjlNet net = DjlNet.load(dir, kind, spec.build(), new Shape(1, spec.inputs()));
        return new Parts(net, spec, st, card, classes);
    }
}
