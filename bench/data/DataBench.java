import dev.jotter.toolkit.data.Data;
import dev.jotter.toolkit.prep.OneHotEncoder;
import dev.jotter.toolkit.prep.Split;
import dev.jotter.toolkit.prep.StandardScaler;
import tech.tablesaw.api.Table;

/** Jotter side of the bench: the same steps as bench.py. Prints best-of-N seconds. */
public class DataBench {
    public static void main(String[] args) {
        String path = args[0];
        int reps = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        String[] num = {"x0", "x1", "x2", "x3", "x4", "x5", "x6", "x7"};
        double bestLoad = Double.MAX_VALUE;
        double bestPrep = Double.MAX_VALUE;
        for (int r = 0; r < reps + 1; r++) { // one extra, untimed-for-best, warm-up round
            long t0 = System.nanoTime();
            Table t = Data.csv(path);
            long t1 = System.nanoTime();
            Table scaled = StandardScaler.of(num).fit(t).transform(t);
            Table encoded = OneHotEncoder.of("colour", "city").fit(scaled).transform(scaled);
            Split.TrainTest s = Split.trainTest(encoded, 0.2, 42);
            long t2 = System.nanoTime();
            if (s.train().rowCount() + s.test().rowCount() != t.rowCount()) {
                throw new AssertionError("split lost rows");
            }
            if (r > 0) {
                bestLoad = Math.min(bestLoad, (t1 - t0) / 1e9);
                bestPrep = Math.min(bestPrep, (t2 - t1) / 1e9);
            }
        }
        System.out.printf("jotter load %.3f%n", bestLoad);
        System.out.printf("jotter prep %.3f%n", bestPrep);
    }
}
