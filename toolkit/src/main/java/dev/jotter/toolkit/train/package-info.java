/**
 * Training: one fit/predict shape for every model.
 *
 * <p>A trainer is configured with a builder ({@code setX} required, {@code optX} optional) and is
 * never changed by {@code fit}; {@code fit(train[, validation])} returns a new immutable fitted model
 * holding its {@link dev.jotter.toolkit.train.History} and description, with {@code predict},
 * {@code evaluate}, {@code save(dir)} and a static {@code load(dir)}. Inputs are Tablesaw tables (with
 * {@code setFeatures(...)}/{@code setLabel(...)}; {@code setLabel} alone means every other numeric
 * column), plain arrays, {@code ImageSet} or {@code TextSet}; they are checked (shapes, NaN, empty
 * tables, unknown labels) before any native call. Tables are read through
 * {@link dev.jotter.toolkit.data.Matrix} only, and a classifier keeps the classes it was trained with
 * ({@code classes()}), which every prediction, report and table it reads goes through.
 *
 * <table>
 * <caption>Models</caption>
 * <tr><th>Trainer</th><th>Fitted model</th><th>Engine</th></tr>
 * <tr><td>{@link dev.jotter.toolkit.train.SgdRegressor} (linear)</td><td>{@link dev.jotter.toolkit.train.DjlRegressor}</td><td>DJL, SGD + MSE</td></tr>
 * <tr><td>{@link dev.jotter.toolkit.train.MlpRegressor}</td><td>{@link dev.jotter.toolkit.train.DjlRegressor}</td><td>DJL, Adam</td></tr>
 * <tr><td>{@link dev.jotter.toolkit.train.MlpClassifier} (with no hidden layers: softmax regression)</td><td>{@link dev.jotter.toolkit.train.DjlClassifier}</td><td>DJL, Adam</td></tr>
 * <tr><td>{@link dev.jotter.toolkit.train.TransformerClassifier}</td><td>{@link dev.jotter.toolkit.train.TextClassifier}</td><td>DJL, Adam</td></tr>
 * <tr><td>{@link dev.jotter.toolkit.train.ClassicRegression} (exact OLS, ridge, lasso)</td><td>{@link dev.jotter.toolkit.train.LinearModel}</td><td>pure Java</td></tr>
 * <tr><td>{@code SmileClassification} (logistic, random forest, boosting)</td><td>{@code SmileClassifier}</td><td>Smile 6.3, pure-Java paths</td></tr>
 * <tr><td>{@code SmileRegression} (random forest, boosting)</td><td>{@code SmileRegressor}</td><td>Smile 6.3, pure-Java paths</td></tr>
 * </table>
 * The Smile trainers live in the same package but in a module of their own, jotter-toolkit-smile,
 * under GPL-3.0-or-later like Smile itself (docs/licensing.md); the kernel ships it as the
 * {@code lib/smile} layer beside the toolkit's.
 *
 * <p><b>Imbalanced classes.</b> {@code optClassWeights(ClassWeights.BALANCED)} (scikit-learn's
 * {@code class_weight="balanced"}) or {@code optClassWeights(Map.of("rare", 5.0))} on
 * {@link dev.jotter.toolkit.train.MlpClassifier} and {@link dev.jotter.toolkit.train.TransformerClassifier}
 * (a weighted loss) and on {@code SmileClassification.randomForest()} (weighted bootstrap samples); Smile 6.3's logistic
 * regression and boosting take no weights, so their builders do not offer it (a weighted softmax
 * regression is {@code MlpClassifier.builder().optHidden().optClassWeights(...)}). Split such a table
 * with {@code Split.trainTest(table, "label", 0.2, 42)}, which stratifies by the label. A logistic
 * model's weights: {@code SmileClassifier.coefficients()}.
 *
 * <p><b>Training loop.</b> Seeded shuffling (default seed 42, also seeding weight init and dropout),
 * mini-batches each in its own {@code NDManager}, validation every epoch, listeners
 * ({@link dev.jotter.toolkit.train.TrainingListener}; {@link dev.jotter.toolkit.train.EarlyStopping}
 * with restore-best; {@link dev.jotter.toolkit.train.Checkpoint}), {@code optGradientClipNorm},
 * {@code optLearningRateSchedule}. {@link dev.jotter.toolkit.train.DefaultListeners} adds to every fit
 * the listeners of the {@link dev.jotter.toolkit.train.TrainingListenerFactory} services, such as the
 * plot package's progress bar (off with {@code optProgress(false)} or {@code JOTTER_PROGRESS=off}):
 * this package never depends on {@code plot}. {@link dev.jotter.toolkit.train.CustomLoop} is the
 * GradientTape-style loop for writing your own. The loop itself and the networks it trains are DJL
 * plumbing, in {@code dev.jotter.toolkit.train.djl}; notebooks need only this package.
 *
 * <p><b>Natives and devices.</b> The build uses DJL 0.36.0 with {@code pytorch-jni 2.7.1-0.36.0}
 * and one platform's {@code ai.djl.pytorch:pytorch-native-cpu:2.7.1} (e.g. {@code linux-x86_64};
 * {@link dev.jotter.toolkit.train.Platform}) from Maven Central: DJL extracts libtorch from that jar into {@code ~/.djl.ai} and, with
 * {@code ai.djl.offline=true} (set by {@link dev.jotter.toolkit.train.Devices#quiet()}), never goes
 * to the network. {@link dev.jotter.toolkit.train.Devices#preferred()} picks {@code gpu(0)} when DJL
 * runs on a CUDA libtorch and a GPU is present, else the CPU; trainers use that one device unless
 * {@code optDevice(...)} or {@code JOTTER_DEVICE} says otherwise. With CPU natives no CUDA probe runs,
 * so DJL's "Failed to detect GPU count" warning never appears. On CUDA machines no rebuild is needed:
 * {@code JOTTER_TORCH_LIBRARY} names the lib folder of a CUDA build of torch 2.7.1 (the version
 * pytorch-jni's CUDA 12.8 JNI library was built for, e.g. {@code pip install torch==2.7.1
 * --index-url https://download.pytorch.org/whl/cu128}), and {@link dev.jotter.toolkit.train.TorchLibrary}
 * checks it fits before DJL loads it. Threads: libtorch uses all cores, except on
 * machines with 2 cores or fewer, where {@code Devices.quiet()} makes it 1 (its spinning OpenMP
 * threads are many times slower there as soon as anything else runs); set
 * {@code -Dai.djl.pytorch.num_threads=N} to choose (the test build uses 1).
 *
 * <p><b>Smile and BLAS.</b> Smile 6.3's OLS/ridge/lasso need a system OpenBLAS/LAPACK through the
 * FFM API; the toolkit takes the pure-Java path instead ({@code ClassicRegression}), while Smile's
 * logistic regression, random forest and gradient boosting never touch its native bindings.
 */
package dev.jotter.toolkit.train;
