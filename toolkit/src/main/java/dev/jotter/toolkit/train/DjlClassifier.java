package dev.jotter.toolkit.train;

import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import tech.tablesaw.api.Table;

/**
 * A fitted DJL classification network ({@link MlpClassifier} or {@link LogisticRegression}).
 * Features are standardized inside the model, so pass raw values. Holds native memory: close it.
 *
 * <pre>{@code
 * jshell> try (DjlClassifier m = MlpClassifier.builder().optHidden(128, 64).build().fit(x, y)) {
 *    ...>     System.out.println(m.evaluate(xTest, yTest));
 *    ...> }
 * }</pre>
 */
public final class DjlClassifier implements ClassificationModel {

    static final String KIND = "djl-classifier";

    private final DjlNet net;
    private final MlpSpec spec;
    private final Standardizer standardizer;
    private final List<String> featureNames;
    private final String label;
    private final List<String> classNames;
    private final History history;
    private final String description;

    DjlClassifier(DjlNet net, MlpSpec spec, Standardizer standardizer, List<String> featureNames, String label, List<String> classNames,
            History history, String description) {
        this.net = net;
        this.spec = spec;
        this.standardizer = standardizer;
        this.featureNames = List.copyOf(featureNames);
        this.label = label;
        this.classNames = List.copyOf(classNames);
        this.history = history;
        this.description = description;
    }

    @Override
    public double[][] predictProbabilities(double[][] x) {
        return probabilities(Inputs.toFloat(x));
    }

    /**
     * @param x raw feature rows
     * @return class probabilities per row
     */
    public double[][] predictProbabilities(float[][] x) {
        return probabilities(x);
    }

    @Override
    public int[] predict(float[][] x) {
        return ClassificationModel.argMax(probabilities(x));
    }

    @Override
    public int[] predict(Table table) {
        return ClassificationModel.argMax(probabilities(Inputs.features(table, featureNames)));
    }

    private double[][] probabilities(float[][] x) {
        Inputs.checkFeatures(x, spec.inputs());
        return DjlNet.softmax(net.forward(standardizer.apply(x)));
    }

    /** @return the number of trainable weights */
    public long parameterCount() {
        return net.parameterCount();
    }

    @Override
    public List<String> classNames() {
        return classNames;
    }

    @Override
    public History history() {
        return history;
    }

    @Override
    public List<String> featureNames() {
        return featureNames;
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public void save(Path dir) throws IOException {
        write(dir, net.block(), spec, standardizer, featureNames, label, classNames, history, description);
    }

    static void write(Path dir, ai.djl.nn.Block block, MlpSpec spec, Standardizer st, List<String> features, String label, List<String> classes,
            History history, String description) throws IOException {
        Properties p = new Properties();
        p.setProperty("kind", KIND);
        p.setProperty("description", description);
        spec.store(p);
        p.setProperty("mean", Persist.floats(st.mean()));
        p.setProperty("std", Persist.floats(st.std()));
        p.setProperty("features", Persist.names(features));
        p.setProperty("label", label);
        p.setProperty("classes", Persist.names(classes));
        Persist.storeHistory(p, history);
        Persist.writeProps(dir, p);
        Persist.writeParams(dir, block);
    }

    /**
     * Reads a model written by {@link #save(Path)}.
     *
     * @param dir the saved directory
     * @return the model, on {@link Devices#preferred()}
     * @throws IOException when the directory is not a saved DJL classifier
     */
    public static DjlClassifier load(Path dir) throws IOException {
        Properties p = Persist.readProps(dir, KIND);
        MlpSpec spec = MlpSpec.load(p);
        DjlNet net = DjlNet.load(dir, KIND, spec.build(), new Shape(1, spec.inputs()));
        return new DjlClassifier(net, spec, new Standardizer(Persist.floats(p.getProperty("mean")), Persist.floats(p.getProperty("std"))),
                Persist.names(p.getProperty("features")), p.getProperty("label"), Persist.names(p.getProperty("classes")),
                Persist.loadHistory(p), p.getProperty("description"));
    }

    @Override
    public void close() {
        net.close();
    }

    @Override
    public String toString() {
        return description;
    }
}
