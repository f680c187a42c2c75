import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.pytorch.jni.LibUtils;
import ai.djl.util.cuda.CudaUtils;
import dev.jotter.toolkit.prep.Split;
import dev.jotter.toolkit.prep.Tokenizer;
import dev.jotter.toolkit.prep.Vocabulary;
import dev.jotter.toolkit.train.Devices;
import dev.jotter.toolkit.train.History;
import dev.jotter.toolkit.train.LearningRateSchedule;
import dev.jotter.toolkit.train.TrainingListener;
import dev.jotter.toolkit.train.djl.BatchSource;
import dev.jotter.toolkit.train.djl.FitLoop;
import dev.jotter.toolkit.train.djl.FitOptions;
import dev.jotter.toolkit.train.djl.MlpSpec;
import dev.jotter.toolkit.train.djl.TransformerBlocks;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.zip.GZIPInputStream;

/**
 * The GPU check's Java side: loads DJL's PyTorch engine the way check.sh configured it
 * (PYTORCH_LIBRARY_PATH, PYTORCH_VERSION, PYTORCH_FLAVOR, a private DJL_CACHE_DIR) and either
 * describes it ({@code probe}) or trains notebook 03's MLP and notebook 04's transformer on one
 * device ({@code train gpu|cpu}) with the toolkit's own training loop (FitLoop, MlpSpec,
 * TransformerBlocks), printing {@code RESULT key=value} lines that check.sh turns into the summary.
 *
 * <p>Throughput is measured per epoch from the second epoch on (the first one pays for CUDA
 * context creation, kernel selection and the JIT); an epoch includes the validation pass, as in
 * the notebooks.
 */
public final class GpuCheck {

    private GpuCheck() {}

    /**
     * Entry point.
     *
     * @param args {@code probe <repo>} or {@code train <gpu|cpu> <repo>}
     * @throws Exception anything the engine throws; check.sh prints it
     */
    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            throw new IllegalArgumentException("Expected 'probe <repo>' or 'train <gpu|cpu> <repo>', found " + Arrays.toString(args));
        }
        System.setProperty("ai.djl.offline", "true");
        // The toolkit's own preparation (offline mode, thread count on small machines), before the engine loads.
        Devices.quiet();
        if (args[0].equals("probe")) {
            probe();
        } else if (args[0].equals("train") && args.length >= 3) {
            train(args[1], Path.of(args[2]));
        } else if (args[0].equals("product")) {
            product(Path.of(args[1]));
        } else {
            throw new IllegalArgumentException("Expected 'probe <repo>' or 'train <gpu|cpu> <repo>', found " + Arrays.toString(args));
        }
    }

    private static void result(String key, Object value) {
        System.out.println("RESULT " + key + "=" + value);
    }

    private static void probe() {
        long t0 = System.nanoTime();
        Engine engine = Engine.getInstance();
        result("engine_load_s", String.format(Locale.ROOT, "%.1f", (System.nanoTime() - t0) / 1e9));
        result("engine", engine.getEngineName() + " " + engine.getVersion());
        result("djl", Engine.getDjlVersion());
        result("libtorch_dir", LibUtils.getLibtorchPath());
        result("features", new TreeSet<>(JniUtils.getFeatures()));
        int gpus = engine.getGpuCount();
        result("gpu_count_djl", gpus);
        if (gpus > 0) {
            result("cuda_runtime", CudaUtils.getCudaVersionString());
            result("compute_capability", CudaUtils.getComputeCapability(0));
        }
        // The real test: libtorch itself allocates and computes on the GPU, whatever DJL's cudart probe says.
        try (NDManager m = NDManager.newBaseManager(Device.gpu(0))) {
            NDArray a = m.arange(0f, 1000f).reshape(10, 100);
            float s = a.matMul(a.transpose()).sum().getFloat();
            float expected = 0;
            for (int i = 0; i < 10; i++) {
                for (int j = 0; j < 10; j++) {
                    for (int k = 0; k < 100; k++) {
                        expected += (float) (i * 100 + k) * (j * 100 + k);
                    }
                }
            }
            boolean ok = Math.abs(s - expected) <= 1e-4 * Math.abs(expected);
            result("cuda_tensor", (ok ? "ok" : "WRONG") + " on " + a.getDevice() + " (sum " + s + ", expected " + expected + ")");
        } catch (RuntimeException | Error e) {
            result("cuda_tensor", "failed: " + oneLine(e));
        }
    }

    private static String oneLine(Throwable e) {
        String s = e.toString().replace('\n', ' ');
        return s.length() > 200 ? s.substring(0, 200) + "..." : s;
    }

    /** Records the wall time of every epoch. */
    private static final class Timer implements TrainingListener {
        private final List<Double> seconds = new ArrayList<>();
        private final List<Map<String, Double>> metrics = new ArrayList<>();
        private long start = System.nanoTime();

        @Override
        public void onTrainBegin(TrainingInfo info) {
            start = System.nanoTime();
        }

        @Override
        public void onEpochEnd(int epoch, Map<String, Double> m, History soFar) {
            long now = System.nanoTime();
            seconds.add((now - start) / 1e9);
            metrics.add(m);
            start = now;
        }

        /** @return mean seconds per epoch from the second epoch on (the first alone when there is one) */
        double steadyEpochSeconds() {
            List<Double> s = seconds.size() > 1 ? seconds.subList(1, seconds.size()) : seconds;
            return s.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        }
    }

    /**
     * The toolkit's own path, as an installed kernel takes it: the only setting is
     * JOTTER_TORCH_LIBRARY (what {@code jotter install --torch-library} writes into kernel.json);
     * {@link Devices#quiet()}, called in main, prepared DJL from it. Prints {@link Devices#info()}
     * and trains notebook 03's MLP on {@link Devices#preferred()}.
     */
    private static void product(Path repo) throws IOException {
        Devices.Info info = Devices.info();
        for (String line : info.toString().split("\n")) {
            System.out.println("INFO " + line);
        }
        Device device = Devices.preferred();
        result("product.device", device);
        mlp("product", device, repo.resolve("datasets/src/main/resources/dev/jotter/datasets"), Integer.getInteger("gpucheck.mlpEpochs", 30));
    }

    private static void train(String deviceName, Path repo) throws IOException {
        Device device = deviceName.equals("gpu") ? Device.gpu(0) : Device.cpu();
        Path data = repo.resolve("datasets/src/main/resources/dev/jotter/datasets");
        Engine engine = Engine.getInstance();
        result(deviceName + ".engine", engine.getEngineName() + " " + engine.getVersion() + " on " + device);
        int mlpEpochs = Integer.getInteger("gpucheck.mlpEpochs", 30);
        int tfEpochs = Integer.getInteger("gpucheck.tfEpochs", 8);
        int wideEpochs = Integer.getInteger("gpucheck.wideEpochs", 4);
        mlp(deviceName, device, data, mlpEpochs);
        transformer(deviceName, device, data, "tf", tfEpochs, 32, new int[] {64, 4, 2, 128});
        if (wideEpochs > 0) {
            // Not a notebook model: the same encoder 4x wider and deeper with batches of 256, to show
            // where a GPU starts to pay off; notebook-sized models are dominated by per-step overhead.
            transformer(deviceName, device, data, "wide", wideEpochs, 256, new int[] {256, 8, 4, 1024});
        }
    }

    private static void mlp(String name, Device device, Path data, int epochs) throws IOException {
        // Notebook 03: digits, 20 % test, 20 % of the rest validation, 64-128-64-32-10, Adam 0.001, batch 32, seed 42, standardized.
        List<float[]> rows = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(data.resolve("digits/digits.csv.gz"))), StandardCharsets.UTF_8))) {
            r.readLine();
            for (String line; (line = r.readLine()) != null;) {
                String[] f = line.split(",");
                float[] px = new float[f.length - 1];
                for (int i = 0; i < px.length; i++) {
                    px[i] = Float.parseFloat(f[i]) / 16f;
                }
                rows.add(px);
                labels.add(Integer.parseInt(f[f.length - 1].trim()));
            }
        }
        int[] y = labels.stream().mapToInt(Integer::intValue).toArray();
        float[][] x = rows.toArray(new float[0][]);
        Split.Indices outer = Split.stratifiedIndices(y, 0.2, 42);
        int[] rest = outer.train();
        Split.Indices inner = Split.stratifiedIndices(pick(y, rest), 0.2, 42);
        int[] trainIdx = map(rest, inner.train());
        int[] valIdx = map(rest, inner.test());
        float[][] xt = pick(x, trainIdx);
        float[][] xv = pick(x, valIdx);
        standardize(xt, xv);
        Timer timer = new Timer();
        FitOptions o = new FitOptions(epochs, 32, 0.001, LearningRateSchedule.constant(), 42, true, 0, 0, device, List.of(timer), false);
        MlpSpec spec = new MlpSpec(64, new int[] {128, 64, 32}, 10, 0f);
        long t0 = System.nanoTime();
        FitLoop.Result r = FitLoop.run("GpuCheck MLP " + spec.layers(), spec.build(), FitLoop.OptimizerKind.ADAM, o,
                new BatchSource.Dense(xt, null, pick(y, trainIdx)), new BatchSource.Dense(xv, null, pick(y, valIdx)), null, null);
        double total = (System.nanoTime() - t0) / 1e9;
        r.model().close();
        double epochS = timer.steadyEpochSeconds();
        String p = name + ".mlp.";
        result(p + "setup", "digits 64-128-64-32-10, " + xt.length + " train / " + xv.length + " validation images, batch 32, " + epochs + " epochs");
        result(p + "total_s", f(total));
        result(p + "first_epoch_s", f(timer.seconds.get(0)));
        result(p + "epoch_s", f(epochS));
        result(p + "samples_per_s", f(xt.length / epochS));
        result(p + "val_accuracy", f(timer.metrics.get(timer.metrics.size() - 1).get("val_accuracy")));
    }

    private static void transformer(String name, Device device, Path data, String key, int epochs, int batch, int[] shape)
            throws IOException {
        // Notebook 04: sentiment, 20 % test, 10 % of the rest validation, 24 tokens, d=64, 4 heads, 2 layers, ff 128, dropout 0.1, batch 32.
        List<String> texts = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        for (String[] rec : csv(Files.readString(data.resolve("sentiment/sentiment.csv"), StandardCharsets.UTF_8))) {
            texts.add(rec[0]);
            labels.add(Integer.parseInt(rec[1]));
        }
        int[] y = labels.stream().mapToInt(Integer::intValue).toArray();
        Split.Indices outer = Split.stratifiedIndices(y, 0.2, 42);
        int[] rest = outer.train();
        Split.Indices inner = Split.stratifiedIndices(pick(y, rest), 0.1, 42);
        int[] trainIdx = map(rest, inner.train());
        int[] valIdx = map(rest, inner.test());
        Tokenizer tokenizer = Tokenizer.standard();
        List<List<String>> trainTokens = new ArrayList<>();
        for (int i : trainIdx) {
            trainTokens.add(tokenizer.tokenize(texts.get(i)));
        }
        List<List<String>> valTokens = new ArrayList<>();
        for (int i : valIdx) {
            valTokens.add(tokenizer.tokenize(texts.get(i)));
        }
        Vocabulary vocab = Vocabulary.builder().build(trainTokens);
        int maxLength = 24;
        int[][] xt = Vocabulary.padSequences(vocab.encodeAll(trainTokens), maxLength);
        int[][] xv = Vocabulary.padSequences(vocab.encodeAll(valTokens), maxLength);
        TransformerBlocks.Spec spec = new TransformerBlocks.Spec(vocab.size(), maxLength, shape[0], shape[1], shape[2], shape[3], 0.1f, 2);
        Timer timer = new Timer();
        FitOptions o = new FitOptions(epochs, batch, 0.001, LearningRateSchedule.constant(), 42, true, 0, 0, device, List.of(timer), false);
        long t0 = System.nanoTime();
        FitLoop.Result r = FitLoop.run("GpuCheck transformer", new TransformerBlocks.Classifier(spec), FitLoop.OptimizerKind.ADAM, o,
                new BatchSource.Tokens(xt, pick(y, trainIdx)), new BatchSource.Tokens(xv, pick(y, valIdx)), null, null);
        double total = (System.nanoTime() - t0) / 1e9;
        r.model().close();
        double epochS = timer.steadyEpochSeconds();
        String p = name + "." + key + ".";
        result(p + "setup", "sentiment transformer d=" + shape[0] + " heads=" + shape[1] + " layers=" + shape[2] + " ff=" + shape[3]
                + " len=" + maxLength + " vocab=" + vocab.size() + ", " + xt.length + " train / " + xv.length + " validation sentences, batch "
                + batch + ", " + epochs + " epochs");
        result(p + "total_s", f(total));
        result(p + "first_epoch_s", f(timer.seconds.get(0)));
        result(p + "epoch_s", f(epochS));
        result(p + "samples_per_s", f(xt.length / epochS));
        result(p + "tokens_per_s", f((double) xt.length * maxLength / epochS));
        result(p + "val_accuracy", f(timer.metrics.get(timer.metrics.size() - 1).get("val_accuracy")));
    }

    private static String f(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }

    private static void standardize(float[][] train, float[][] other) {
        int d = train[0].length;
        for (int j = 0; j < d; j++) {
            double sum = 0;
            double sq = 0;
            for (float[] row : train) {
                sum += row[j];
                sq += (double) row[j] * row[j];
            }
            double mean = sum / train.length;
            double sd = Math.sqrt(Math.max(0, sq / train.length - mean * mean));
            float scale = sd > 1e-12 ? (float) (1 / sd) : 1f;
            for (float[] row : train) {
                row[j] = (float) ((row[j] - mean) * scale);
            }
            for (float[] row : other) {
                row[j] = (float) ((row[j] - mean) * scale);
            }
        }
    }

    private static int[] map(int[] base, int[] idx) {
        int[] out = new int[idx.length];
        for (int i = 0; i < idx.length; i++) {
            out[i] = base[idx[i]];
        }
        return out;
    }

    private static int[] pick(int[] a, int[] idx) {
        int[] out = new int[idx.length];
        for (int i = 0; i < idx.length; i++) {
            out[i] = a[idx[i]];
        }
        return out;
    }

    private static float[][] pick(float[][] a, int[] idx) {
        float[][] out = new float[idx.length][];
        for (int i = 0; i < idx.length; i++) {
            out[i] = a[idx[i]].clone();
        }
        return out;
    }

    /** RFC 4180 records after the header line: quoted fields may hold commas, newlines and doubled quotes. */
    static List<String[]> csv(String text) {
        List<String[]> records = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean header = true;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                fields.add(field.toString());
                field.setLength(0);
                if (!header && !(fields.size() == 1 && fields.get(0).isEmpty())) {
                    records.add(fields.toArray(new String[0]));
                }
                header = false;
                fields.clear();
            } else {
                field.append(c);
            }
        }
        if (field.length() > 0 || !fields.isEmpty()) {
            fields.add(field.toString());
            if (!header) {
                records.add(fields.toArray(new String[0]));
            }
        }
        return records;
    }
}
