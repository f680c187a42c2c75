import dev.jotter.toolkit.data.SparseMatrix;
import dev.jotter.toolkit.prep.TfIdf;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** Jotter side of the text bench: the same steps as bench.py, median of REPS after WARMUP runs. */
public class TextBench {
    public static void main(String[] args) throws Exception {
        List<String> texts = Files.readAllLines(Path.of(args[0]));
        int reps = Integer.parseInt(args[1]);
        int warmup = Integer.parseInt(args[2]);
        double[] times = new double[reps];
        SparseMatrix x = null;
        for (int r = 0; r < warmup + reps; r++) {
            long t0 = System.nanoTime();
            x = TfIdf.builder().build().fit(texts).transform(texts);
            if (r >= warmup) {
                times[r - warmup] = (System.nanoTime() - t0) / 1e9;
            }
        }
        Arrays.sort(times);
        double median = reps % 2 == 1 ? times[reps / 2] : (times[reps / 2 - 1] + times[reps / 2]) / 2;
        System.out.printf("jotter rows %d cols %d nnz %d bytes %d seconds %.4f%n", x.rows(), x.cols(), x.nnz(), x.bytes(), median);
    }
}
