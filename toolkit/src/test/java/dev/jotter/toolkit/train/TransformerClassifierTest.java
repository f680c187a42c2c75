package dev.jotter.toolkit.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Model;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import dev.jotter.toolkit.data.Datasets;
import dev.jotter.toolkit.data.TextSet;
import dev.jotter.toolkit.prep.TfIdf;
import dev.jotter.toolkit.prep.Tokenizer;
import dev.jotter.toolkit.prep.Vocabulary;
import dev.jotter.toolkit.train.djl.FitLoop;
import dev.jotter.toolkit.train.djl.TransformerBlocks;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TransformerClassifierTest {

    @Test
    void builderOffersNoTableColumnsItWouldIgnore() {
        // It trains on text and token ids only: setFeatures/setLabel would be silently ignored.
        List<String> names = java.util.Arrays.stream(TransformerClassifier.Builder.class.getMethods()).map(java.lang.reflect.Method::getName).toList();
        assertTrue(names.contains("optEpochs") && names.contains("optVocabulary"), names.toString());
        assertTrue(!names.contains("setFeatures") && !names.contains("setLabel"), names.toString());
    }

    @Test
    void encoderLayersHavePyTorchParameterCount() {
        // Golden values from Debian python3-torch 1.13: sum(p.numel() for p in
        // nn.TransformerEncoder(nn.TransformerEncoderLayer(d, h, ff, batch_first=True), L).parameters())
        assertEquals(396544, 2 * TransformerBlocks.Spec.encoderLayerParameters(128, 512));
        assertEquals(66944, 2 * TransformerBlocks.Spec.encoderLayerParameters(64, 128));
        assertEquals(8544, TransformerBlocks.Spec.encoderLayerParameters(32, 64));

        TransformerBlocks.Spec spec = new TransformerBlocks.Spec(1000, 16, 64, 4, 2, 128, 0.1f, 3);
        try (Model model = Model.newInstance("count")) {
            TransformerBlocks.Classifier block = new TransformerBlocks.Classifier(spec);
            block.initialize(model.getNDManager(), DataType.FLOAT32, new Shape(2, 16));
            long total = 0;
            long encoder = 0;
            for (var p : block.getParameters()) {
                long n = p.getValue().getArray().getShape().size();
                total += n;
                if (p.getKey().contains("encoder")) {
                    encoder += n;
                }
            }
            assertEquals(66944, encoder);
            assertEquals(1000 * 64 + 66944 + 64 * 3 + 3, total);
            assertEquals(spec.expectedParameters(), total);
        }
    }

    @Test
    void paddingDoesNotChangeThePrediction() {
        TransformerBlocks.Spec spec = new TransformerBlocks.Spec(50, 12, 16, 2, 2, 32, 0f, 2);
        try (Model model = Model.newInstance("pad"); NDManager m = model.getNDManager().newSubManager()) {
            TransformerBlocks.Classifier block = new TransformerBlocks.Classifier(spec);
            block.initialize(model.getNDManager(), DataType.FLOAT32, new Shape(1, 12));
            ParameterStore ps = new ParameterStore(m, false);
            float[] shortPad = block.forward(ps, new NDList(m.create(new int[] {7, 8, 9, 0}, new Shape(1, 4))), false).head().toFloatArray();
            float[] longPad = block.forward(ps, new NDList(m.create(new int[] {7, 8, 9, 0, 0, 0, 0, 0, 0, 0, 0, 0}, new Shape(1, 12))), false)
                    .head().toFloatArray();
            assertArrayEquals(shortPad, longPad, 1e-5f);
            float[] other = block.forward(ps, new NDList(m.create(new int[] {7, 8, 10, 0}, new Shape(1, 4))), false).head().toFloatArray();
            assertTrue(Math.abs(other[0] - shortPad[0]) + Math.abs(other[1] - shortPad[1]) > 1e-6, "a real token must matter");
        }
    }

    static TextSet[] split(TextSet all, double trainFraction, long seed) {
        int[] idx = new int[all.size()];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i;
        }
        FitLoop.shuffle(idx, new java.util.Random(seed));
        int cut = (int) (idx.length * trainFraction);
        return new TextSet[] {all.select(java.util.Arrays.copyOfRange(idx, 0, cut)), all.select(java.util.Arrays.copyOfRange(idx, cut, idx.length))};
    }

    @Test
    void sentimentBeatsMajorityClassBy15Points(@TempDir Path dir) throws Exception {
        TextSet[] parts = split(Datasets.text("sentiment"), 0.8, 42);
        TextSet train = parts[0];
        TextSet test = parts[1];
        int[] counts = new int[2];
        for (int y : test.labels()) {
            counts[y]++;
        }
        double majority = (double) Math.max(counts[0], counts[1]) / test.size();

        TransformerClassifier trainer = TransformerClassifier.builder().optEmbeddingSize(64).optHeads(4).optLayers(2).optFeedForward(128)
                .optMaxLength(24).optDropout(0.1).optEpochs(8).optBatchSize(32).optProgress(false).build();
        long t0 = System.nanoTime();
        try (TextClassifier model = trainer.fit(train, test)) {
            long t1 = System.nanoTime();
            double accuracy = model.evaluate(test).accuracy();
            double baseline = tfIdfLogisticBaseline(train, test);
            System.out.printf("sentiment timing: transformer fit %.1fs, baseline %.1fs%n", (t1 - t0) / 1e9, (System.nanoTime() - t1) / 1e9);
            System.out.printf("sentiment: majority %.3f, transformer %.3f, TF-IDF + logistic regression %.3f%n", majority, accuracy, baseline);
            assertTrue(accuracy >= majority + 0.15, "transformer " + accuracy + " vs majority " + majority + "\n" + model.history());
            assertEquals(8, model.history().epochs());
            System.out.println("sentiment history: " + model.history().get("val_accuracy"));

            model.save(dir.resolve("t"));
            try (TextClassifier back = TextClassifier.load(dir.resolve("t"))) {
                assertArrayEquals(model.predict(test.texts()), back.predict(test.texts()));
                assertEquals(model.vocabulary(), back.vocabulary());
            }
            var e = assertThrows(IllegalArgumentException.class, () -> model.predict(new int[][] {{1, 2}}));
            assertTrue(e.getMessage().contains("padded to 24"), e.getMessage());
        }
    }

    /** Bag-of-words TF-IDF (smooth idf, l2-normalized rows, as sklearn's TfidfVectorizer) into DJL logistic regression. */
    static double tfIdfLogisticBaseline(TextSet train, TextSet test) {
        TfIdf.Fitted tfidf = TfIdf.builder().build().fit(train.texts());
        MlpClassifier lr = MlpClassifier.builder().optHidden().optStandardize(false).optEpochs(20).optLearningRate(0.01).optProgress(false).build();
        try (var model = lr.fit(tfidf.transform(train.texts()), train.labels())) {
            return model.evaluate(tfidf.transform(test.texts()), test.labels()).accuracy();
        }
    }

    @Test
    void usesAGivenTokenizerAndVocabularyAndSavesThem(@TempDir Path dir) throws Exception {
        TextSet train = split(Datasets.text("sentiment"), 0.8, 42)[0].head(200);
        Tokenizer tokenizer = new Tokenizer(true, true, 2);
        Vocabulary vocab = Vocabulary.builder().optMinFrequency(2).build(tokenizer.tokenizeAll(train.texts()));
        TransformerClassifier trainer = TransformerClassifier.builder().optTokenizer(tokenizer).optVocabulary(vocab).optEmbeddingSize(8)
                .optHeads(2).optLayers(1).optFeedForward(8).optMaxLength(12).optEpochs(1).optProgress(false).build();
        try (TextClassifier model = trainer.fit(train)) {
            assertEquals(vocab, model.vocabulary());
            assertEquals(tokenizer, model.tokenizer());
            assertTrue(model.readsText());
            int[][] expected = Vocabulary.padSequences(vocab.encodeAll(tokenizer.tokenizeAll(List.of("A great phone, I loved it"))), 12);
            assertArrayEquals(expected, model.encode(List.of("A great phone, I loved it")));
            assertEquals(vocab.id("great"), expected[0][0], "'a' is shorter than minLength 2, so 'great' comes first");

            model.save(dir.resolve("m"));
            try (TextClassifier back = TextClassifier.load(dir.resolve("m"))) {
                assertEquals(vocab, back.vocabulary());
                assertEquals(tokenizer, back.tokenizer());
                assertArrayEquals(model.predict(train.texts()), back.predict(train.texts()));
            }

            // A save from before the shared tokenizer has no tokenizer settings: refused, not misread.
            Path props = java.nio.file.Files.list(dir.resolve("m")).filter(f -> f.toString().endsWith(".properties")).findFirst().orElseThrow();
            java.util.List<String> kept = java.nio.file.Files.readAllLines(props).stream().filter(l -> !l.startsWith("tokenizer.")).toList();
            java.nio.file.Files.write(props, kept);
            var old = assertThrows(java.io.IOException.class, () -> TextClassifier.load(dir.resolve("m")));
            assertTrue(old.getMessage().contains("train the model again"), old.getMessage());
        }

        // Token ids made by the user: with the vocabulary on the builder the model still reads text.
        int[][] x = Vocabulary.padSequences(vocab.encodeAll(tokenizer.tokenizeAll(train.texts())), 10);
        try (TextClassifier model = trainer.fit(x, train.labels(), vocab.size())) {
            assertEquals(10, model.encode(List.of("great"))[0].length);
            assertEquals(train.size(), model.predict(train.texts()).length);
            var e = assertThrows(IllegalArgumentException.class, () -> trainer.fit(x, train.labels(), vocab.size() + 5));
            assertTrue(e.getMessage().contains(vocab.size() + ", found " + (vocab.size() + 5)), e.getMessage());
        }
        try (TextClassifier model = TransformerClassifier.builder().optEmbeddingSize(8).optHeads(2).optLayers(1).optFeedForward(8).optEpochs(1)
                .optProgress(false).build().fit(x, train.labels(), vocab.size())) {
            assertTrue(!model.readsText());
            var e = assertThrows(UnsupportedOperationException.class, () -> model.predict(List.of("great")));
            assertTrue(e.getMessage().contains("optVocabulary"), e.getMessage());
        }
    }
}
