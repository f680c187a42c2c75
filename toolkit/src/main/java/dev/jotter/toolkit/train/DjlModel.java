package dev.jotter.toolkit.train;

import dev.jotter.toolkit.data.WorkingDirectory;
import java.io.IOException;
import java.nio.file.Path;

/**
 * What {@link DjlRegressor} and {@link DjlClassifier} share: a dense network with its parts,
 * saving and closing. Package-private: users meet these methods on the two public models.
 */
abstract class DjlModel implements FittedModel {

    final DjlTabular.Parts parts;
    private final String kind;

    DjlModel(DjlTabular.Parts parts, String kind) {
        this.parts = parts;
        this.kind = kind;
    }

    /** @return the number of trainable weights */
    public long parameterCount() {
        return parts.net().parameterCount();
    }

    @Override
    public ModelCard card() {
        return parts.card();
    }

    @Override
    public void save(Path dir) throws IOException {
        dir = WorkingDirectory.resolve(dir);
        parts.save(dir, kind);
    }

    @Override
    public void close() {
        parts.net().close();
    }

    @Override
    public String toString() {
        return description();
    }
}
